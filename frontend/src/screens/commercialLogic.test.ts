import { describe, expect, it } from 'vitest';
import {
  availableTone,
  beyondLimit,
  creditRefusal,
  orderAmount,
  blankProject,
  canSetCreditLimit,
  concentrationScale,
  creditFormOf,
  creditInput,
  dueAtOf,
  milestoneCount,
  milestoneOverdue,
  needsOutcome,
  parseAmount,
  percent,
  projectErrors,
  projectInput,
  projectMoves,
  receiptOverdue,
  sortMilestones,
} from './commercialLogic';

describe('credit form', () => {
  const now = { paymentDays: 30, annualDemandKg: 1000, creditLimit: 500000, creditCurrency: 'CNY' };

  it('sends only what changed, with the version', () => {
    const f = { ...creditFormOf(now), paymentDays: '60' };
    expect(creditInput(f, now, true, 7)).toEqual({ input: { version: 7, paymentDays: 60 }, errors: {} });
  });

  it('clears what was emptied', () => {
    const f = { ...creditFormOf(now), paymentDays: '', annualDemandKg: ' ', creditLimit: '' };
    expect(creditInput(f, now, true, 1).input).toEqual({ version: 1, clearPaymentDays: true, clearAnnualDemandKg: true, clearCreditLimit: true });
  });

  it('reads amounts typed with separators and refuses the server’s refusals', () => {
    expect(parseAmount('1,200,000.5')).toBe(1200000.5);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('-3')).toBeNaN();
    const bad = { paymentDays: '400', annualDemandKg: 'lots', creditLimit: '-1', creditCurrency: 'yuan' };
    expect(creditInput(bad, {}, true, 1)).toEqual({ errors: { paymentDays: 'daysRange', annualDemandKg: 'notAmount', creditLimit: 'notAmount', creditCurrency: 'currencyCode' } });
    expect(creditInput({ ...bad, paymentDays: '3.5' }, {}, true, 1).errors.paymentDays).toBe('daysRange');
  });

  it('leaves the limit alone for a rep, whatever the form holds', () => {
    const f = { ...creditFormOf(now), creditLimit: '1', creditCurrency: 'x' };
    expect(creditInput(f, now, false, 2)).toEqual({ input: { version: 2 }, errors: {} });
    expect(canSetCreditLimit('REP')).toBe(false);
    expect(canSetCreditLimit('MANAGER')).toBe(true);
    expect(canSetCreditLimit('ADMIN')).toBe(true);
    expect(canSetCreditLimit(undefined)).toBe(false);
  });

  it('sets a new limit in an upper-case currency', () => {
    const f = { ...creditFormOf({}), creditLimit: '800000', creditCurrency: 'usd' };
    expect(creditInput(f, {}, true, 3).input).toEqual({ version: 3, creditLimit: 800000, creditCurrency: 'USD' });
  });

  it('says how much credit is left in tones, and shares as percentages', () => {
    expect(availableTone(null, null)).toBeUndefined();
    expect(availableTone(100, -1)).toBe('bad');
    expect(availableTone(100, 5)).toBe('warn');
    expect(availableTone(100, 50)).toBeUndefined();
    expect(percent(0.3178)).toBe('31.8%');
    expect(percent(0.05)).toBe('5%');
    expect(percent(0.0512)).toBe('5.1%');
    expect(percent(0.2)).toBe('20%');
    expect(percent(null)).toBe('');
  });

  it('scales concentration bars to the largest share or the threshold', () => {
    expect(concentrationScale([{ shareOfOurRevenue: 0.5 }], 0.2)).toBeCloseTo(0.55);
    expect(concentrationScale([{ shareOfOurRevenue: 0.05 }], 0.2)).toBeCloseTo(0.22);
    expect(concentrationScale([{ shareOfOurRevenue: 0.95 }], 0.2)).toBe(1);
  });

  it('knows an overdue receipt', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    expect(receiptOverdue({ paymentDueAt: '2026-02-01T00:00:00Z', paid: false }, now)).toBe(true);
    expect(receiptOverdue({ paymentDueAt: '2026-02-01T00:00:00Z', paid: true }, now)).toBe(false);
    expect(receiptOverdue({ paymentDueAt: '2026-04-01T00:00:00Z', paid: false }, now)).toBe(false);
    expect(receiptOverdue({ paymentDueAt: null, paid: false }, now)).toBe(false);
  });
});

describe('projects', () => {
  it('moves as the server does, asking the outcome to end', () => {
    expect(projectMoves('PROPOSED')).toEqual(['start', 'stop']);
    expect(projectMoves('ACTIVE')).toEqual(['finish', 'stop']);
    expect(projectMoves('DONE')).toEqual([]);
    expect(projectMoves('STOPPED')).toEqual([]);
    expect(needsOutcome('start')).toBe(false);
    expect(needsOutcome('finish')).toBe(true);
    expect(needsOutcome('stop')).toBe(true);
  });

  it('counts and orders milestones; open ones past due are overdue', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    const ms = [
      { title: 'c', dueAt: null, doneAt: null },
      { title: 'd', dueAt: '2026-01-01T00:00:00Z', doneAt: '2026-01-02T00:00:00Z' },
      { title: 'b', dueAt: '2026-05-01T00:00:00Z', doneAt: null },
      { title: 'a', dueAt: '2026-02-01T00:00:00Z', doneAt: null },
    ];
    expect(sortMilestones(ms).map((m) => m.title)).toEqual(['a', 'b', 'c', 'd']);
    expect(milestoneCount(ms)).toEqual({ done: 1, total: 4 });
    expect(milestoneCount(null)).toEqual({ done: 0, total: 0 });
    expect(milestoneOverdue(ms[3], now)).toBe(true);
    expect(milestoneOverdue(ms[1], now)).toBe(false);
    expect(milestoneOverdue(ms[0], now)).toBe(false);
  });

  it('checks the form as the server would', () => {
    expect(projectErrors(blankProject())).toEqual({ kind: 'needKind', title: 'needTitle' });
    const f = { ...blankProject(), kind: 'FUNDING', title: 'x'.repeat(201), budget: 'abc', currency: 'RMB1' };
    expect(projectErrors(f)).toEqual({ title: 'tooLong200', budget: 'notAmount', currency: 'currencyCode' });
    expect(projectErrors({ ...blankProject(), kind: 'OTHER', title: '共同开发' })).toEqual({});
  });

  it('makes the create input, and an update that clears what was emptied', () => {
    const f = { ...blankProject(), kind: 'JOINT_RND', title: ' 低 VOC ', goal: 'g', budget: '120,000', currency: 'cny', needID: 'N1' };
    expect(projectInput(f, 'C1')).toEqual({
      kind: 'JOINT_RND', title: '低 VOC', currency: 'CNY', customerID: 'C1', goal: 'g', programme: null, budget: 120000, ourLeadID: null, needID: 'N1', productID: null,
    });
    const old = { ...f, programme: 'p', ourLeadID: 'U1', version: 4 };
    const upd = projectInput({ ...f, goal: '', budget: '', needID: '' }, 'C1', old);
    expect(upd).toEqual({ kind: 'JOINT_RND', title: '低 VOC', currency: 'CNY', version: 4, clearGoal: true, clearProgramme: true, clearBudget: true, clearOurLead: true, clearNeed: true });
  });

  it('takes a due day as the end of that day', () => {
    const iso = dueAtOf('2026-05-01')!;
    const d = new Date(iso);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2026, 4, 1, 23]);
    expect(dueAtOf('')).toBeNull();
  });
});

describe('confirming beyond the credit limit', () => {
  it('reads the figures of the server’s refusal', () => {
    expect(creditRefusal('owed 100.00 + this order 50.50 = 150.50 CNY, over the credit limit of 120.00 CNY: a manager confirms this order')).toEqual({
      kind: 'over', open: 100, amount: 50.5, total: 150.5, currency: 'CNY', limit: 120,
    });
    expect(creditRefusal('the exposure against the credit limit of 5000.00 USD is unknown: an amount has no exchange rate on file for its date: say why you confirm it (note)')).toEqual({
      kind: 'unknown', limit: 5000, currency: 'USD',
    });
    expect(creditRefusal({ message: 'x', extensions: { creditLimit: 10000, open: 8000, amount: 8000, currency: 'CNY', exposureUnknown: false } })).toEqual({
      kind: 'over', open: 8000, amount: 8000, total: 16000, currency: 'CNY', limit: 10000,
    });
    expect(creditRefusal({ message: 'x', extensions: { creditLimit: 5000, currency: 'USD', exposureUnknown: true } })).toEqual({ kind: 'unknown', limit: 5000, currency: 'USD' });
    expect(creditRefusal({ message: 'x', extensions: { code: 'FORBIDDEN' } })).toBeNull();
    expect(creditRefusal('something else')).toBeNull();
    expect(creditRefusal(undefined)).toBeNull();
  });

  it('tells beforehand when it can', () => {
    const amount = orderAmount([{ quantity: 1000, unitPrice: 42.5 }, { quantity: 10, unitPrice: null }]);
    expect(amount).toBe(42500);
    expect(beyondLimit({ limit: 50000, currency: 'CNY', open: 10000 }, 'CNY', amount)).toBe(true);
    expect(beyondLimit({ limit: 60000, currency: 'CNY', open: 10000 }, 'CNY', amount)).toBe(false);
    expect(beyondLimit({ limit: 50000, currency: 'CNY', open: 10000 }, 'USD', amount)).toBeNull();
    expect(beyondLimit({ limit: null, currency: 'CNY', open: 10000 }, 'CNY', amount)).toBe(false);
  });
});
