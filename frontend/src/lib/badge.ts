import type { Counted } from './count';
import { store } from './store';

/** The count badge on the Today tab (set by the Today screen): a lower bound when atLeast. */
export const todayBadge = store<Counted>({ count: 0, atLeast: false });

/** Sets the badge, leaving it (and the shell) alone when it does not change. */
export function setTodayBadge(count: number, atLeast: boolean): void {
  const was = todayBadge.get();
  if (was.count !== count || was.atLeast !== atLeast) todayBadge.set({ count, atLeast });
}
