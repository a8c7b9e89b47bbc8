// The pure parts of Web Push reminders (no browser needed, unit-tested): the server's
// VAPID key as the bytes PushManager.subscribe wants, a short name for this browser in
// the device list, what the Reminders section can offer in this browser, the digest
// time's check, and a push message received from the service worker.

/** base64url (RFC 4648 §5, padding optional) → bytes; throws on a character outside it. */
export function base64UrlToBytes(s: string): Uint8Array {
  const clean = s.trim().replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(clean) || clean.length % 4 === 1) throw new Error('not base64url');
  const b64 = clean.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (clean.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** bytes → base64url without padding. */
export function bytesToBase64Url(b: ArrayBuffer | Uint8Array): string {
  const bytes = b instanceof Uint8Array ? b : new Uint8Array(b);
  let bin = '';
  for (const x of bytes) bin += String.fromCharCode(x);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Whether a subscription was made with the server's current key (a changed key needs a new one). */
export function sameKey(subscribedWith: ArrayBuffer | Uint8Array | null | undefined, publicKey: string): boolean {
  if (!subscribedWith) return true; // the browser does not tell: trust it
  try {
    return bytesToBase64Url(subscribedWith) === bytesToBase64Url(base64UrlToBytes(publicKey));
  } catch {
    return false;
  }
}

/** "Chrome · Android", "Safari · iPhone": how this browser is named in the device list. */
export function deviceName(ua: string): string {
  const os = /iPhone/.test(ua)
    ? 'iPhone'
    : /iPad/.test(ua)
      ? 'iPad'
      : /Android/.test(ua)
        ? 'Android'
        : /HarmonyOS|OpenHarmony/.test(ua)
          ? 'HarmonyOS'
          : /Windows/.test(ua)
            ? 'Windows'
            : /CrOS/.test(ua)
              ? 'ChromeOS'
              : /Mac OS X|Macintosh/.test(ua)
                ? 'Mac'
                : /Linux/.test(ua)
                  ? 'Linux'
                  : '';
  const browser = /MicroMessenger/.test(ua)
    ? 'WeChat'
    : /EdgA?\/|EdgiOS\/|Edg\//.test(ua)
      ? 'Edge'
      : /OPR\//.test(ua)
        ? 'Opera'
        : /SamsungBrowser\//.test(ua)
          ? 'Samsung Internet'
          : /HuaweiBrowser\//.test(ua)
            ? 'Huawei Browser'
            : /Firefox\/|FxiOS\//.test(ua)
              ? 'Firefox'
              : /CriOS\/|Chrome\/|Chromium\//.test(ua)
                ? 'Chrome'
                : /Safari\//.test(ua)
                  ? 'Safari'
                  : '';
  const name = [browser, os].filter(Boolean).join(' · ');
  return name || ua.slice(0, 60) || '?';
}

export type PushSupport = 'ok' | 'homeScreen' | 'unsupported';

/** Whether this browser can receive reminders: on iPhone and iPad only once Tandem is on the home screen. */
export function pushSupport(env: { serviceWorker: boolean; pushManager: boolean; notification: boolean; ua: string; standalone: boolean }): PushSupport {
  if (env.serviceWorker && env.pushManager && env.notification) return 'ok';
  const apple = /iPhone|iPad|iPod/.test(env.ua) || (/Macintosh/.test(env.ua) && /Mobile\//.test(env.ua));
  if (apple && !env.standalone) return 'homeScreen';
  return 'unsupported';
}

export type ReminderState = 'unsupported' | 'homeScreen' | 'serverOff' | 'denied' | 'on' | 'off';

/** What the Reminders section says about this device, most blocking reason first. */
export function reminderState(s: {
  support: PushSupport;
  publicKey: string | null | undefined;
  permission: NotificationPermission | 'unknown';
  subscribed: boolean;
}): ReminderState {
  if (s.support !== 'ok') return s.support;
  if (!s.publicKey) return 'serverOff';
  if (s.permission === 'denied') return 'denied';
  return s.subscribed && s.permission === 'granted' ? 'on' : 'off';
}

/** A digest time the server takes: empty (no digest) or HH:MM. */
export function validDigest(v: string): boolean {
  return v === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(v);
}

/** The kinds after a chip was tapped, in the schema's order. */
export function toggleKind<K extends string>(kinds: readonly K[], k: K, order: readonly K[]): K[] {
  const set = new Set(kinds);
  if (set.has(k)) set.delete(k);
  else set.add(k);
  return order.filter((x) => set.has(x));
}

export interface PushMessage {
  title: string;
  body: string;
  url: string;
  tag: string;
  kind: string;
}

/** A link inside the app only ("/customers/…"); anything else goes to Today. */
export function appPath(url: unknown): string {
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//') || url.includes('\\')) return '/';
  return url;
}

/** The service worker's message about a push, checked; null when it is something else. */
export function pushMessageFrom(data: unknown): PushMessage | null {
  if (!data || typeof data !== 'object' || (data as { type?: unknown }).type !== 'push') return null;
  const m = (data as { message?: unknown }).message;
  if (!m || typeof m !== 'object') return null;
  const r = m as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  if (!str(r.title)) return null;
  return { title: str(r.title), body: str(r.body), url: appPath(r.url), tag: str(r.tag), kind: str(r.kind) };
}

export type ReminderErrorKey = 'offline' | 'forbidden' | 'signIn' | 'badDigest' | 'badKinds' | 'serverOff' | 'testNone' | 'failed';

/** What to say about a refused reminder request, by the server's code (never the code itself). */
export function reminderErrorKey(e: { offline?: boolean; code?: string; field?: unknown; message?: string }, action: 'settings' | 'test' | 'device'): ReminderErrorKey {
  if (e.offline) return 'offline';
  switch (e.code) {
    case 'FORBIDDEN':
      return 'forbidden';
    case 'UNAUTHENTICATED':
      return 'signIn';
    case 'BAD_USER_INPUT':
      if (e.field === 'digestAt') return 'badDigest';
      if (e.field === 'kinds') return 'badKinds';
      if (/push reminders are off/i.test(e.message ?? '')) return 'serverOff';
      if (action === 'test') return 'testNone';
  }
  return 'failed';
}
