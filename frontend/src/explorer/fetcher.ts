// Requests on the signed-in user's token: refreshed through the refreshToken mutation
// (refresh() in src/lib/api.ts) when it is about to expire, and once more when the
// server answers UNAUTHENTICATED; a session that cannot be refreshed sends the user to
// sign in. The GraphiQL fetcher also records extensions.cost for the footer.
import { ApiError, isOffline, refresh, session } from '../lib/api';
import { store } from '../lib/store';
import { signInAgain, syncSession } from './access';
import { tx } from './explorer.i18n';

export interface Cost {
  requested: number;
  remaining?: number;
  limit?: number;
}

/** The cost the server reported for the last query run in the editor. */
export const lastCost = store<Cost | null>(null);

export interface GraphQLParams {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  [key: string]: unknown;
}

export type Fetcher = (params: GraphQLParams, opts?: { headers?: Record<string, unknown> }) => Promise<unknown>;

class SignedOut extends ApiError {
  constructor() {
    super('The session has ended; sign in again.', 'UNAUTHENTICATED');
  }
}

function signedOut(): never {
  signInAgain();
  throw new SignedOut();
}

function expiresSoon(expiresAt: string): boolean {
  const t = Date.parse(expiresAt);
  return !isNaN(t) && t - Date.now() < 60_000;
}

/** The access token to send: refreshed first when it expires within a minute (or force). */
export async function accessToken(force = false): Promise<string> {
  const s = syncSession();
  if (!s) return signedOut();
  if (!force && !expiresSoon(s.expiresAt)) return s.accessToken;
  let ok = true;
  try {
    ok = await refresh();
  } catch {
    // Offline or a server error: try with the token we have; the answer will say.
  }
  const now = session.get();
  if (!ok || !now) return signedOut();
  return now.accessToken;
}

/** Sends with the user's token, and once more with a fresh one when the answer says so. */
export async function withToken(
  send: (token: string) => Promise<Response>,
  unauthenticated: (res: Response) => Promise<boolean>,
): Promise<Response> {
  const res = await send(await accessToken());
  if (!(await unauthenticated(res))) return res;
  return send(await accessToken(true));
}

export async function isUnauthenticatedAnswer(res: Response): Promise<boolean> {
  if (res.status === 401) return true;
  try {
    const payload = await res.clone().json();
    return payload?.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';
  } catch {
    return false;
  }
}

/** extensions.cost of an answer, or the cost a refused query reported in its error. */
export function costOf(payload: any): Cost | null {
  const c = payload?.extensions?.cost;
  if (c && typeof c.requested === 'number') {
    return { requested: c.requested, remaining: c.remaining ?? undefined, limit: c.limit ?? undefined };
  }
  const e = payload?.errors?.[0]?.extensions?.cost;
  if (typeof e === 'number') return { requested: e };
  return null;
}

function hasHeader(headers: Record<string, unknown>, name: string): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === name);
}

/**
 * The GraphiQL fetcher. Headers typed in GraphiQL's header editor are sent too; an
 * Authorization header there (a partner's API token, say) replaces the user's token.
 */
export function createFetcher(): Fetcher {
  return async (params, opts) => {
    const extra: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts?.headers ?? {})) if (v != null) extra[k] = String(v);
    const own = hasHeader(extra, 'authorization');
    const send = (token: string) =>
      fetch('/graphql', {
        method: 'POST',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/json',
          ...extra,
          ...(own ? {} : { Authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify(params),
      });
    const res = own ? await send('') : await withToken(send, isUnauthenticatedAnswer);
    let payload: any;
    try {
      payload = await res.json();
    } catch {
      throw new Error(`HTTP ${res.status}: the server did not answer with JSON`);
    }
    lastCost.set(costOf(payload));
    return payload;
  };
}

/** An error as the explorer shows it: the server's extensions.code, then the message. */
export function describe(e: unknown): string {
  if (e instanceof ApiError) return tx('error', { code: e.code, message: e.message });
  if (isOffline(e)) return tx('error', { code: 'OFFLINE', message: tx('offline') });
  return tx('error', { code: 'ERROR', message: (e as Error)?.message ?? String(e) });
}
