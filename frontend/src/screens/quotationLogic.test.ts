import { describe, expect, it } from 'vitest';
import { enumEn, enumZh } from '../i18n/enums';
import {
  actionsFor,
  blankDraft,
  blankLine,
  breakKind,
  dayString,
  draftErrors,
  draftInput,
  endOfDay,
  formOf,
  groupLines,
  linePrice,
  num,
  serverError,
  startOfDay,
  type DraftForm,
} from './quotationLogic';

const P1 = { id: 'PR1', code: 'A-100', name: '抗氧剂 1010' };
const P2 = { id: 'PR2', code: 'B-200', name: '光稳定剂 770' };

function filled(): DraftForm {
  const f = blankDraft(new Date(2026, 0, 15));
  f.lines = [
    blankLine({ productID: 'PR1', unitPrice: '42.5' }),
    blankLine({ productID: 'PR1', minQuantity: '1000', unitPrice: '41' }),
  ];
  return f;
}

describe('blankDraft', () => {
  it('holds prices from today for 90 days, in CNY, with one empty line', () => {
    const f = blankDraft(new Date(2026, 0, 15, 10, 30));
    expect(f.validFrom).toBe('2026-01-15');
    expect(f.validUntil).toBe('2026-04-15');
    expect(f.currency).toBe('CNY');
    expect(f.lines).toHaveLength(1);
    expect(draftErrors(f)).toEqual({ 'lines.0.productID': 'needProduct', 'lines.0.unitPrice': 'needPrice' });
  });
});

describe('draftErrors', () => {
  it('accepts a complete draft', () => {
    expect(draftErrors(filled())).toEqual({});
  });

  it('mirrors the server: currency, period, payment days, lengths', () => {
    const f = { ...filled(), currency: 'RMB1', validUntil: '2026-01-10', paymentDays: '400', incotermPlace: 'x'.repeat(121) };
    expect(draftErrors(f)).toEqual({ currency: 'badCurrency', validUntil: 'untilBeforeFrom', paymentDays: 'badPaymentDays', incotermPlace: 'tooLong' });
    expect(draftErrors({ ...filled(), validUntil: '2029-03-01' }).validUntil).toBe('tooLong3y');
    expect(draftErrors({ ...filled(), validFrom: '' }).validFrom).toBe('needFrom');
    expect(draftErrors({ ...filled(), paymentDays: '30.5' }).paymentDays).toBe('badPaymentDays');
    expect(draftErrors({ ...filled(), paymentDays: '０' })).toEqual({});
    expect(draftErrors({ ...filled(), currency: ' usd ' })).toEqual({});
    // A one-day offer is a period (from the day's start to its end).
    expect(draftErrors({ ...filled(), validUntil: '2026-01-15' })).toEqual({});
  });

  it('needs one to 60 lines, each with a product and a price above zero', () => {
    expect(draftErrors({ ...filled(), lines: [] })).toEqual({ lines: 'needLines' });
    expect(draftErrors({ ...filled(), lines: Array.from({ length: 61 }, (_, i) => blankLine({ productID: 'PR1', minQuantity: String(i), unitPrice: '1' })) })).toEqual({
      lines: 'tooManyLines',
    });
    const f = filled();
    f.lines[1] = { ...f.lines[1], unitPrice: '0', minQuantity: '-5' };
    expect(draftErrors(f)).toEqual({ 'lines.1.unitPrice': 'needPrice', 'lines.1.minQuantity': 'badMinQuantity' });
  });

  it('refuses two prices for the same product, grade, unit and quantity', () => {
    const f = filled();
    f.lines[1] = { ...f.lines[1], minQuantity: '' };
    expect(draftErrors(f)).toEqual({ 'lines.1.minQuantity': 'duplicateBreak' });
    f.lines[1] = { ...f.lines[1], grade: '粉末' };
    expect(draftErrors(f)).toEqual({});
    f.lines[1] = { ...f.lines[1], grade: '', unit: 't' };
    expect(draftErrors(f)).toEqual({});
  });
});

describe('draftInput', () => {
  it('builds the server input: trimmed, defaults filled, the period as whole days', () => {
    const f = { ...filled(), currency: ' usd', incoterm: 'FOB', incotermPlace: ' 宁波 ', paymentDays: '60', notes: '  ' };
    f.lines[0] = { ...f.lines[0], grade: ' ', unit: '', note: ' 含税 ' };
    const input = draftInput(f, 'CU1');
    expect(input).toEqual({
      customerID: 'CU1',
      sampleID: null,
      currency: 'USD',
      incoterm: 'FOB',
      incotermPlace: '宁波',
      paymentDays: 60,
      paymentTerms: null,
      validFrom: new Date(2026, 0, 15).toISOString(),
      validUntil: new Date(2026, 3, 15, 23, 59, 59).toISOString(),
      notes: null,
      lines: [
        { productID: 'PR1', grade: null, minQuantity: 0, unit: 'kg', unitPrice: 42.5, note: '含税' },
        { productID: 'PR1', grade: null, minQuantity: 1000, unit: 'kg', unitPrice: 41, note: null },
      ],
    });
  });

  it('leaves the place out without an incoterm', () => {
    expect(draftInput({ ...filled(), incotermPlace: '宁波' }, 'CU1').incotermPlace).toBeNull();
  });

  it('reads back what formOf made of a quotation', () => {
    const f = filled();
    const input = draftInput({ ...f, sampleID: 'SA1', paymentDays: '30' }, 'CU1');
    const back = formOf({ ...input, sample: { id: 'SA1' } });
    expect(draftInput(back, 'CU1')).toEqual(input);
  });
});

describe('numbers and days', () => {
  it('reads numbers as typed on a phone', () => {
    expect(num('1,000')).toBe(1000);
    expect(num('１２．５')).toBe(12.5);
    expect(num('12.5 元')).toBeNaN();
    expect(num('')).toBeNaN();
  });
  it('turns days into the first and last moment', () => {
    expect(startOfDay('2026-02-30')).toBeNull();
    expect(new Date(endOfDay('2026-02-28')!).getHours()).toBe(23);
    expect(dayString(new Date(2026, 11, 5))).toBe('2026-12-05');
  });
});

describe('serverError', () => {
  it('places a refusal at the field it names, in the app’s words', () => {
    expect(serverError('lines[1].unitPrice', 'lines[1].unitPrice: a price above zero (got 0)')).toEqual({ key: 'lines.1.unitPrice', msg: 'needPrice' });
    expect(serverError('lines[2].minQuantity', 'lines 1 and 3 give the same product, grade, unit and quantity two prices')).toEqual({
      key: 'lines.2.minQuantity',
      msg: 'duplicateBreak',
    });
    expect(serverError('validUntil', 'validUntil: the period ended on 2026-01-01: change it before sending')).toEqual({ key: 'validUntil', msg: 'periodOver' });
    expect(serverError('currency', 'x')).toEqual({ key: 'currency', msg: 'badCurrency' });
    expect(serverError('lines[0].grade', 'too long')).toEqual({ key: 'lines.0.grade', msg: null });
    expect(serverError(undefined, 'boom')).toEqual({ key: 'form', msg: null });
  });
});

describe('groupLines', () => {
  it('groups by product, grade and unit, each with its breaks from the smallest up', () => {
    const lines = [
      { id: 'a', product: P1, minQuantity: 5000, unit: 'kg', unitPrice: 40 },
      { id: 'b', product: P2, minQuantity: 0, unit: 'kg', unitPrice: 88 },
      { id: 'c', product: P1, minQuantity: 0, unit: 'kg', unitPrice: 43 },
      { id: 'd', product: P1, minQuantity: 1000, unit: 'KG', unitPrice: 41.5 },
      { id: 'e', product: P1, grade: '粉末', minQuantity: 0, unit: 'kg', unitPrice: 45 },
    ];
    const g = groupLines(lines);
    expect(g.map((x) => [x.product.code, x.grade, x.breaks.map((b) => [b.line.id, b.from, b.to])])).toEqual([
      ['A-100', '', [['c', 0, 1000], ['d', 1000, 5000], ['a', 5000, null]]],
      ['B-200', '', [['b', 0, null]]],
      ['A-100', '粉末', [['e', 0, null]]],
    ]);
    expect(g[0].breaks.map(breakKind)).toEqual(['below', 'range', 'from']);
    expect(breakKind(g[1].breaks[0])).toBe('any');
  });
});

describe('actionsFor', () => {
  it('offers what the lifecycle allows', () => {
    expect(actionsFor('DRAFT', false)).toEqual(['edit', 'send', 'delete']);
    expect(actionsFor('SENT', false)).toEqual(['accept', 'reject', 'revise']);
    expect(actionsFor('SENT', true)).toEqual(['accept', 'reject']);
    expect(actionsFor('ACCEPTED', false)).toEqual(['revise']);
    expect(actionsFor('EXPIRED', true)).toEqual([]);
    expect(actionsFor('SUPERSEDED', false)).toEqual([]);
  });
});

describe('linePrice', () => {
  const agreed = { unitPrice: 41, currency: 'CNY', unit: 'kg', minQuantity: 1000 };
  it('asks for a reason only when the price differs from the agreement', () => {
    expect(linePrice(null, '50', 'kg', 'CNY')).toEqual({ applies: false, differs: false, needsNote: false });
    expect(linePrice(agreed, '41', 'kg', 'CNY')).toEqual({ applies: true, differs: false, needsNote: false });
    expect(linePrice(agreed, '', 'kg', 'CNY')).toEqual({ applies: true, differs: false, needsNote: false });
    expect(linePrice(agreed, '39.5', 'kg', 'CNY')).toEqual({ applies: true, differs: true, needsNote: true });
  });
  it('does not convert another unit or currency: any price given then differs', () => {
    expect(linePrice(agreed, '', 't', 'CNY').applies).toBe(false);
    expect(linePrice(agreed, '41', 'kg', 'USD')).toEqual({ applies: false, differs: true, needsNote: true });
  });
});

describe('labels and links', () => {
  it('says every status, incoterm and the Today kind in both languages', () => {
    for (const [e, values] of [
      ['QuotationStatus', ['DRAFT', 'SENT', 'ACCEPTED', 'REJECTED', 'EXPIRED', 'SUPERSEDED']],
      ['QuotationIncoterm', ['EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP']],
      ['QuotationDecidedVia', ['APP', 'PARTNER_API']],
    ] as const)
      for (const v of values) {
        expect(enumZh[e][v], `${e}.${v}`).toMatch(/[\u4e00-\u9fff]/);
        expect(enumEn[e][v], `${e}.${v}`).toBeTruthy();
      }
    expect(enumZh.TodayKind.AGREEMENT_EXPIRING).toBe('价格协议即将到期');
    expect(enumEn.TodayKind.AGREEMENT_EXPIRING).toBe('Price agreements ending');
  });

  it('opens an agreement ending soon, on Today, at its quotation', async () => {
    const { hrefFor } = await import('./TodayRow');
    expect(hrefFor('Quotation', 'QT1', 'CU1')).toBe('/quotations/QT1');
  });
});
