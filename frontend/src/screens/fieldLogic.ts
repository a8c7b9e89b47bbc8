// The pure part of the field forms (CompetitorForm, PitchForm, OrderNew): the checks made
// before anything is sent, the GraphQL inputs built from what was typed, and which of the
// form's own texts answers a server refusal (extensions.code / extensions.field).

// ---------------------------------------------------------------- shared

/** A number as a rep types it on a phone: full-width digits, a comma for a point, a trailing %. Empty: null; not a number: NaN. */
export function parseNumber(s: string): number | null {
  const t = s
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．,，]/g, '.')
    .replace(/\s*[%％]$/, '');
  if (!t) return null;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
}

/** A local day as YYYY-MM-DD (what a date input holds). */
export function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (s: string) => DAY.test(s) && !isNaN(new Date(s + 'T00:00:00').getTime());

/** A date input's day as a time: today is now (the moment it was written), another day its local midnight. */
export function dayToIso(day: string, now: Date): string | null {
  if (!day) return null;
  if (day === localDay(now)) return now.toISOString();
  return new Date(day + 'T00:00:00').toISOString();
}

const text = (s: string) => s.trim() || null;

/** What the form says when the server refuses: the field it names and the form's text key (null: its own message). */
export type Refusal = { field: string; key: string } | null;

// ---------------------------------------------------------------- competitors

export type CompetitorFields = { name: string; product: string; pricePosition: string | null; share: string; notes: string };
export const blankCompetitor: CompetitorFields = { name: '', product: '', pricePosition: null, share: '', notes: '' };
export type CompetitorErrors = Partial<Record<'name' | 'product' | 'share', 'needName' | 'nameLong' | 'productLong' | 'badShare'>>;

export function competitorErrors(f: CompetitorFields): CompetitorErrors {
  const out: CompetitorErrors = {};
  if (!f.name.trim()) out.name = 'needName';
  else if (f.name.trim().length > 200) out.name = 'nameLong';
  if (f.product.trim().length > 200) out.product = 'productLong';
  const share = parseNumber(f.share);
  if (share != null && !(share >= 0 && share <= 100)) out.share = 'badShare';
  return out;
}

export function competitorCreateInput(f: CompetitorFields, customerID: string) {
  return {
    customerID,
    name: f.name.trim(),
    product: text(f.product),
    pricePosition: f.pricePosition ?? 'UNKNOWN',
    sharePercent: parseNumber(f.share),
    notes: text(f.notes),
  };
}

/** An edit: every field as typed, an emptied one cleared, with the version read. */
export function competitorEditInput(f: CompetitorFields, version: number): Record<string, unknown> {
  const input: Record<string, unknown> = { version, name: f.name.trim(), pricePosition: f.pricePosition ?? 'UNKNOWN' };
  const share = parseNumber(f.share);
  if (share == null) input.clearSharePercent = true;
  else input.sharePercent = share;
  for (const [k, clear] of [['product', 'clearProduct'], ['notes', 'clearNotes']] as const) {
    const v = f[k].trim();
    if (v) input[k] = v;
    else input[clear] = true;
  }
  return input;
}

export function competitorFieldsOf(c: { name: string; product?: string | null; pricePosition: string; sharePercent?: number | null; notes?: string | null }): CompetitorFields {
  return { name: c.name, product: c.product ?? '', pricePosition: c.pricePosition, share: c.sharePercent == null ? '' : String(c.sharePercent), notes: c.notes ?? '' };
}

// ---------------------------------------------------------------- pitches

export const ADVANTAGES = ['PRODUCT_STOCK', 'TECHNOLOGY', 'PRICE', 'QC_CERTIFICATION', 'SERVICE_LOCAL_SUPPLY', 'PEOPLE', 'FUNDING'] as const;
export const ENTRY_POINTS = ['PERSON', 'PRODUCT', 'TECHNOLOGY', 'PAYMENT_TERMS'] as const;

export type PitchFields = { entryPoint: string | null; advantages: string[]; detail: string; active: boolean };
export const blankPitch: PitchFields = { entryPoint: null, advantages: [], detail: '', active: true };

/** The chosen advantages in the seed's order, once each, none the server does not know. */
export function orderedAdvantages(list: readonly string[]): string[] {
  return ADVANTAGES.filter((a) => list.includes(a));
}

export function pitchErrors(f: PitchFields): Partial<Record<'entryPoint', 'needEntry'>> {
  return f.entryPoint ? {} : { entryPoint: 'needEntry' };
}

export function pitchCreateInput(f: PitchFields, customerID: string) {
  return { customerID, entryPoint: f.entryPoint!, advantages: orderedAdvantages(f.advantages), detail: text(f.detail), active: f.active };
}

export function pitchEditInput(f: PitchFields, version: number): Record<string, unknown> {
  const input: Record<string, unknown> = { version, entryPoint: f.entryPoint, active: f.active };
  const adv = orderedAdvantages(f.advantages);
  if (adv.length) input.advantages = adv;
  else input.clearAdvantages = true;
  if (f.detail.trim()) input.detail = f.detail.trim();
  else input.clearDetail = true;
  return input;
}

// ---------------------------------------------------------------- orders

export type OrderFields = {
  number: string;
  /** auto: the server decides (an account's first orders are evaluation orders). */
  evaluation: 'auto' | 'yes' | 'no';
  orderedAt: string;
  deliveryDate: string;
  contractNo: string;
  currency: string;
  paymentDays: string;
  notes: string;
};
export const blankOrder = (today: string): OrderFields => ({
  number: '', evaluation: 'auto', orderedAt: today, deliveryDate: '', contractNo: '', currency: 'CNY', paymentDays: '', notes: '',
});

export type OrderErrorKey = 'needNumber' | 'numberLong' | 'badDate' | 'deliveryBeforeOrder' | 'contractLong' | 'badCurrency' | 'badPaymentDays';
export type OrderErrors = Partial<Record<keyof OrderFields, OrderErrorKey>>;

export function orderErrors(f: OrderFields): OrderErrors {
  const out: OrderErrors = {};
  const n = f.number.trim();
  if (!n) out.number = 'needNumber';
  else if (n.length > 40) out.number = 'numberLong';
  if (f.orderedAt && !validDay(f.orderedAt)) out.orderedAt = 'badDate';
  if (f.deliveryDate && !validDay(f.deliveryDate)) out.deliveryDate = 'badDate';
  else if (f.deliveryDate && f.deliveryDate < (f.orderedAt || localDay(new Date()))) out.deliveryDate = 'deliveryBeforeOrder';
  if (f.contractNo.trim().length > 80) out.contractNo = 'contractLong';
  if (!/^[A-Za-z]{3}$/.test(f.currency.trim())) out.currency = 'badCurrency';
  const days = parseNumber(f.paymentDays);
  if (days != null && !(Number.isInteger(days) && days >= 0 && days <= 365)) out.paymentDays = 'badPaymentDays';
  return out;
}

export function orderInput(f: OrderFields, customerID: string, now: Date) {
  return {
    customerID,
    number: f.number.trim(),
    ...(f.evaluation === 'auto' ? {} : { isEvaluation: f.evaluation === 'yes' }),
    ...(f.orderedAt ? { orderedAt: dayToIso(f.orderedAt, now) } : {}),
    deliveryDate: dayToIso(f.deliveryDate, now),
    contractNo: text(f.contractNo),
    currency: f.currency.trim().toUpperCase(),
    paymentDays: parseNumber(f.paymentDays),
    notes: text(f.notes),
  };
}

// ---------------------------------------------------------------- server refusals

// The server names fields as the input does; the forms name a few of them otherwise.
const FIELD_KEYS: Record<string, [string, string]> = {
  name: ['name', 'nameRule'],
  product: ['product', 'productLong'],
  sharePercent: ['share', 'badShare'],
  entryPoint: ['entryPoint', 'needEntry'],
  advantages: ['advantages', 'advantagesRule'],
  number: ['number', 'numberRule'],
  orderedAt: ['orderedAt', 'badDate'],
  deliveryDate: ['deliveryDate', 'deliveryBeforeOrder'],
  contractNo: ['contractNo', 'contractLong'],
  currency: ['currency', 'badCurrency'],
  paymentDays: ['paymentDays', 'badPaymentDays'],
};

/** The form's text for a refusal, by the error's code and field; null when the form has none (show the server's words). */
export function refusal(code: string, field: unknown, message: string): Refusal {
  switch (code) {
    case 'CONFLICT':
      return { field: 'form', key: 'conflict' };
    case 'FORBIDDEN':
      return { field: 'form', key: 'forbidden' };
    case 'NOT_FOUND':
      return { field: 'form', key: 'notFound' };
    case 'BAD_USER_INPUT': {
      const k = typeof field === 'string' ? FIELD_KEYS[field.replace(/^input\./, '')] : undefined;
      if (k) return { field: k[0], key: k[1] };
      // A unique value taken: of what the forms send, only an order's number must be unique.
      if (!field && /must be unique/.test(message)) return { field: 'number', key: 'numberTaken' };
      return null;
    }
    default:
      return null;
  }
}

// ---------------------------------------------------------------- the account's lists

/** Competitors biggest share first (the main one on top), those of unknown share after, each group by name. */
export function byShare<T extends { name: string; sharePercent?: number | null }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (b.sharePercent ?? -1) - (a.sharePercent ?? -1) || a.name.localeCompare(b.name));
}
