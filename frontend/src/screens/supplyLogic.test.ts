import { describe, expect, it } from 'vitest';
import { lang } from '../lib/i18n';
import { label } from '../i18n/enums';
import { availabilityLabel, availabilityText } from './availability.i18n';
import { AVAILABILITY_STATUSES, PRICE_KINDS, availabilityTone, availabilityVars, blankPriceForm, canRecordPrice, localDay, pricePointInput } from './supplyLogic';

describe('availability', () => {
  it('colours an answer: in stock green, on its way blue, to replenish amber, unknown plain', () => {
    expect(AVAILABILITY_STATUSES.map(availabilityTone)).toEqual(['good', 'info', 'warn', undefined]);
    expect(availabilityTone('SOMETHING_NEW')).toBeUndefined();
  });

  it('says every status in words, in Chinese and English, and an unknown one as it came', () => {
    lang.set('zh');
    expect(AVAILABILITY_STATUSES.map(availabilityLabel)).toEqual(['现货', '在途可供', '需补货', '无库存记录']);
    lang.set('en');
    expect(AVAILABILITY_STATUSES.map(availabilityLabel)).toEqual(['In stock', 'On its way', 'To replenish', 'No stock on file']);
    expect(availabilityLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('says the answer in the language the app shows, whatever the server wrote', () => {
    const ship = '2027-01-02T08:00:00Z';
    const day = (l: 'zh' | 'en') => new Date(ship).toLocaleString(l === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium' });
    const a = { quantity: 2000000, unit: 'kg', leadTimeDays: 28, earliestShipAt: ship, message: '2e+06 kg：需要补货，交货期 28 天，最早 2027-01-02 发货' };
    lang.set('en');
    expect(availabilityText({ ...a, status: 'TO_REPLENISH' })).toBe(`2,000,000 kg: needs a replenishment; with 28 days’ lead time, ships from ${day('en')}.`);
    expect(availabilityText({ ...a, quantity: 100, status: 'IN_STOCK' })).toBe('100 kg: in stock, ships now.');
    expect(availabilityText({ ...a, quantity: 12.5, status: 'UNKNOWN', earliestShipAt: null })).toBe('12.5 kg: no stock on file, so it cannot be promised yet.');
    lang.set('zh');
    expect(availabilityText({ ...a, status: 'ON_ORDER' })).toBe(`2,000,000 kg：在途库存可满足，最早 ${day('zh')} 发货。`);
    expect(availabilityText({ ...a, status: 'TO_REPLENISH' })).not.toMatch(/[a-df-z]{3,}|e\+/i);
    // A status the app does not know, or a date missing where one is needed: the server's words.
    expect(availabilityText({ ...a, status: 'PARTIAL' })).toBe(a.message);
    expect(availabilityText({ ...a, status: 'ON_ORDER', earliestShipAt: null })).toBe(a.message);
    lang.set('en');
  });

  it('builds the question from what was typed', () => {
    expect(availabilityVars('PR1', '1,200', ' t ', 'CU1')).toEqual({ vars: { productID: 'PR1', quantity: 1200, unit: 't', customerID: 'CU1' } });
    expect(availabilityVars('PR1', '250.5', '')).toEqual({ vars: { productID: 'PR1', quantity: 250.5, unit: null, customerID: null } });
    expect(availabilityVars('PR1', '0', 'kg')).toEqual({ error: 'needQuantity' });
    expect(availabilityVars('PR1', '-3', 'kg')).toEqual({ error: 'needQuantity' });
    expect(availabilityVars('PR1', 'abc', 'kg')).toEqual({ error: 'needQuantity' });
    expect(availabilityVars('PR1', '', 'kg')).toEqual({ error: 'needQuantity' });
    expect(availabilityVars('', '5', 'kg')).toEqual({ error: 'needQuantity' });
  });
});

describe('prices', () => {
  const now = new Date(2026, 4, 20, 15, 30);

  it('lets managers and admins record prices, not analysts or reps', () => {
    expect(['MANAGER', 'ADMIN', 'ANALYST', 'REP', undefined].map(canRecordPrice)).toEqual([true, true, false, false, false]);
  });

  it('starts a list price in CNY from today', () => {
    expect(localDay(now)).toBe('2026-05-20');
    expect(blankPriceForm(now)).toEqual({ kind: 'LIST', price: '', currency: 'CNY', day: '2026-05-20', source: '' });
  });

  it('sends today as now, another day as its start, the currency in capitals', () => {
    const f = { ...blankPriceForm(now), price: '1,234.5', currency: 'usd', source: ' 价目表 2026-Q2 ' };
    expect(pricePointInput(f, 'PR1', now)).toEqual({
      input: { productID: 'PR1', kind: 'LIST', price: 1234.5, currency: 'USD', observedAt: null, source: '价目表 2026-Q2' },
      errors: {},
    });
    const later = pricePointInput({ ...f, day: '2026-07-01', source: '' }, 'PR1', now).input!;
    expect(later.observedAt).toBe(new Date(2026, 6, 1).toISOString());
    expect(later.source).toBeNull();
  });

  it('refuses a price of zero or less, a currency not of three letters, a long source, no day', () => {
    const f = blankPriceForm(now);
    expect(pricePointInput({ ...f, price: '0' }, 'PR1', now).errors).toEqual({ price: 'needPrice' });
    expect(pricePointInput({ ...f, price: '-2' }, 'PR1', now).errors).toEqual({ price: 'needPrice' });
    expect(pricePointInput({ ...f, price: '' }, 'PR1', now).errors).toEqual({ price: 'needPrice' });
    expect(pricePointInput({ ...f, price: '5', currency: 'RMB1' }, 'PR1', now).errors).toEqual({ currency: 'currencyCode' });
    expect(pricePointInput({ ...f, price: '5', currency: 'Y' }, 'PR1', now).errors).toEqual({ currency: 'currencyCode' });
    expect(pricePointInput({ ...f, price: '5', source: 'x'.repeat(201) }, 'PR1', now).errors).toEqual({ source: 'tooLong200' });
    expect(pricePointInput({ ...f, price: '5', day: '' }, 'PR1', now).errors).toEqual({ day: 'needDay' });
    expect(pricePointInput({ ...f, price: '5', day: '2026-02-31' }, 'PR1', now).errors).toEqual({ day: 'needDay' });
    expect(pricePointInput({ ...f, price: '5' }, 'PR1', now).input).toBeDefined();
  });

  it('labels every kind of price in Chinese', () => {
    lang.set('zh');
    expect(PRICE_KINDS.map((k) => label('PricePointKind', k))).toEqual(['目录价', '市场价', '原料价']);
    lang.set('en');
  });
});
