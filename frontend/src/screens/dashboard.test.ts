import { describe, expect, it } from 'vitest';
import { byKey, explorerHref, largest, lastMonths, ordersByMonth, spoken } from './dashboard';

describe('dashboard figures', () => {
  it('puts an aggregate in a fixed order, missing keys as 0', () => {
    const s = byKey([{ keys: ['TRIAL'], count: 3 }, { keys: ['PROSPECT'], count: 5 }], ['PROSPECT', 'SAMPLING', 'TRIAL'], (k) => k.toLowerCase());
    expect(s).toEqual({ labels: ['prospect', 'sampling', 'trial'], values: [5, 0, 3] });
  });
  it('keeps the largest groups', () => {
    const s = largest([{ keys: ['A'], count: 1 }, { keys: ['B'], count: 9 }, { keys: [null], count: 4 }], 2, (k) => k || '—');
    expect(s).toEqual({ labels: ['B', '—'], values: [9, 4] });
  });
  it('counts the last months, across currencies', () => {
    const months = lastMonths(new Date('2026-02-15T00:00:00Z'), 4);
    expect(months).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    const s = ordersByMonth([{ keys: ['2026-01'], orders: 2 }, { keys: ['2026-01'], orders: 3 }, { keys: ['2024-01'], orders: 7 }], months);
    expect(s).toEqual({ labels: ['25-11', '25-12', '26-01', '26-02'], values: [0, 0, 5, 0] });
  });
  it('says a chart in words and links its query', () => {
    expect(spoken({ labels: ['a', 'b'], values: [1, 2] })).toBe('a 1, b 2');
    expect(explorerHref(' { team { total } } ')).toBe('/explorer?query=' + encodeURIComponent('{ team { total } }'));
  });
});
