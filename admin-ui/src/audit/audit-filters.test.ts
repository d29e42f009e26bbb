import { describe, expect, it } from 'vitest';
import { actionKinds, filtersFromSearch, filtersToQuery, filtersToSearch, NO_FILTERS } from './audit-filters.ts';

describe('audit filters', () => {
  it('round-trips through the address, dropping empty and malformed values', () => {
    const f = { action: 'draft', actor: 'anna', from: '2025-10-01', to: '' };
    expect(filtersToSearch(f)).toBe('?action=draft&actor=anna&from=2025-10-01');
    expect(filtersFromSearch(filtersToSearch(f))).toEqual(f);
    expect(filtersFromSearch('?from=yesterday&to=2025-13')).toEqual(NO_FILTERS);
    expect(filtersToSearch(NO_FILTERS)).toBe('');
  });

  it('turns the user’s days into UTC instants covering the whole of each day', () => {
    const q = filtersToQuery({ ...NO_FILTERS, from: '2025-10-15', to: '2025-10-15' });
    const from = new Date(q.from ?? '');
    const to = new Date(q.to ?? '');
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours(), from.getMinutes()]).toEqual([
      2025, 9, 15, 0, 0,
    ]);
    expect([to.getDate(), to.getHours(), to.getMinutes(), to.getSeconds(), to.getMilliseconds()]).toEqual([15, 23, 59, 59, 999]);
    expect(filtersToQuery(NO_FILTERS)).toEqual({});
  });

  it('offers a kind only when it groups several actions', () => {
    expect(actionKinds(['import', 'draft.open', 'draft.save', 'user.add', 'publish'])).toEqual(['draft']);
  });
});
