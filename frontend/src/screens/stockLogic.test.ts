import { describe, expect, it } from 'vitest';
import { canSeeStock, canWriteStock, monthOf, stockFormOf, stockInput, stockTone } from './stockLogic';
import { tst, stockStatusLabel } from './stock.i18n';
import { lang } from '../lib/i18n';

describe('stock plan', () => {
  it('colours a status: order now red, order soon amber', () => {
    expect(stockTone('ORDER_NOW')).toBe('bad');
    expect(stockTone('ORDER_SOON')).toBe('warn');
    expect(stockTone('OK')).toBe('good');
    expect(stockTone('NO_FORECAST')).toBe('info');
    expect(stockTone('NO_STOCK_ON_FILE')).toBe('info');
  });

  it('shows the plan to managers, admins and analysts; only managers and admins write stock', () => {
    expect(['MANAGER', 'ADMIN', 'ANALYST', 'REP'].map(canSeeStock)).toEqual([true, true, true, false]);
    expect(['MANAGER', 'ADMIN', 'ANALYST', 'REP'].map(canWriteStock)).toEqual([true, true, false, false]);
  });

  it('says every status in words, in Chinese too, and an unknown one as it came', () => {
    lang.set('zh');
    expect(stockStatusLabel('ORDER_NOW')).toBe('立即下单');
    expect(stockStatusLabel('NO_STOCK_ON_FILE')).not.toMatch(/[A-Z_]{4,}/);
    expect(stockStatusLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    lang.set('en');
    expect(stockStatusLabel('ORDER_SOON')).toBe('Order soon');
    expect(tst('title')).toBe('Stock plan');
  });

  it('reads a month', () => {
    expect(monthOf('2026-03-01T00:00:00Z')).toBe('2026-03');
  });
});

describe('stock form', () => {
  const now = { stockOnHand: null, stockOnOrder: 200, safetyStock: null, leadTimeDays: 30 };

  it('sends only what changed, with the version', () => {
    const f = { ...stockFormOf(now), onHand: '5,000', safety: '500' };
    expect(stockInput(f, now, 3)).toEqual({ input: { version: 3, stockOnHand: 5000, safetyStock: 500 }, errors: {} });
  });

  it('clears what was emptied and sends a new lead time', () => {
    const f = { ...stockFormOf(now), onOrder: ' ', leadTimeDays: '45' };
    expect(stockInput(f, now, 1).input).toEqual({ version: 1, clearStockOnOrder: true, leadTimeDays: 45 });
  });

  it('refuses negative or unreadable quantities and a lead time outside 0–365', () => {
    const f = { onHand: '-1', onOrder: 'abc', safety: '0', leadTimeDays: '366' };
    expect(stockInput(f, now, 1)).toEqual({ errors: { onHand: 'notQuantity', onOrder: 'notQuantity', leadTimeDays: 'leadRange' } });
    expect(stockInput({ ...stockFormOf(now), leadTimeDays: '' }, now, 1).errors).toEqual({ leadTimeDays: 'leadRange' });
    expect(stockInput({ ...stockFormOf(now), leadTimeDays: '2.5' }, now, 1).errors).toEqual({ leadTimeDays: 'leadRange' });
    expect(stockInput({ ...stockFormOf(now), leadTimeDays: '0', safety: '0' }, now, 1).input).toEqual({ version: 1, leadTimeDays: 0, safetyStock: 0 });
  });
});
