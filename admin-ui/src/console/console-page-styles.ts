import { css } from 'lit';

/** The console's layout: the form beside the answer on a wide screen; on paper, only the answer. */
export const consolePageStyles = css`
  .workspace {
    display: grid;
    gap: 1.5rem 2.5rem;
    align-items: start;
  }
  @media (min-width: 64rem) {
    .workspace {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.1fr);
    }
  }
  ri-decision-history {
    margin-top: 2rem;
  }
  .case-fields {
    display: grid;
    gap: 0.4rem;
    margin-bottom: 1.25rem;
  }
  .case-fields label {
    display: grid;
    gap: 0.3rem;
  }
  .case-fields input {
    max-width: 100%;
    box-sizing: border-box;
  }
  .case-fields .hint {
    margin: 0 0 0.5rem;
    color: #4a5257;
    font-size: 0.9rem;
  }
  @media print {
    .page-title,
    .intro,
    ri-console-picker,
    .form-col,
    .alert {
      display: none;
    }
    .workspace {
      display: block;
    }
  }
`;
