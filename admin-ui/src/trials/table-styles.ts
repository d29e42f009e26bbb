import { css } from 'lit';

/** The trial pages' data tables: scroll sideways inside their box on a narrow screen, numbers right-aligned. */
export const tableStyles = css`
  .table-wrap {
    overflow-x: auto;
    margin-bottom: 1rem;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    font-size: 0.95rem;
  }
  caption {
    text-align: left;
    font-weight: 700;
    padding: 0 0 0.5rem;
  }
  th,
  td {
    padding: 0.4rem 0.75rem;
    border-top: 1px solid #d5e0ea;
    text-align: left;
  }
  thead th {
    background: #e8f1f8;
  }
  td.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
`;
