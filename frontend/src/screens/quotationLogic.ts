// The quotation screens' pure logic: the draft form's fields and their checks (the
// server's, mirrored: domain/quotation Check), the draft input built from them, a
// server error placed at the field it names, the lines grouped into quantity breaks,
// what can be done in each status, and an order line's price under an agreement.

export const INCOTERMS = ['EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP'] as const;
export const CURRENCIES = ['CNY', 'USD', 'EUR'] as const;
export const MAX_LINES = 60;
/** The longest period prices may be held (the server's MaxValidity: 3 × 366 days). */
export const MAX_VALIDITY_MS = 3 * 366 * 86400_000;
export const DEFAULT_DAYS = 90;

export interface LineForm {
  /** A key for the list (not sent). */
  key: string;
  productID: string;
  grade: string;
  minQuantity: string;
  unit: string;
  unitPrice: string;
  note: string;
}

export interface DraftForm {
  sampleID: string;
  currency: string;
  incoterm: string | null;
  incotermPlace: string;
  paymentDays: string;
  paymentTerms: string;
  /** Days as the date inputs hold them (YYYY-MM-DD, the phone's time zone). */
  validFrom: string;
  validUntil: string;
  notes: string;
  lines: LineForm[];
}

/** What is wrong, by field: the message key of quotations.i18n (or the server's words). */
export type Errors = Record<string, string>;

let keys = 0;
export function blankLine(from?: Partial<LineForm>): LineForm {
  keys++;
  return { productID: '', grade: '', minQuantity: '', unit: 'kg', unitPrice: '', note: '', ...from, key: `l${keys}` };
}

/** A day as a date input holds it, in the phone's time zone. */
export function dayString(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function parseDay(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getMonth() === Number(m[2]) - 1 ? d : null;
}

/** The first moment of a day (prices hold from it). */
export function startOfDay(s: string): string | null {
  const d = parseDay(s);
  return d ? d.toISOString() : null;
}

/** The last moment of a day (prices hold until it ends). */
export function endOfDay(s: string): string | null {
  const d = parseDay(s);
  if (!d) return null;
  d.setHours(23, 59, 59, 0);
  return d.toISOString();
}

/** A new draft: in CNY, its prices held from today for 90 days, one empty line. */
export function blankDraft(now = new Date(), sampleID = ''): DraftForm {
  const until = new Date(now.getFullYear(), now.getMonth(), now.getDate() + DEFAULT_DAYS);
  return {
    sampleID,
    currency: 'CNY',
    incoterm: null,
    incotermPlace: '',
    paymentDays: '',
    paymentTerms: '',
    validFrom: dayString(now),
    validUntil: dayString(until),
    notes: '',
    lines: [blankLine()],
  };
}

/** A number as typed (a Chinese keyboard's full-width digits and comma, too); NaN when not one. */
export function num(s: string): number {
  const t = s
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[，,]/g, '')
    .replace(/．/g, '.');
  if (!t || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return NaN;
  return Number(t);
}

const len = (s: string) => [...s.trim()].length;

/** The form's problems, field by field (none: it can be drafted). Keys: `currency`,
 * `validFrom`, `validUntil`, `paymentDays`, `incotermPlace`, `paymentTerms`, `notes`,
 * `lines`, `lines.<i>.<field>`. */
export function draftErrors(f: DraftForm): Errors {
  const e: Errors = {};
  const cur = f.currency.trim().toUpperCase();
  if (cur && !/^[A-Z]{3}$/.test(cur)) e.currency = 'badCurrency';
  const from = startOfDay(f.validFrom);
  const until = endOfDay(f.validUntil);
  if (!from) e.validFrom = 'needFrom';
  if (!until) e.validUntil = 'needUntil';
  if (from && until) {
    const span = Date.parse(until) - Date.parse(from);
    if (span <= 0) e.validUntil = 'untilBeforeFrom';
    else if (span > MAX_VALIDITY_MS) e.validUntil = 'tooLong3y';
  }
  if (f.paymentDays.trim()) {
    const d = num(f.paymentDays);
    if (!Number.isInteger(d) || d < 0 || d > 365) e.paymentDays = 'badPaymentDays';
  }
  if (len(f.incotermPlace) > 120) e.incotermPlace = 'tooLong';
  if (len(f.paymentTerms) > 300) e.paymentTerms = 'tooLong';
  if (len(f.notes) > 20000) e.notes = 'tooLong';
  if (f.lines.length === 0) e.lines = 'needLines';
  if (f.lines.length > MAX_LINES) e.lines = 'tooManyLines';
  const seen = new Map<string, number>();
  f.lines.forEach((l, i) => {
    const at = (k: string) => `lines.${i}.${k}`;
    if (!l.productID) e[at('productID')] = 'needProduct';
    const price = num(l.unitPrice);
    if (!(price > 0) || !isFinite(price)) e[at('unitPrice')] = 'needPrice';
    const min = l.minQuantity.trim() ? num(l.minQuantity) : 0;
    if (!(min >= 0) || !isFinite(min)) e[at('minQuantity')] = 'badMinQuantity';
    if (len(l.grade) > 80) e[at('grade')] = 'tooLong';
    if (len(l.unit) > 16) e[at('unit')] = 'tooLong';
    if (len(l.note) > 300) e[at('note')] = 'tooLong';
    if (l.productID && min >= 0) {
      const k = [l.productID, l.grade.trim().toLowerCase(), (l.unit.trim() || 'kg').toLowerCase(), min].join('|');
      if (seen.has(k) && !e[at('minQuantity')]) e[at('minQuantity')] = 'duplicateBreak';
      else seen.set(k, i);
    }
  });
  return e;
}

/** The QuotationDraftInput the form stands for (call when draftErrors is empty). */
export function draftInput(f: DraftForm, customerID: string) {
  const text = (s: string) => (s.trim() ? s.trim() : null);
  return {
    customerID,
    sampleID: f.sampleID || null,
    currency: f.currency.trim().toUpperCase() || 'CNY',
    incoterm: (f.incoterm || null) as (typeof INCOTERMS)[number] | null,
    incotermPlace: f.incoterm ? text(f.incotermPlace) : null,
    paymentDays: f.paymentDays.trim() ? num(f.paymentDays) : null,
    paymentTerms: text(f.paymentTerms),
    validFrom: startOfDay(f.validFrom)!,
    validUntil: endOfDay(f.validUntil)!,
    notes: text(f.notes),
    lines: f.lines.map((l) => ({
      productID: l.productID,
      grade: text(l.grade),
      minQuantity: l.minQuantity.trim() ? num(l.minQuantity) : 0,
      unit: l.unit.trim() || 'kg',
      unitPrice: num(l.unitPrice),
      note: text(l.note),
    })),
  };
}

export interface QuotationFields {
  sample?: { id: string } | null;
  currency: string;
  incoterm?: string | null;
  incotermPlace?: string | null;
  paymentDays?: number | null;
  paymentTerms?: string | null;
  validFrom: string;
  validUntil: string;
  notes?: string | null;
  lines?: readonly { productID: string; grade?: string | null; minQuantity: number; unit: string; unitPrice: number; note?: string | null }[] | null;
}

/** A draft as the form shows it, to edit. */
export function formOf(q: QuotationFields): DraftForm {
  const s = (v: string | null | undefined) => v ?? '';
  return {
    sampleID: q.sample?.id ?? '',
    currency: q.currency,
    incoterm: q.incoterm ?? null,
    incotermPlace: s(q.incotermPlace),
    paymentDays: q.paymentDays == null ? '' : String(q.paymentDays),
    paymentTerms: s(q.paymentTerms),
    validFrom: dayString(new Date(q.validFrom)),
    validUntil: dayString(new Date(q.validUntil)),
    notes: s(q.notes),
    lines: (q.lines ?? []).map((l) =>
      blankLine({ productID: l.productID, grade: s(l.grade), minQuantity: l.minQuantity ? String(l.minQuantity) : '', unit: l.unit, unitPrice: String(l.unitPrice), note: s(l.note) }),
    ),
  };
}

/**
 * Where a server refusal belongs: the form field its extensions.field names
 * ("lines[0].unitPrice" → "lines.0.unitPrice"), and the message key that says it
 * in the app's language (the server's checks are the form's), or null when the
 * form has no words for it (then the server's message is shown as it came).
 */
export function serverError(field: unknown, message: string): { key: string; msg: string | null } {
  const f = String(field ?? '');
  const m = /^lines\[(\d+)\]\.(\w+)$/.exec(f);
  if (m) {
    const [, i, name] = m;
    const key = `lines.${i}.${name}`;
    if (name === 'productID') return { key, msg: 'needProduct' };
    if (name === 'unitPrice') return { key, msg: 'needPrice' };
    if (name === 'minQuantity') return { key, msg: /same product/.test(message) ? 'duplicateBreak' : 'badMinQuantity' };
    return { key, msg: null };
  }
  switch (f) {
    case 'currency':
      return { key: f, msg: 'badCurrency' };
    case 'validFrom':
      return { key: f, msg: 'needFrom' };
    case 'validUntil':
      if (/ended on|before sending/.test(message)) return { key: f, msg: 'periodOver' };
      if (/three years/.test(message)) return { key: f, msg: 'tooLong3y' };
      if (/before it starts/.test(message)) return { key: f, msg: 'untilBeforeFrom' };
      return { key: f, msg: 'needUntil' };
    case 'paymentDays':
      return { key: f, msg: 'badPaymentDays' };
    case 'lines':
      return { key: f, msg: /at most/.test(message) ? 'tooManyLines' : 'needLines' };
    case 'sampleID':
      return { key: f, msg: 'badSample' };
    case 'incotermPlace':
    case 'paymentTerms':
    case 'notes':
      return { key: f, msg: 'tooLong' };
  }
  return { key: 'form', msg: null };
}

// ---------------------------------------------------------------------------
// Lines as quantity breaks

export interface QuotedLine {
  id?: string;
  product: { id: string; code: string; name: string };
  grade?: string | null;
  minQuantity: number;
  unit: string;
  unitPrice: number;
  note?: string | null;
}

/** One quantity break: the price from `from` up to (not including) `to`; no `to`: and above. */
export interface Break<L> {
  line: L;
  from: number;
  to: number | null;
}

export interface ProductGroup<L> {
  key: string;
  product: QuotedLine['product'];
  grade: string;
  unit: string;
  breaks: Break<L>[];
}

/** The lines by product (and grade and unit), in the order first quoted, each with its
 * quantity breaks from the smallest quantity up. */
export function groupLines<L extends QuotedLine>(lines: readonly L[]): ProductGroup<L>[] {
  const groups = new Map<string, ProductGroup<L>>();
  for (const l of lines) {
    const grade = (l.grade ?? '').trim();
    const key = [l.product.id, grade.toLowerCase(), l.unit.toLowerCase()].join('|');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, product: l.product, grade, unit: l.unit, breaks: [] }));
    g.breaks.push({ line: l, from: l.minQuantity, to: null });
  }
  for (const g of groups.values()) {
    g.breaks.sort((a, b) => a.from - b.from);
    g.breaks.forEach((b, i) => (b.to = g.breaks[i + 1]?.from ?? null));
  }
  return [...groups.values()];
}

/** How a break's quantities read: any quantity, below n, from a to b, from a on. */
export function breakKind(b: { from: number; to: number | null }): 'any' | 'below' | 'range' | 'from' {
  if (b.to == null) return b.from > 0 ? 'from' : 'any';
  return b.from > 0 ? 'range' : 'below';
}

// ---------------------------------------------------------------------------
// Status

export type Status = 'DRAFT' | 'SENT' | 'ACCEPTED' | 'REJECTED' | 'EXPIRED' | 'SUPERSEDED';

export function statusTone(s: string, inForce = false): 'warn' | 'bad' | 'good' | 'info' | undefined {
  if (inForce) return 'good';
  switch (s) {
    case 'DRAFT':
      return undefined;
    case 'SENT':
      return 'info';
    case 'ACCEPTED':
      return 'good';
    case 'REJECTED':
      return 'bad';
    case 'EXPIRED':
      return 'warn';
    default:
      return undefined;
  }
}

/** What the quotation page offers in a status (the server's lifecycle). */
export function actionsFor(status: string, hasRevision: boolean): ('edit' | 'send' | 'delete' | 'accept' | 'reject' | 'revise')[] {
  switch (status) {
    case 'DRAFT':
      return ['edit', 'send', 'delete'];
    case 'SENT':
      return hasRevision ? ['accept', 'reject'] : ['accept', 'reject', 'revise'];
    case 'ACCEPTED':
    case 'REJECTED':
    case 'EXPIRED':
      return hasRevision ? [] : ['revise'];
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------
// An order line's price under the agreement in force

export interface Agreed {
  unitPrice: number;
  currency: string;
  unit: string;
  minQuantity: number;
}

/**
 * What an order line's price means under the agreement (domain/quotation Price): the
 * agreed price applies when the line is in the agreement's unit and currency; a price
 * typed that differs from it needs a reason (and a manager).
 */
export function linePrice(agreed: Agreed | null | undefined, typed: string, unit: string, currency: string) {
  if (!agreed) return { applies: false, differs: false, needsNote: false };
  const applies = agreed.unit.toLowerCase() === (unit.trim() || 'kg').toLowerCase() && agreed.currency.toUpperCase() === currency.toUpperCase();
  const p = typed.trim() ? num(typed) : NaN;
  const given = !isNaN(p);
  const differs = given && (!applies || Math.abs(p - agreed.unitPrice) >= 1e-9);
  return { applies, differs, needsNote: differs };
}
