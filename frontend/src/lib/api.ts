// The GraphQL client: one POST per operation, the access token refreshed before it
// expires (and once more on UNAUTHENTICATED), errors turned into ApiError with the
// server's machine-readable code, and "the network is down" kept apart as OfflineError.
import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';
import { lang } from './i18n';
import { store } from './store';

export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: string;
  function: string;
  locale: string;
}

/** What the server's access table lets the user use (AuthPayload.access). */
export interface Access {
  explorer: boolean;
  /** Makes a manager's decisions (stages by hand, evaluations). */
  manages?: boolean;
  /** Imports and exports data (the Data area). */
  imports?: boolean;
  reads: string[];
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  user: Viewer;
  /** Missing in sessions stored by an older version until the next refresh. */
  access?: Access;
  /** Signed in with a temporary password: the app shows only the change-password screen. */
  mustChangePassword?: boolean;
}

/** Whether the signed-in user may use the GraphQL explorer (decided by the server). */
export function mayExplore(s: Session | null | undefined): boolean {
  return !!s?.access?.explorer;
}

const SESSION_KEY = 'tandem.session';

function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export const session = store<Session | null>(loadSession());
session.subscribe((s) => {
  if (s) localStorage.setItem(SESSION_KEY, JSON.stringify(s));
  else localStorage.removeItem(SESSION_KEY);
});

/** Whether the last request reached the server. */
export const online = store<boolean>(typeof navigator === 'undefined' ? true : navigator.onLine);
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => online.set(true));
  window.addEventListener('offline', () => online.set(false));
}

export class ApiError extends Error {
  constructor(
    message: string,
    public code: string,
    public extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The request did not reach the server (no network, server down). */
export class OfflineError extends Error {
  constructor() {
    super('offline');
  }
}

export function isOffline(e: unknown): e is OfflineError {
  return e instanceof OfflineError;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc<D, V> = TadaDocumentNode<D, V> | string;
type AnyDoc = TadaDocumentNode<any, any> | string;

const printed = new WeakMap<object, string>();
function text(doc: AnyDoc): string {
  if (typeof doc === 'string') return doc;
  let s = printed.get(doc);
  if (!s) {
    s = print(doc);
    printed.set(doc, s);
  }
  return s;
}

export function operationName(doc: AnyDoc): string {
  const m = /(?:query|mutation)\s+(\w+)/.exec(text(doc));
  return m ? m[1] : 'anonymous';
}

async function post(body: BodyInit, token: string | null, json: boolean): Promise<any> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (json) headers['Content-Type'] = 'application/json';
  else headers['GraphQL-Preflight'] = '1';
  if (token) headers.Authorization = `Bearer ${token}`;
  // The server words its messages (checklist warnings, import reasons) in the app's language.
  headers['X-Tandem-Lang'] = lang.get();
  let res: Response;
  try {
    res = await fetch('/graphql', { method: 'POST', headers, body });
  } catch {
    online.set(false);
    throw new OfflineError();
  }
  online.set(true);
  let payload: any;
  try {
    payload = await res.json();
  } catch {
    if (res.status >= 500 || res.status === 0) throw new OfflineError();
    throw new ApiError(`HTTP ${res.status}`, 'INTERNAL');
  }
  return payload;
}

function firstError(payload: any): ApiError | null {
  const e = payload?.errors?.[0];
  if (!e) return null;
  const ext = e.extensions ?? {};
  return new ApiError(e.message ?? 'error', String(ext.code ?? 'INTERNAL'), ext);
}

const REFRESH = `mutation Refresh($t: String!) { refreshToken(input: { refreshToken: $t }) { accessToken refreshToken expiresAt mustChangePassword user { id name email role function locale } access { explorer manages imports reads } } }`;

let refreshing: Promise<boolean> | null = null;

/** Trade the refresh token for a new pair; false when the session is over. */
export function refresh(): Promise<boolean> {
  const s = session.get();
  if (!s) return Promise.resolve(false);
  if (!refreshing) {
    refreshing = (async () => {
      const payload = await post(JSON.stringify({ query: REFRESH, variables: { t: s.refreshToken } }), null, true);
      const err = firstError(payload);
      if (err) {
        if (err.code === 'UNAUTHENTICATED' || err.code === 'BAD_USER_INPUT') {
          session.set(null);
          return false;
        }
        throw err;
      }
      session.set(payload.data.refreshToken);
      return true;
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

function expiresSoon(s: Session): boolean {
  return Date.parse(s.expiresAt) - Date.now() < 60_000;
}

export interface Upload {
  /** Variable path, e.g. "input.file". */
  path: string;
  file: Blob;
  name?: string;
}

function body(query: string, variables: unknown, uploads?: Upload[]): { body: BodyInit; json: boolean } {
  if (!uploads?.length) return { body: JSON.stringify({ query, variables }), json: true };
  // GraphQL multipart request: operations, a map from part name to variable path, the files.
  const fd = new FormData();
  fd.append('operations', JSON.stringify({ query, variables }));
  const map: Record<string, string[]> = {};
  uploads.forEach((u, i) => (map[String(i)] = [`variables.${u.path}`]));
  fd.append('map', JSON.stringify(map));
  uploads.forEach((u, i) => fd.append(String(i), u.file, u.name ?? (u.file as File).name ?? `file${i}`));
  return { body: fd, json: false };
}

/** Run one operation. Throws ApiError (with the server's code) or OfflineError. */
export async function request<D, V>(doc: Doc<D, V>, variables?: V, uploads?: Upload[]): Promise<D> {
  const query = text(doc);
  for (let attempt = 0; ; attempt++) {
    let s = session.get();
    if (s && expiresSoon(s) && attempt === 0) {
      await refresh();
      s = session.get();
    }
    const b = body(query, variables ?? {}, uploads);
    const payload = await post(b.body, s?.accessToken ?? null, b.json);
    const err = firstError(payload);
    if (err && err.code === 'UNAUTHENTICATED' && s && attempt === 0) {
      if (await refresh()) continue;
    }
    if (err) throw err;
    return payload.data as D;
  }
}

export async function signIn(email: string, password: string): Promise<Session> {
  const q = `mutation Login($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { accessToken refreshToken expiresAt mustChangePassword user { id name email role function locale } access { explorer manages imports reads } } }`;
  const payload = await post(JSON.stringify({ query: q, variables: { email, password } }), null, true);
  const err = firstError(payload);
  if (err) throw err;
  session.set(payload.data.login);
  return payload.data.login;
}

export async function signOut(): Promise<void> {
  const s = session.get();
  session.set(null);
  if (!s) return;
  try {
    await post(
      JSON.stringify({ query: `mutation Logout($t: String!) { logout(input: { refreshToken: $t }) }`, variables: { t: s.refreshToken } }),
      null,
      true,
    );
  } catch {
    // Signing out works offline too; the refresh token then simply expires.
  }
}

/**
 * Change the signed-in user's password. The server ends every session of the user
 * with it, so the app signs in again with the new password at once.
 */
export async function changePassword(current: string, next: string): Promise<void> {
  const s = session.get();
  if (!s) throw new ApiError('sign in first', 'UNAUTHENTICATED');
  const q = `mutation ChangePassword($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) }`;
  const payload = await post(JSON.stringify({ query: q, variables: { c: current, n: next } }), s.accessToken, true);
  const err = firstError(payload);
  if (err) throw err;
  await signIn(s.user.email, next);
}

/** A random id for clientMutationId. */
export function newId(): string {
  const a = new Uint8Array(12);
  crypto.getRandomValues(a);
  return 'c' + Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
}
