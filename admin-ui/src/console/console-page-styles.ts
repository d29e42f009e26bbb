import { css } from 'lit';

/** The console's layout: the form beside the answer on a wide screen; on paper, only the answer. */
export const consolePageStyles = css`
  .workspace {
    display: grid;
    /* One column on a phone that never grows past the screen for a long word inside. */
    grid-template-columns: minmax(0, 1fr);
    gap: 1.5rem 2.5rem;
    align-items: start;
  }
  .workspace > * {
    min-width: 0;
  }
  @media (min-width: 64rem) {
    .workspace {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.1fr);
    }
  }
  .modes {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-bottom: 1rem;
  }
  .mode[aria-pressed='true'] {
    background: #0b4f8a;
    color: #fff;
  }
  .mode[aria-pressed='false'] {
    background: #fff;
    color: #0b4f8a;
    border: 2px solid #0b4f8a;
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
    .modes,
    .alert {
      display: none;
    }
    .workspace {
      display: block;
    }
  }
`;
