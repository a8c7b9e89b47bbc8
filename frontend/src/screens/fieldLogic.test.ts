import { describe, expect, it } from 'vitest';
import {
  blankCompetitor,
  blankOrder,
  blankPitch,
  byShare,
  competitorCreateInput,
  competitorEditInput,
  competitorErrors,
  competitorFieldsOf,
  dayToIso,
  localDay,
  orderErrors,
  orderInput,
  orderedAdvantages,
  parseNumber,
  pitchCreateInput,
  pitchEditInput,
  pitchErrors,
  refusal,
} from './fieldLogic';

describe('parseNumber', () => {
  it('reads what a phone keyboard types', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('  ')).toBeNull();
    expect(parseNumber('30')).toBe(30);
    expect(parseNumber('30%')).toBe(30);
    expect(parseNumber('３５．５％')).toBe(35.5);
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('-3')).toBe(-3);
  });
  it('gives NaN for anything else', () => {
    for (const s of ['abc', '3 0', '1.2.3', '30%%', '一半', '1e3']) expect(parseNumber(s)).toBeNaN();
  });
});

describe('competitors', () => {
  it('needs a name, a short product and a share from 0 to 100', () => {
    expect(competitorErrors(blankCompetitor)).toEqual({ name: 'needName' });
    expect(competitorErrors({ ...blankCompetitor, name: '   ' })).toEqual({ name: 'needName' });
    expect(competitorErrors({ ...blankCompetitor, name: 'x'.repeat(201) })).toEqual({ name: 'nameLong' });
    expect(competitorErrors({ ...blankCompetitor, name: 'x'.repeat(200), product: 'p'.repeat(201) })).toEqual({ product: 'productLong' });
    const ok = { ...blankCompetitor, name: '科莱恩' };
    expect(competitorErrors(ok)).toEqual({});
    for (const share of ['0', '100', '35.5', '40%']) expect(competitorErrors({ ...ok, share })).toEqual({});
    for (const share of ['-1', '100.1', '101', 'abc', '三成']) expect(competitorErrors({ ...ok, share })).toEqual({ share: 'badShare' });
  });

  it('builds the create input: trimmed, empty as null, price position unknown when not chosen', () => {
    expect(competitorCreateInput({ name: ' 科莱恩 ', product: ' ', pricePosition: null, share: '', notes: '' }, 'CU1')).toEqual({
      customerID: 'CU1', name: '科莱恩', product: null, pricePosition: 'UNKNOWN', sharePercent: null, notes: null,
    });
    expect(competitorCreateInput({ name: 'A', product: 'PE wax', pricePosition: 'LOWER', share: '30%', notes: ' cheap ' }, 'CU1')).toEqual({
      customerID: 'CU1', name: 'A', product: 'PE wax', pricePosition: 'LOWER', sharePercent: 30, notes: 'cheap',
    });
  });

  it('builds the edit input with the version, clearing what was emptied', () => {
    expect(competitorEditInput({ name: 'A ', product: '', pricePosition: 'HIGHER', share: '', notes: '' }, 4)).toEqual({
      version: 4, name: 'A', pricePosition: 'HIGHER', clearSharePercent: true, clearProduct: true, clearNotes: true,
    });
    expect(competitorEditInput({ name: 'A', product: 'wax', pricePosition: null, share: '0', notes: 'n' }, 1)).toEqual({
      version: 1, name: 'A', pricePosition: 'UNKNOWN', sharePercent: 0, product: 'wax', notes: 'n',
    });
  });

  it('reads a record back into the form, a share of 0 kept', () => {
    expect(competitorFieldsOf({ name: 'A', product: null, pricePosition: 'LOWER', sharePercent: 0, notes: null })).toEqual({
      name: 'A', product: '', pricePosition: 'LOWER', share: '0', notes: '',
    });
  });

  it('lists the main competitor first, unknown shares last', () => {
    const list = [{ name: 'b', sharePercent: null }, { name: 'c', sharePercent: 10 }, { name: 'a', sharePercent: null }, { name: 'd', sharePercent: 0 }, { name: 'e', sharePercent: 60 }];
    expect(byShare(list).map((x) => x.name)).toEqual(['e', 'c', 'd', 'a', 'b']);
  });
});

describe('pitches', () => {
  it('needs an entry point', () => {
    expect(pitchErrors(blankPitch)).toEqual({ entryPoint: 'needEntry' });
    expect(pitchErrors({ ...blankPitch, entryPoint: 'PERSON' })).toEqual({});
  });

  it('keeps the advantages in the seed’s order, once each, known ones only', () => {
    expect(orderedAdvantages(['FUNDING', 'PRICE', 'PRICE', 'MAGIC', 'PRODUCT_STOCK'])).toEqual(['PRODUCT_STOCK', 'PRICE', 'FUNDING']);
  });

  it('builds the create and edit inputs', () => {
    const f = { entryPoint: 'TECHNOLOGY', advantages: ['PEOPLE', 'TECHNOLOGY'], detail: ' lab support ', active: true };
    expect(pitchCreateInput(f, 'CU1')).toEqual({ customerID: 'CU1', entryPoint: 'TECHNOLOGY', advantages: ['TECHNOLOGY', 'PEOPLE'], detail: 'lab support', active: true });
    expect(pitchEditInput(f, 2)).toEqual({ version: 2, entryPoint: 'TECHNOLOGY', active: true, advantages: ['TECHNOLOGY', 'PEOPLE'], detail: 'lab support' });
    expect(pitchEditInput({ ...f, advantages: [], detail: ' ', active: false }, 3)).toEqual({ version: 3, entryPoint: 'TECHNOLOGY', active: false, clearAdvantages: true, clearDetail: true });
  });
});

describe('orders', () => {
  const now = new Date(2025, 5, 10, 14, 30); // 10 June 2025, 14:30 local
  const ok = { ...blankOrder('2025-06-10'), number: 'PO-1' };

  it('starts on today, in CNY, leaving evaluation to the server', () => {
    expect(localDay(now)).toBe('2025-06-10');
    expect(blankOrder('2025-06-10')).toMatchObject({ orderedAt: '2025-06-10', currency: 'CNY', evaluation: 'auto', number: '' });
  });

  it('checks number, dates, currency and payment days', () => {
    expect(orderErrors(ok)).toEqual({});
    expect(orderErrors({ ...ok, number: ' ' })).toEqual({ number: 'needNumber' });
    expect(orderErrors({ ...ok, number: 'x'.repeat(41) })).toEqual({ number: 'numberLong' });
    expect(orderErrors({ ...ok, deliveryDate: '2025-06-09' })).toEqual({ deliveryDate: 'deliveryBeforeOrder' });
    expect(orderErrors({ ...ok, deliveryDate: '2025-06-10' })).toEqual({});
    expect(orderErrors({ ...ok, deliveryDate: '2025-13-45' })).toEqual({ deliveryDate: 'badDate' });
    expect(orderErrors({ ...ok, orderedAt: 'yesterday' })).toEqual({ orderedAt: 'badDate' });
    for (const currency of ['', 'CN', 'CNYY', 'C1Y', '元']) expect(orderErrors({ ...ok, currency })).toEqual({ currency: 'badCurrency' });
    expect(orderErrors({ ...ok, currency: 'usd' })).toEqual({});
    for (const paymentDays of ['0', '365', '30', '']) expect(orderErrors({ ...ok, paymentDays })).toEqual({});
    for (const paymentDays of ['-1', '366', '30.5', 'net 30']) expect(orderErrors({ ...ok, paymentDays })).toEqual({ paymentDays: 'badPaymentDays' });
    expect(orderErrors({ ...ok, contractNo: 'c'.repeat(81) })).toEqual({ contractNo: 'contractLong' });
  });

  it('builds the input: today is now, another day its local midnight, evaluation only when chosen', () => {
    const input = orderInput({ ...ok, number: ' PO-1 ', deliveryDate: '2025-07-01', currency: 'usd', paymentDays: '60', contractNo: ' HT-9 ' }, 'CU1', now);
    expect(input).toEqual({
      customerID: 'CU1',
      number: 'PO-1',
      orderedAt: now.toISOString(),
      deliveryDate: new Date(2025, 6, 1).toISOString(),
      contractNo: 'HT-9',
      currency: 'USD',
      paymentDays: 60,
      notes: null,
    });
    expect(orderInput({ ...ok, evaluation: 'yes' }, 'CU1', now).isEvaluation).toBe(true);
    expect(orderInput({ ...ok, evaluation: 'no' }, 'CU1', now).isEvaluation).toBe(false);
    expect(orderInput({ ...ok, orderedAt: '2025-06-01' }, 'CU1', now).orderedAt).toBe(new Date(2025, 5, 1).toISOString());
    expect(dayToIso('', now)).toBeNull();
  });
});

describe('refusals', () => {
  it('names the form’s field and text by code and field', () => {
    expect(refusal('CONFLICT', undefined, 'stale')).toEqual({ field: 'form', key: 'conflict' });
    expect(refusal('FORBIDDEN', undefined, '')).toEqual({ field: 'form', key: 'forbidden' });
    expect(refusal('BAD_USER_INPUT', 'sharePercent', 'sharePercent: value out of range')).toEqual({ field: 'share', key: 'badShare' });
    expect(refusal('BAD_USER_INPUT', 'input.currency', '')).toEqual({ field: 'currency', key: 'badCurrency' });
    expect(refusal('BAD_USER_INPUT', 'paymentDays', '')).toEqual({ field: 'paymentDays', key: 'badPaymentDays' });
    expect(refusal('BAD_USER_INPUT', undefined, 'the change conflicts with existing data (a value that must be unique is taken, …)')).toEqual({ field: 'number', key: 'numberTaken' });
  });
  it('leaves what it does not know to the server’s words', () => {
    expect(refusal('BAD_USER_INPUT', 'somethingNew', 'x')).toBeNull();
    expect(refusal('BAD_USER_INPUT', undefined, 'other')).toBeNull();
    expect(refusal('INTERNAL', undefined, 'boom')).toBeNull();
  });
});
