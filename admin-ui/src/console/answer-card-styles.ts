import { css } from 'lit';

/** How the answer card looks: the outcome in a coloured band, amounts large, reasons numbered; on paper, plain. */
export const answerCardStyles = css`
  section {
    border: 2px solid #0b4f8a;
    border-radius: 6px;
    background: #ffffff;
    padding: 1rem 1.25rem;
  }
  h2 {
    margin-top: 0;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid #0b0c0c;
  }
  h3 {
    font-size: 1.1rem;
    margin: 1.25rem 0 0.5rem;
  }
  .asked {
    margin: -0.5rem 0 1rem;
    color: #4a5257;
  }
  .outcome {
    font-size: 1.35rem;
    font-weight: 700;
    padding: 0.5rem 0.75rem;
    border-left: 8px solid #505a5f;
    background: #f3f2f1;
    margin: 0 0 1rem;
  }
  .outcome.yes {
    border-color: #00703c;
    background: #e7f4ec;
  }
  .outcome.no {
    border-color: #b3261e;
    background: #fdf0ef;
  }
  .outcome .label {
    display: block;
    font-size: 0.9rem;
    font-weight: 600;
    color: #1b1b1b;
  }
  dl {
    display: grid;
    /* The label wraps on a phone before an amount would leave the screen (an amount never wraps). */
    grid-template-columns: auto minmax(min-content, 1fr);
    align-items: start;
    gap: 0.3rem 1rem;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .money {
    /* An amount never breaks inside its number on a phone. */
    white-space: nowrap;
    font-size: 1.2rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  ol.reasons {
    padding-left: 1.5rem;
    margin: 0;
  }
  ol.reasons li {
    margin-bottom: 0.6rem;
  }
  .basis {
    font-weight: 700;
    white-space: nowrap;
  }
  .failed {
    font-size: 0.9rem;
    font-style: italic;
  }
  ul.caveats li {
    margin-bottom: 0.4rem;
  }
  .missing {
    border-left: 6px solid #b3261e;
    background: #fdf0ef;
    padding: 0.5rem 1rem;
  }
  .missing ul {
    margin: 0.25rem 0 0;
    padding-left: 1.25rem;
  }
  button.link {
    background: none;
    border: none;
    padding: 0;
    color: #0b4f8a;
    text-decoration: underline;
    font-weight: 600;
  }
  button.link:hover {
    color: #062e52;
    background: none;
  }
  .print-text {
    display: none;
  }
  .meta {
    margin-top: 1.25rem;
    font-size: 0.95rem;
  }
  @media print {
    section {
      border: 1px solid #000000;
      padding: 0.5rem 0.75rem;
    }
    .outcome {
      border-left-width: 4px;
    }
    button.link {
      display: none;
    }
    .print-text {
      display: inline;
    }
    h3 {
      break-after: avoid;
    }
    li {
      break-inside: avoid;
    }
  }
`;
