// The pure parts of a product's prices (价格) and of "can we promise it" (可供货查询):
// reading the price form into createPricePoint's input with the server's limits, the
// availability question's variables, an answer's tone. Tested in supplyLogic.test.ts.
import { parseAmount, type Errors } from './commercialLogic';

// ---------------------------------------------------------------- availability

export type AvailabilityStatus = 'IN_STOCK' | 'ON_ORDER' | 'TO_REPLENISH' | 'UNKNOWN';
export const AVAILABILITY_STATUSES: AvailabilityStatus[] = ['IN_STOCK', 'ON_ORDER', 'TO_REPLENISH', 'UNKNOWN'];

/** The chip's tone: in stock green, on its way blue, to replenish amber, unknown plain. */
export function availabilityTone(status: string): 'good' | 'info' | 'warn' | undefined {
  switch (status) {
    case 'IN_STOCK':
      return 'good';
    case 'ON_ORDER':
      return 'info';
    case 'TO_REPLENISH':
      return 'warn';
    default:
      return undefined;
  }
}

export interface AvailabilityVars {
  productID: string;
  quantity: number;
  unit: string | null;
  customerID: string | null;
}

/**
 * The availability query's variables from what was typed ("1,200" kg), or the error's
 * message key: a quantity above zero is needed; an empty unit is the product's.
 */
export function availabilityVars(productID: string, quantity: string, unit: string, customerID?: string | null): { vars?: AvailabilityVars; error?: 'needQuantity' } {
  const q = parseAmount(quantity);
  if (!productID || q == null || isNaN(q) || !(q > 0)) return { error: 'needQuantity' };
  return { vars: { productID, quantity: q, unit: unit.trim() || null, customerID: customerID || null } };
}

// ---------------------------------------------------------------- prices

export const PRICE_KINDS = ['LIST', 'MARKET', 'RAW_MATERIAL'] as const;
export type PriceKind = (typeof PRICE_KINDS)[number];

export interface PriceForm {
  kind: PriceKind;
  price: string;
  currency: string;
  /** The day the price holds from (YYYY-MM-DD). */
  day: string;
  source: string;
}

/** Today in local time, as a date input holds it. */
export function localDay(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function blankPriceForm(now = new Date()): PriceForm {
  return { kind: 'LIST', price: '', currency: 'CNY', day: localDay(now), source: '' };
}

/** Who records prices (the server's rule for PricePoint): managers and admins. */
export function canRecordPrice(role: string | undefined): boolean {
  return role === 'MANAGER' || role === 'ADMIN';
}

/**
 * createPricePoint's input, or the errors by field (message keys): a price above zero,
 * a three-letter currency (upper case), a source of at most 200 characters, a day.
 * Today is sent as "now" (the server's clock); another day as its start in local time.
 */
export interface PricePointInput {
  productID: string;
  kind: PriceKind;
  price: number;
  currency: string;
  observedAt: string | null;
  source: string | null;
}

export function pricePointInput(f: PriceForm, productID: string, now = new Date()): { input?: PricePointInput; errors: Errors } {
  const errors: Errors = {};
  const price = parseAmount(f.price);
  if (price == null || isNaN(price) || !(price > 0)) errors.price = 'needPrice';
  const currency = f.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'currencyCode';
  const source = f.source.trim();
  if ([...source].length > 200) errors.source = 'tooLong200';
  let observedAt: string | null = null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.day)) errors.day = 'needDay';
  else if (f.day !== localDay(now)) {
    const [y, m, d] = f.day.split('-').map(Number);
    const at = new Date(y, m - 1, d);
    if (isNaN(at.getTime()) || at.getMonth() !== m - 1) errors.day = 'needDay';
    else observedAt = at.toISOString();
  }
  if (Object.keys(errors).length) return { errors };
  return { input: { productID, kind: f.kind, price: price!, currency, observedAt, source: source || null }, errors };
}
