// The pure parts of the stock plan (库存计划): a status's tone, who may see and write
// stock, reading the stock form into updateProduct's input with the server's limits.
// Tested in stockLogic.test.ts.
import { parseAmount, type Errors } from './commercialLogic';

export type StockStatus = 'NO_STOCK_ON_FILE' | 'NO_FORECAST' | 'ORDER_NOW' | 'ORDER_SOON' | 'OK';
export const STOCK_STATUSES: StockStatus[] = ['ORDER_NOW', 'ORDER_SOON', 'OK', 'NO_FORECAST', 'NO_STOCK_ON_FILE'];

/** The badge tone of a plan's status: order now red, order soon amber, OK green. */
export function stockTone(status: string): 'bad' | 'warn' | 'good' | 'info' {
  if (status === 'ORDER_NOW') return 'bad';
  if (status === 'ORDER_SOON') return 'warn';
  if (status === 'OK') return 'good';
  return 'info';
}

/** Who sees the stock plan: managers, admins and analysts. */
export function canSeeStock(role: string | undefined): boolean {
  return role === 'MANAGER' || role === 'ADMIN' || role === 'ANALYST';
}

/** Who writes stock (the server's rule for updateProduct): managers and admins. */
export function canWriteStock(role: string | undefined): boolean {
  return role === 'MANAGER' || role === 'ADMIN';
}

export interface StockForm {
  onHand: string;
  onOrder: string;
  safety: string;
  leadTimeDays: string;
}

export interface StockNow {
  stockOnHand?: number | null;
  stockOnOrder?: number | null;
  safetyStock?: number | null;
  leadTimeDays: number;
}

export function stockFormOf(p: StockNow): StockForm {
  const s = (v: number | null | undefined) => (v == null ? '' : String(v));
  return { onHand: s(p.stockOnHand), onOrder: s(p.stockOnOrder), safety: s(p.safetyStock), leadTimeDays: String(p.leadTimeDays) };
}

/**
 * updateProduct's input from the stock form, or the errors by field (message keys):
 * quantities ≥ 0 (emptied → clear…), lead time a whole number of days 0–365. Only what
 * changed is sent, always with the version read.
 */
export function stockInput(f: StockForm, now: StockNow, version: number): { input?: Record<string, unknown>; errors: Errors } {
  const errors: Errors = {};
  const input: Record<string, unknown> = { version };
  const qty = (k: 'onHand' | 'onOrder' | 'safety', field: 'stockOnHand' | 'stockOnOrder' | 'safetyStock', clear: string) => {
    const v = parseAmount(f[k]);
    if (v != null && (isNaN(v) || v < 0)) errors[k] = 'notQuantity';
    else if (v == null && now[field] != null) input[clear] = true;
    else if (v != null && v !== now[field]) input[field] = v;
  };
  qty('onHand', 'stockOnHand', 'clearStockOnHand');
  qty('onOrder', 'stockOnOrder', 'clearStockOnOrder');
  qty('safety', 'safetyStock', 'clearSafetyStock');
  const days = f.leadTimeDays.trim();
  if (!/^\d+$/.test(days) || Number(days) > 365) errors.leadTimeDays = 'leadRange';
  else if (Number(days) !== now.leadTimeDays) input.leadTimeDays = Number(days);
  if (Object.keys(errors).length) return { errors };
  return { input, errors };
}

/** A month of the demand table: "2026-03". */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}
