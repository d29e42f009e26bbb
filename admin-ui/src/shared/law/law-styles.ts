import { css } from 'lit';
import { tableStyles } from '../styles/table.ts';

/**
 * What the pages of questions, versions and parameters share: tables, status badges, texts side by side,
 * condition lists. Every colour pair keeps at least 4.5:1 contrast.
 */
export const rulesStyles = [
  tableStyles,
  css`
  .table-wrap {
    overflow-x: auto;
    border: 1px solid #b7cde0;
    margin: 0.5rem 0 1rem;
  }
  td.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  td.day {
    white-space: nowrap;
  }
  tr.current {
    background: #fff7d6;
  }
  .badge {
    display: inline-block;
    font-size: 0.85rem;
    font-weight: 600;
    line-height: 1.3;
    padding: 0.05rem 0.45rem;
    border: 1px solid currentColor;
    border-radius: 999px;
    white-space: nowrap;
  }
  .badge.published {
    color: #0b4f8a;
    background: #eef5fb;
  }
  .badge.inForce {
    color: #1d5e20;
    background: #eef7ee;
  }
  .badge.repealed {
    color: #5c3c00;
    background: #fbf3e4;
  }
  .badge.proposal,
  .badge.proposalDraft {
    color: #5a2a82;
    background: #f5eefb;
  }
  .badge.draft,
  .badge.submitted,
  .badge.rejected {
    color: #3b3f42;
    background: #f1f3f4;
  }
  .badge.rejected {
    color: #8a1c14;
  }
  .texts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
    gap: 0.75rem 1.5rem;
    margin: 0.5rem 0;
  }
  .texts > div {
    border-left: 4px solid #b7cde0;
    padding: 0.1rem 0 0.1rem 0.75rem;
  }
  .texts h4,
  .texts .lang {
    font-size: 0.85rem;
    font-weight: 700;
    color: #3b3f42;
    margin: 0 0 0.25rem;
  }
  .texts p {
    margin: 0;
  }
  .texts .slot {
    font-style: italic;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.3rem 1rem;
    margin: 0.5rem 0 1rem;
  }
  dl.facts dt {
    font-weight: 700;
  }
  dl.facts dd {
    margin: 0;
  }
  .ref {
    text-decoration-style: dotted;
  }
  pre {
    overflow-x: auto;
    background: #f6f8fa;
    border: 1px solid #d5e0ea;
    padding: 0.75rem;
    font-size: 0.85rem;
    line-height: 1.4;
  }
  details > summary {
    cursor: pointer;
    font-weight: 600;
    color: #0b4f8a;
    padding: 0.25rem 0;
  }
  .caveat {
    border-left: 6px solid #8a5a00;
    background: #fdf6e7;
    padding: 0.5rem 1rem;
    margin: 0.5rem 0;
  }
  .warning {
    border-left: 6px solid #8a5a00;
    background: #fdf6e7;
    padding: 0.5rem 1rem;
    margin: 0.5rem 0;
  }
`,
];
