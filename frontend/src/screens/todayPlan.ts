// Today as a plan: the server orders the items by urgency, then time; the screen shows
// them in three parts and lets the rep put one aside until a chosen time.
import { countText } from '../lib/count';

export type Urgency = 'NOW' | 'TODAY' | 'LATER';
export const urgencies: Urgency[] = ['NOW', 'TODAY', 'LATER'];

interface PlanItem {
  kind: string;
  urgency: string;
  node: { id: string };
}

/** The key of an item, as a snooze names it. */
export const itemKey = (i: { kind: string; node: { id: string } }) => `${i.kind}:${i.node.id}`;

/**
 * The plan's parts, each in the order the items came (the server's: by time), without
 * the items put aside on this phone and not yet sent; an item asked for twice (the
 * first page, then "more") shows once.
 */
export function planParts<T extends PlanItem>(items: T[], hidden: ReadonlySet<string>): { urgency: Urgency; items: T[] }[] {
  const seen = new Set<string>();
  const parts = urgencies.map((urgency) => ({ urgency, items: [] as T[] }));
  for (const it of items) {
    const key = itemKey(it);
    if (seen.has(key) || hidden.has(key)) continue;
    seen.add(key);
    const part = parts.find((p) => p.urgency === it.urgency) ?? parts[2];
    part.items.push(it);
  }
  return parts.filter((p) => p.items.length);
}

/**
 * What a kind's "more" button offers, once `shown` of its items are on the list: null for
 * no button (all shown, or the last load came back short of what it asked: `ended`),
 * else the rest to name — "20", or "95+" when the count is a lower bound (`atLeast`) —,
 * or '' when the count is a lower bound already passed, so the rest is not known.
 */
export function moreLeft(count: number, atLeast: boolean, shown: number, ended: boolean): string | null {
  if (ended) return null;
  const left = count - shown;
  if (!atLeast) return left > 0 ? String(left) : null;
  return left > 0 ? countText(left, true) : '';
}

export type SnoozeChoice = 'tomorrow' | 'in3' | 'monday';

/** 9:00 local time, `days` after now's day. */
function morning(now: Date, days: number): Date {
  const d = new Date(now);
  d.setDate(d.getDate() + days);
  d.setHours(9, 0, 0, 0);
  return d;
}

/**
 * When each snooze choice brings the item back: tomorrow, in three days, next Monday
 * (at 9:00, the start of a rep's day); next Monday is left out when it is tomorrow.
 */
export function snoozeChoices(now: Date): { choice: SnoozeChoice; until: Date }[] {
  const toMonday = ((8 - now.getDay()) % 7) || 7;
  const out: { choice: SnoozeChoice; until: Date }[] = [
    { choice: 'tomorrow', until: morning(now, 1) },
    { choice: 'in3', until: morning(now, 3) },
  ];
  if (toMonday !== 1 && toMonday !== 3) out.push({ choice: 'monday', until: morning(now, toMonday) });
  return out;
}

/** A number a phone can dial: digits, +, and the separators people type. */
export function telHref(phone: string | null | undefined): string | undefined {
  const n = (phone ?? '').replace(/[\s\-().]/g, '');
  return /^\+?\d{3,20}$/.test(n) ? `tel:${n}` : undefined;
}
