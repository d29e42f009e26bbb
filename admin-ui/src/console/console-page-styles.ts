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
