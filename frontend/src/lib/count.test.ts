import { describe, expect, it } from 'vitest';
import { countText, sumCounts } from './count';

describe('countText', () => {
  it('shows an exact count as the number', () => {
    expect(countText(0, false)).toBe('0');
    expect(countText(7, false)).toBe('7');
    expect(countText(100)).toBe('100');
  });
  it('shows a lower bound as the number followed by +', () => {
    expect(countText(100, true)).toBe('100+');
    expect(countText(95, true)).toBe('95+');
  });
});

describe('sumCounts', () => {
  const counts = [
    { kind: 'ISSUE_PAST_SLA', count: 2, atLeast: false },
    { kind: 'ORDER_LATE', count: 100, atLeast: true },
    { kind: 'TASK_OVERDUE', count: 4, atLeast: false },
  ];
  it('adds only the kinds asked for', () => {
    expect(sumCounts(counts, new Set(['ISSUE_PAST_SLA', 'TASK_OVERDUE']))).toEqual({ count: 6, atLeast: false });
    expect(sumCounts(counts, new Set())).toEqual({ count: 0, atLeast: false });
  });
  it('is a lower bound when one of the kinds is', () => {
    expect(sumCounts(counts, new Set(['ISSUE_PAST_SLA', 'ORDER_LATE']))).toEqual({ count: 102, atLeast: true });
    expect(sumCounts([...counts, { kind: 'ORDER_LATE', count: 3, atLeast: false }], new Set(['ORDER_LATE']))).toEqual({ count: 103, atLeast: true });
  });
});
