import { store } from './store';

/** The count badge on the Today tab (set by the Today screen). */
export const todayBadge = store<number>(0);
