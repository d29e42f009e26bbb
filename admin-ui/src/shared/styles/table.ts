import { css } from 'lit';

/** Data tables: a scrolling frame, a bold caption, ruled rows, a tinted head, numbers aligned right. */
export const tableStyles = css`
  .table-wrap {
    overflow-x: auto;
    /* Hidden texts (position: absolute) stay inside the scrolling frame, never widening the page on a phone. */
    position: relative;
    border: 1px solid #b7cde0;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.95rem;
  }
  caption {
    text-align: left;
    font-weight: 700;
    padding: 0.5rem 0.75rem;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.45rem 0.75rem;
    border-top: 1px solid #d5e0ea;
  }
  thead th {
    background: #e8f1f8;
    white-space: nowrap;
  }
  td.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
`;
