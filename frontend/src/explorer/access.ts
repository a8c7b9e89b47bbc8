// Who may open the explorer, and the session it runs on: the phone app's session in
// localStorage (src/lib/api.ts), kept in step with other tabs that refresh the tokens.
// Who may is the server's access table's call (AuthPayload.access.explorer), not a
// list of roles kept here.
import { mayExplore, refresh, session, type Session } from '../lib/api';

/**
 * Whether the session may use the explorer. A session stored by an older version has no
 * access yet: one refresh brings it.
 */
export async function canExplore(s: Session): Promise<boolean> {
  if (!s.access) {
    try {
      await refresh();
    } catch {
      return false;
    }
  }
  return mayExplore(session.get());
}

export const SESSION_KEY = 'tandem.session';
export const SIGN_IN = '/signin?next=' + encodeURIComponent('/explorer');

export function parseSession(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Session;
    return s && typeof s.accessToken === 'string' && s.accessToken ? s : null;
  } catch {
    return null;
  }
}

/**
 * Takes the tokens another tab (the app, a second explorer) stored since: refresh tokens
 * rotate, so refreshing with a stale one would end the session.
 */
export function syncSession(): Session | null {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(SESSION_KEY);
  } catch {
    return session.get();
  }
  const stored = parseSession(raw);
  const mine = session.get();
  if (JSON.stringify(stored) !== JSON.stringify(mine)) session.set(stored);
  return stored;
}

/** Sends the user to sign in, back to the explorer afterwards. */
export function signInAgain(replace = false): void {
  if (replace) location.replace(SIGN_IN);
  else location.assign(SIGN_IN);
}
