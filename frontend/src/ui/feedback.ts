// What a screen says after a write: saved, or saved and waiting for the network; and the
// text for a failed online-only write.
import { ApiError, OfflineError, online } from '../lib/api';
import { tc } from './common.i18n';

export function savedMessage(): string {
  return online.get() ? tc('sent') : tc('queued');
}

/** `conflict` is the screen's own words for "someone changed it meanwhile". */
export function errorText(e: unknown, conflict: string): string {
  if (e instanceof OfflineError) return tc('onlineOnly');
  if (e instanceof ApiError && e.code === 'CONFLICT') return conflict;
  return (e as Error)?.message ?? String(e);
}
