import { css } from 'lit';

/** The builder's shared look: nested fieldsets told apart by a coloured edge, compact fields, inline errors. */
export const conditionStyles = css`
  fieldset {
    margin: 0;
    padding: 0.5rem 0.75rem 0.75rem;
    border: 1px solid #b7cde0;
    border-left: 6px solid #0b4f8a;
    border-radius: 4px;
    min-width: 0;
  }
  fieldset.any {
    border-left-color: #6a3d9a;
  }
  fieldset.not {
    border-left-color: #8a1c14;
  }
  fieldset.leaf,
  fieldset.values {
    border: none;
    padding: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 0.25rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: flex-start;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 12rem;
  }
  .field input[type='text'] {
    min-width: 16rem;
  }
  select {
    max-width: 28rem;
  }
  .check {
    display: flex;
    gap: 0.4rem;
    align-items: center;
    font-weight: 400;
  }
  .error {
    color: #b3261e;
    font-size: 0.9rem;
    margin: 0;
    max-width: 40ch;
  }
  .warning {
    color: #6b4500;
    font-size: 0.9rem;
    margin: 0;
    max-width: 40ch;
  }
  select[aria-invalid='true'] {
    border-color: #b3261e;
  }
  button {
    padding: 0.25rem 0.6rem;
    font-size: 0.9rem;
  }
`;
