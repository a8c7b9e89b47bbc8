// The pure parts of credit (账期、信用额度), dependence (依赖度) and projects (合作项目):
// reading a form into the server's input with the server's own limits, percentages,
// what a project may do next. Tested in commercialLogic.test.ts.

export type Errors = Record<string, string>;

// ---------------------------------------------------------------- credit

export interface CreditForm {
  paymentDays: string;
  annualDemandKg: string;
  creditLimit: string;
  creditCurrency: string;
}

export interface CreditNow {
  paymentDays?: number | null;
  annualDemandKg?: number | null;
  creditLimit?: number | null;
  creditCurrency?: string | null;
}

export function creditFormOf(c: CreditNow): CreditForm {
  return {
    paymentDays: c.paymentDays == null ? '' : String(c.paymentDays),
    annualDemandKg: c.annualDemandKg == null ? '' : String(c.annualDemandKg),
    creditLimit: c.creditLimit == null ? '' : String(c.creditLimit),
    creditCurrency: c.creditCurrency || 'CNY',
  };
}

/** "1,234.5" or "1 234,5" typed on a phone → 1234.5; '' → null; NaN when not a number. */
export function parseAmount(s: string): number | null {
  const v = s.trim().replace(/[,\s，]/g, '');
  if (!v) return null;
  if (!/^\d+(\.\d+)?$/.test(v)) return NaN;
  return Number(v);
}

/**
 * The updateCustomer input of the credit form, or the errors by field (message keys).
 * Only what changed is sent; a cleared field is sent as clear…; the limit and its
 * currency only by those who may set them (managers).
 */
export function creditInput(f: CreditForm, now: CreditNow, canSetLimit: boolean, version: number): { input?: Record<string, unknown>; errors: Errors } {
  const errors: Errors = {};
  const input: Record<string, unknown> = { version };
  const days = f.paymentDays.trim();
  if (days && !/^\d+$/.test(days)) errors.paymentDays = 'daysRange';
  else if (days && Number(days) > 365) errors.paymentDays = 'daysRange';
  else if (!days && now.paymentDays != null) input.clearPaymentDays = true;
  else if (days && Number(days) !== now.paymentDays) input.paymentDays = Number(days);

  const kg = parseAmount(f.annualDemandKg);
  if (kg != null && (isNaN(kg) || kg < 0)) errors.annualDemandKg = 'notAmount';
  else if (kg == null && now.annualDemandKg != null) input.clearAnnualDemandKg = true;
  else if (kg != null && kg !== now.annualDemandKg) input.annualDemandKg = kg;

  if (canSetLimit) {
    const limit = parseAmount(f.creditLimit);
    const cur = f.creditCurrency.trim().toUpperCase();
    if (limit != null && (isNaN(limit) || limit < 0)) errors.creditLimit = 'notAmount';
    else if (limit == null && now.creditLimit != null) input.clearCreditLimit = true;
    else if (limit != null && limit !== now.creditLimit) input.creditLimit = limit;
    if (!/^[A-Z]{3}$/.test(cur)) errors.creditCurrency = 'currencyCode';
    else if (cur !== (now.creditCurrency || '')) input.creditCurrency = cur;
  }
  if (Object.keys(errors).length) return { errors };
  return { input, errors };
}

/** May this role set the credit limit (the server's rule: managers and admins)? */
export function canSetCreditLimit(role: string | undefined): boolean {
  return role === 'MANAGER' || role === 'ADMIN';
}

/** A share (0..1) as a percentage: 0.1234 → "12.3%"; null → ''. */
export function percent(share: number | null | undefined, digits = 1): string {
  if (share == null || !isFinite(share)) return '';
  const p = share * 100;
  return `${p.toFixed(p !== 0 && Math.abs(p) < 10 ? digits : Math.min(digits, 1)).replace(/\.0$/, '')}%`;
}

/** The tone of the credit still available: over the limit is bad, under a tenth of it a warning. */
export function availableTone(limit: number | null | undefined, available: number | null | undefined): 'bad' | 'warn' | undefined {
  if (limit == null || available == null) return undefined;
  if (available < 0) return 'bad';
  if (limit > 0 && available < limit * 0.1) return 'warn';
  return undefined;
}

/** The scale of concentration bars: the largest share or the threshold, whichever is larger, with room. */
export function concentrationScale(rows: { shareOfOurRevenue: number }[], threshold: number): number {
  const top = Math.max(threshold, ...rows.map((r) => r.shareOfOurRevenue));
  return Math.min(1, top * 1.1) || 1;
}

/** Is the receipt of an invoiced order overdue (due before now and not paid)? */
export function receiptOverdue(o: { paymentDueAt?: string | null; paid: boolean }, now = Date.now()): boolean {
  return !!o.paymentDueAt && !o.paid && Date.parse(o.paymentDueAt) < now;
}

// ---------------------------------------------------------------- projects

export const PROJECT_KINDS = ['JOINT_RND', 'FUNDING', 'JOINT_VENTURE', 'GRANT_APPLICATION', 'OTHER'] as const;

export type ProjectMove = 'start' | 'finish' | 'stop';

/** What a project in this status may do next (the server's lifecycle). */
export function projectMoves(status: string): ProjectMove[] {
  switch (status) {
    case 'PROPOSED':
      return ['start', 'stop'];
    case 'ACTIVE':
      return ['finish', 'stop'];
    default:
      return [];
  }
}

export const MOVE_TO: Record<ProjectMove, string> = { start: 'ACTIVE', finish: 'DONE', stop: 'STOPPED' };

/** Does this move need an outcome said (DONE, STOPPED)? */
export function needsOutcome(m: ProjectMove): boolean {
  return m !== 'start';
}

export function statusTone(status: string): 'good' | 'info' | 'warn' | 'bad' | undefined {
  switch (status) {
    case 'ACTIVE':
      return 'info';
    case 'DONE':
      return 'good';
    case 'STOPPED':
      return 'bad';
    default:
      return undefined;
  }
}

/** Milestones done of all: { done, total }. */
export function milestoneCount(ms: readonly { doneAt?: string | null }[] | null | undefined): { done: number; total: number } {
  const list = ms ?? [];
  return { done: list.filter((m) => !!m.doneAt).length, total: list.length };
}

/** A milestone not done whose due date has passed. */
export function milestoneOverdue(m: { dueAt?: string | null; doneAt?: string | null }, now = Date.now()): boolean {
  return !m.doneAt && !!m.dueAt && Date.parse(m.dueAt) < now;
}

/** Milestones in order: open ones by due date (none last), then done ones by when. */
export function sortMilestones<T extends { dueAt?: string | null; doneAt?: string | null; title: string }>(ms: readonly T[]): T[] {
  const key = (m: T) => (m.dueAt ? Date.parse(m.dueAt) : Infinity);
  return [...ms].sort((a, b) => {
    if (!!a.doneAt !== !!b.doneAt) return a.doneAt ? 1 : -1;
    if (a.doneAt && b.doneAt) return Date.parse(a.doneAt) - Date.parse(b.doneAt);
    return key(a) - key(b) || a.title.localeCompare(b.title);
  });
}

export interface ProjectForm {
  kind: string | null;
  title: string;
  goal: string;
  programme: string;
  budget: string;
  currency: string;
  ourLeadID: string;
  needID: string;
  productID: string;
}

export function blankProject(): ProjectForm {
  return { kind: null, title: '', goal: '', programme: '', budget: '', currency: 'CNY', ourLeadID: '', needID: '', productID: '' };
}

const chars = (s: string) => [...s].length;

/** The form's errors by field (message keys), as the server would refuse them. */
export function projectErrors(f: ProjectForm): Errors {
  const e: Errors = {};
  if (!f.kind) e.kind = 'needKind';
  if (!f.title.trim()) e.title = 'needTitle';
  else if (chars(f.title.trim()) > 200) e.title = 'tooLong200';
  if (chars(f.programme.trim()) > 200) e.programme = 'tooLong200';
  const b = parseAmount(f.budget);
  if (b != null && (isNaN(b) || b < 0)) e.budget = 'notAmount';
  if (!/^[A-Za-z]{3}$/.test(f.currency.trim())) e.currency = 'currencyCode';
  return e;
}

/** The create input (all fields) or, with `old`, the update input (clearing what was emptied). */
export function projectInput(f: ProjectForm, customerID: string, old?: ProjectForm & { version: number }): Record<string, unknown> {
  const budget = parseAmount(f.budget);
  const base = {
    kind: f.kind,
    title: f.title.trim(),
    currency: f.currency.trim().toUpperCase(),
  };
  if (!old) {
    return {
      ...base,
      customerID,
      goal: f.goal.trim() || null,
      programme: f.programme.trim() || null,
      budget,
      ourLeadID: f.ourLeadID || null,
      needID: f.needID || null,
      productID: f.productID || null,
    };
  }
  const out: Record<string, unknown> = { ...base, version: old.version };
  const text = (v: string, key: string, clear: string) => {
    if (v.trim()) out[key] = v.trim();
    else if (old[key as keyof ProjectForm]) out[clear] = true;
  };
  text(f.goal, 'goal', 'clearGoal');
  text(f.programme, 'programme', 'clearProgramme');
  if (budget != null) out.budget = budget;
  else if (old.budget) out.clearBudget = true;
  const ref = (v: string, key: 'ourLeadID' | 'needID' | 'productID', clear: string) => {
    if (v) out[key] = v;
    else if (old[key]) out[clear] = true;
  };
  ref(f.ourLeadID, 'ourLeadID', 'clearOurLead');
  ref(f.needID, 'needID', 'clearNeed');
  ref(f.productID, 'productID', 'clearProduct');
  return out;
}

/** A date input's day (YYYY-MM-DD) as the end of that day in local time, ISO. */
export function dueAtOf(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 23, 59, 0).toISOString();
}

// ---------------------------------------------------------------- confirming beyond the limit

export type CreditRefusal = { kind: 'over'; open: number; amount: number; total: number; currency: string; limit: number } | { kind: 'unknown'; limit: number; currency: string };

/** A refusal as the app keeps it: its message, and the figures the server sends with it. */
export type Refusal = { message?: string | null; extensions?: Record<string, unknown> } | string | null | undefined;

/**
 * The figures of the server's refusal to confirm an order beyond the credit limit, so
 * the app says it in its own language: from the refusal's extensions (creditLimit, open,
 * amount, currency, exposureUnknown), else read from its message ("owed 100.00 + this
 * order 50.00 = 150.00 CNY, over the credit limit of 120.00 CNY: …", a refusal kept
 * from before the server sent them); null when it is another refusal.
 */
export function creditRefusal(refusal: Refusal): CreditRefusal | null {
  if (!refusal) return null;
  const { message, extensions: x } = typeof refusal === 'string' ? { message: refusal, extensions: undefined } : refusal;
  if (x && typeof x.creditLimit === 'number' && typeof x.currency === 'string') {
    if (x.exposureUnknown === true) return { kind: 'unknown', limit: x.creditLimit, currency: x.currency };
    const open = Number(x.open ?? 0), amount = Number(x.amount ?? 0);
    return { kind: 'over', open, amount, total: open + amount, currency: x.currency, limit: x.creditLimit };
  }
  if (!message) return null;
  const over = /owed (-?[\d.]+) \+ this order (-?[\d.]+) = (-?[\d.]+) ([A-Z]{3}), over the credit limit of ([\d.]+) ([A-Z]{3})/.exec(message);
  if (over) return { kind: 'over', open: +over[1], amount: +over[2], total: +over[3], currency: over[4], limit: +over[5] };
  const unknown = /exposure against the credit limit of ([\d.]+) ([A-Z]{3}) is unknown/.exec(message);
  if (unknown) return { kind: 'unknown', limit: +unknown[1], currency: unknown[2] };
  return null;
}

/** An order's amount: the sum of its lines (quantity × price), in its currency. */
export function orderAmount(lines: readonly { quantity: number; unitPrice?: number | null }[]): number {
  return lines.reduce((s, l) => s + l.quantity * (l.unitPrice ?? 0), 0);
}

/**
 * Would confirming this order go beyond the account's credit limit? Only known when the
 * order is in the limit's currency (the server converts the others at dated rates):
 * null when it cannot be told here.
 */
export function beyondLimit(credit: { limit?: number | null; currency: string; open: number } | null | undefined, orderCurrency: string, amount: number): boolean | null {
  if (!credit || credit.limit == null) return false;
  if (orderCurrency !== credit.currency) return null;
  return credit.open + amount > credit.limit + 1e-9;
}
