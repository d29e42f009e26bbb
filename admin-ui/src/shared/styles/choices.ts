import { css } from 'lit';

/** A row of radio buttons (`.choices` holding labels), wrapping, with large targets in the house blue. */
export const choiceStyles = css`
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
  }
  .choices label {
    font-weight: 400;
    display: flex;
    align-items: center;
    gap: 0.4rem;
    margin: 0;
  }
  input[type='radio'] {
    width: 1.2rem;
    height: 1.2rem;
    margin: 0;
    accent-color: #0b4f8a;
  }
`;
