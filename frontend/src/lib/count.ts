// Counts the server may have stopped short of: Today's kinds that grow with the book are
// counted up to a cap (TodayCount.atLeast), and a sum of them is then a lower bound too.

/** A count as the screens show it: "100+" when the server stopped counting there. */
export function countText(n: number, atLeast?: boolean): string {
  return atLeast ? `${n}+` : String(n);
}

/** A count and whether it is only a lower bound. */
export interface Counted {
  count: number;
  atLeast: boolean;
}

/** The sum of the counts of some kinds; a lower bound when one of them is. */
export function sumCounts(counts: readonly { kind: string; count: number; atLeast: boolean }[], kinds: ReadonlySet<string>): Counted {
  let count = 0;
  let atLeast = false;
  for (const c of counts) {
    if (!kinds.has(c.kind)) continue;
    count += c.count;
    atLeast ||= c.atLeast;
  }
  return { count, atLeast };
}
