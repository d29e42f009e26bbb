import { css } from 'lit';

/** How a fact's field looks, in the form and in a records fact: label, tags, help, problem, choices. */
export const factFieldStyles = css`
  .field,
  .group {
    margin: 0 0 1.25rem;
  }
  fieldset.group {
    border: none;
    padding: 0;
    min-width: 0;
  }
  fieldset.group > legend,
  .field > label {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.25rem;
  }
  .tag {
    display: inline-block;
    font-size: 0.8rem;
    font-weight: 600;
    padding: 0 0.4rem;
    margin-left: 0.35rem;
    border: 1px solid #505a5f;
    border-radius: 3px;
    color: #1b1b1b;
    background: #f3f2f1;
    vertical-align: 0.1em;
  }
  .tag.required {
    border-color: #0b4f8a;
    color: #0b4f8a;
    background: #ffffff;
  }
  .help {
    margin: 0 0 0.4rem;
    color: #4a5257;
    font-size: 0.95rem;
  }
  .problem {
    margin: 0 0 0.4rem;
    color: #b3261e;
    font-weight: 600;
  }
  .problem::before {
    content: '⚠ ';
  }
  [aria-invalid='true'] {
    border-color: #b3261e;
  }
  fieldset[aria-invalid='true'] {
    border-left: 4px solid #b3261e;
    padding-left: 0.75rem;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem 1.25rem;
  }
  .choices.column {
    flex-direction: column;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 400;
    margin: 0;
  }
  .choice input {
    width: 1.2rem;
    height: 1.2rem;
    margin: 0;
  }
`;
