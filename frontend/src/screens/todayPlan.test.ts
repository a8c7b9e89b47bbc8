import { describe, expect, it } from 'vitest';
import { moreLeft, planParts, snoozeChoices, telHref } from './todayPlan';

const item = (kind: string, id: string, urgency: string) => ({ kind, urgency, node: { id } });

describe('planParts', () => {
  it('splits by urgency in the order given, drops hidden and repeated items', () => {
    const parts = planParts(
      [
        item('ISSUE_PAST_SLA', 'i1', 'NOW'),
        item('VISIT_DUE', 'v1', 'TODAY'),
        item('TASK_OVERDUE', 't1', 'TODAY'),
        item('KEY_PERSON_OVERDUE', 'c1', 'LATER'),
        item('TASK_OVERDUE', 't1', 'TODAY'),
        item('SAMPLE_NO_RESULT', 's1', 'LATER'),
      ],
      new Set(['SAMPLE_NO_RESULT:s1']),
    );
    expect(parts.map((p) => [p.urgency, p.items.map((i) => i.node.id)])).toEqual([
      ['NOW', ['i1']],
      ['TODAY', ['v1', 't1']],
      ['LATER', ['c1']],
    ]);
  });
  it('leaves out empty parts', () => {
    expect(planParts([item('VISIT_DUE', 'v1', 'TODAY')], new Set()).map((p) => p.urgency)).toEqual(['TODAY']);
    expect(planParts([], new Set())).toEqual([]);
  });
  it('keeps the same record under two kinds apart', () => {
    const parts = planParts([item('EVALUATION_DECISION', 'c1', 'NOW'), item('KEY_PERSON_OVERDUE', 'c1', 'LATER')], new Set(['KEY_PERSON_OVERDUE:c1']));
    expect(parts.map((p) => p.items.length)).toEqual([1]);
  });
});

describe('snoozeChoices', () => {
  const at = (s: string) => new Date(s);
  it('brings items back at 9:00 tomorrow, in 3 days and next Monday', () => {
    const c = snoozeChoices(at('2026-12-02T15:30:00')); // a Wednesday
    expect(c.map((x) => [x.choice, x.until.getDate(), x.until.getHours()])).toEqual([
      ['tomorrow', 3, 9],
      ['in3', 5, 9],
      ['monday', 7, 9],
    ]);
  });
  it('offers no Monday that is tomorrow or in 3 days', () => {
    expect(snoozeChoices(at('2026-12-06T10:00:00')).map((x) => x.choice)).toEqual(['tomorrow', 'in3']); // Sunday
    expect(snoozeChoices(at('2026-12-04T10:00:00')).map((x) => x.choice)).toEqual(['tomorrow', 'in3']); // Friday
  });
  it('on a Monday, next Monday is a week away', () => {
    const c = snoozeChoices(at('2026-12-07T08:00:00'));
    expect(c[2]).toMatchObject({ choice: 'monday' });
    expect(c[2].until.getDate()).toBe(14);
  });
});

describe('telHref', () => {
  it('dials what a phone can dial', () => {
    expect(telHref('138 0000 1111')).toBe('tel:13800001111');
    expect(telHref('+86 (21) 5555-1234')).toBe('tel:+862155551234');
    expect(telHref('ask reception')).toBeUndefined();
    expect(telHref(null)).toBeUndefined();
  });
});

describe('moreLeft', () => {
  it('names the exact rest of a counted kind, and no button once all are shown', () => {
    expect(moreLeft(30, false, 5, false)).toBe('25');
    expect(moreLeft(30, false, 29, false)).toBe('1');
    expect(moreLeft(30, false, 30, false)).toBeNull();
    expect(moreLeft(5, false, 5, false)).toBeNull();
  });
  it('names the rest of a capped kind as a lower bound, and keeps offering more past the cap', () => {
    expect(moreLeft(100, true, 5, false)).toBe('95+');
    expect(moreLeft(100, true, 80, false)).toBe('20+');
    expect(moreLeft(100, true, 100, false)).toBe('');
    expect(moreLeft(100, true, 130, false)).toBe('');
  });
  it('stops offering more once a load came back short', () => {
    expect(moreLeft(100, true, 117, true)).toBeNull();
    expect(moreLeft(100, true, 5, true)).toBeNull();
    expect(moreLeft(30, false, 12, true)).toBeNull();
  });
});
