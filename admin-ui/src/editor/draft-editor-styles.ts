import { css } from 'lit';

/** The draft page's layout: the text beside its side panel on a wide screen, the sections below, stale results, a refusal at the top. */
export const draftEditorStyles = css`
  .workspace {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1.5rem;
  }
  .workspace[hidden] {
    display: none;
  }
  @media (min-width: 1100px) {
    .workspace.with-side {
      grid-template-columns: minmax(0, 3fr) minmax(20rem, 2fr);
    }
  }
  .help {
    font-size: 0.9rem;
  }
  section {
    margin-top: 1.5rem;
  }
  .refusal {
    border-left: 6px solid #b3261e;
    background: #fdf0ef;
    padding: 0.75rem 1rem;
    margin-bottom: 1rem;
  }
  .untested {
    border-left: 5px solid #8a5a00;
    background: #fff8e5;
    padding: 0.5rem 0.75rem;
    margin-top: 0.75rem;
  }
  .stale {
    border-left: 5px solid #8a5a00;
    background: #fff8e5;
    padding: 0.5rem 0.75rem;
  }
`;
