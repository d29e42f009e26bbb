import { css } from 'lit';

/**
 * The look every element shares: readable type, AA contrast (text at least 4.5:1 on its background),
 * and a focus ring that shows on light and dark backgrounds alike.
 */
export const sharedStyles = css`
  :host {
    display: block;
    color: #1b1b1b;
  }
  :focus-visible {
    outline: 3px solid #0b0c0c;
    outline-offset: 2px;
    box-shadow: 0 0 0 5px #ffdd00;
  }
  a {
    color: #0b4f8a;
    text-underline-offset: 0.15em;
  }
  a:hover {
    color: #062e52;
    text-decoration-thickness: 2px;
  }
  h1 {
    font-size: 1.75rem;
    line-height: 1.25;
    margin: 0 0 1rem;
  }
  h2 {
    font-size: 1.3rem;
    margin: 1.5rem 0 0.75rem;
  }
  p {
    max-width: 70ch;
  }
  button {
    font: inherit;
    font-weight: 600;
    padding: 0.45rem 1rem;
    border: 2px solid #0b4f8a;
    border-radius: 4px;
    background: #0b4f8a;
    color: #ffffff;
    cursor: pointer;
  }
  button:hover {
    background: #062e52;
    border-color: #062e52;
  }
  button.secondary {
    background: #ffffff;
    color: #0b4f8a;
  }
  button.secondary:hover {
    background: #e8f1f8;
  }
  button[disabled] {
    opacity: 0.7;
    cursor: progress;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  input,
  select {
    font: inherit;
    padding: 0.4rem 0.5rem;
    border: 2px solid #505a5f;
    border-radius: 3px;
    background: #ffffff;
    color: #1b1b1b;
  }
  input[aria-invalid='true'] {
    border-color: #b3261e;
  }
  code {
    font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
    font-size: 0.9em;
  }
  .alert {
    border-left: 6px solid #b3261e;
    background: #fdf0ef;
    color: #1b1b1b;
    padding: 0.75rem 1rem;
    margin: 1rem 0;
  }
  .muted {
    color: #4a5257;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
