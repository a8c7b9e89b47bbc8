// The figures of the analyst's and the manager's dashboards, shaped for charts: pure,
// so they are tested without a browser (dashboard.test.ts).

export interface Series {
  labels: string[];
  values: number[];
}

/** Rows of an aggregate keyed by one dimension, in a fixed order (missing ones as 0). */
export function byKey(rows: { keys: (string | null)[]; count: number }[], order: readonly string[], name: (k: string) => string): Series {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.keys[0] ?? '', (counts.get(r.keys[0] ?? '') ?? 0) + r.count);
  return { labels: order.map(name), values: order.map((k) => counts.get(k) ?? 0) };
}

/** Rows of an aggregate keyed by one dimension, largest first, at most `top`. */
export function largest(rows: { keys: (string | null)[]; count: number }[], top: number, name: (k: string) => string): Series {
  const sorted = [...rows].sort((a, b) => b.count - a.count).slice(0, top);
  return { labels: sorted.map((r) => name(r.keys[0] ?? '')), values: sorted.map((r) => r.count) };
}

/** The last `n` months (YYYY-MM) up to the one of `now`, oldest first. */
export function lastMonths(now: Date, n: number): string[] {
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

/** Orders per month over the months given (rows are per month and currency). */
export function ordersByMonth(rows: { keys: (string | null)[]; orders: number }[], months: string[]): Series {
  const per = new Map<string, number>();
  for (const r of rows) per.set(r.keys[0] ?? '', (per.get(r.keys[0] ?? '') ?? 0) + r.orders);
  return { labels: months.map((m) => m.slice(2)), values: months.map((m) => per.get(m) ?? 0) };
}

/** A chart's figures said in words, for screen readers: "Prospect 12, Contacted 8". */
export function spoken(s: Series): string {
  return s.labels.map((l, i) => `${l} ${s.values[i]}`).join(', ');
}

/** The explorer opened on a query. */
export function explorerHref(query: string): string {
  return '/explorer?query=' + encodeURIComponent(query.trim());
}
