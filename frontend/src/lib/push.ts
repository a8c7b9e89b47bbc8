// Web Push on this browser: subscribing it to the server's reminders (the browser's
// push service, with the server's VAPID key), ending that, and at start-up sending the
// current subscription again so the server holds its latest keys (and subscribing anew
// when the server's key changed). Loaded when needed, not with the first screen.
import { graphql } from '../graphql';
import { request, session } from './api';
import { base64UrlToBytes, deviceName, pushSupport, sameKey } from './pushLogic';

export const SubscribePush = graphql(`
  mutation SubscribePush($input: PushSubscriptionInput!) {
    subscribePush(input: $input) { id userAgent createdAt lastSentAt failing }
  }
`);

export const UnsubscribePush = graphql(`
  mutation UnsubscribePush($endpoint: String, $id: ID) { unsubscribePush(endpoint: $endpoint, id: $id) }
`);

const PushKey = graphql(`
  query PushKey { reminderSettings { publicKey } }
`);

/** The server's id of this browser in the device list (to mark it "this device"). */
const DEVICE_KEY = 'tandem.pushDevice';

export function thisDeviceID(): string | null {
  try {
    return localStorage.getItem(DEVICE_KEY);
  } catch {
    return null;
  }
}

/** Why turning reminders on stopped short. */
export class PushRefused extends Error {
  constructor(public reason: 'denied' | 'dismissed' | 'noWorker') {
    super(reason);
  }
}

export function pushEnv() {
  const nav = navigator as Navigator & { standalone?: boolean };
  return {
    serviceWorker: 'serviceWorker' in navigator,
    pushManager: typeof window !== 'undefined' && 'PushManager' in window,
    notification: typeof window !== 'undefined' && 'Notification' in window,
    ua: navigator.userAgent,
    standalone: nav.standalone === true || (typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches),
  };
}

export function permission(): NotificationPermission | 'unknown' {
  return typeof Notification === 'undefined' ? 'unknown' : Notification.permission;
}

/** The service worker's registration, once it is active (it receives the pushes). */
async function registration(): Promise<ServiceWorkerRegistration> {
  const ready = navigator.serviceWorker.ready;
  const late = new Promise<never>((_, fail) => setTimeout(() => fail(new PushRefused('noWorker')), 15_000));
  return Promise.race([ready, late]);
}

/** This browser's subscription, if it has one (without waiting for a worker that is not there). */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (pushSupport(pushEnv()) !== 'ok') return null;
  const reg = await navigator.serviceWorker.getRegistration();
  return (await reg?.pushManager.getSubscription()) ?? null;
}

/** Give the server this browser's subscription (the same endpoint again updates it). */
async function send(sub: PushSubscription) {
  const keys = sub.toJSON().keys ?? {};
  const d = await request(SubscribePush, {
    input: { endpoint: sub.endpoint, p256dh: keys.p256dh ?? '', auth: keys.auth ?? '', userAgent: deviceName(navigator.userAgent) },
  });
  try {
    localStorage.setItem(DEVICE_KEY, d.subscribePush.id);
  } catch {
    /* private mode: the list just does not mark this device */
  }
  return d.subscribePush;
}

/** A subscription made with the server's key: the one there is, or a new one. */
async function subscription(reg: ServiceWorkerRegistration, publicKey: string): Promise<PushSubscription> {
  const had = await reg.pushManager.getSubscription();
  if (had && sameKey(had.options?.applicationServerKey, publicKey)) return had;
  await had?.unsubscribe();
  return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(publicKey) as BufferSource });
}

/** Ask for permission, subscribe this browser, and tell the server. */
export async function turnOn(publicKey: string) {
  const answer = await Notification.requestPermission();
  if (answer !== 'granted') throw new PushRefused(answer === 'denied' ? 'denied' : 'dismissed');
  return send(await subscription(await registration(), publicKey));
}

/** Stop reminders here: the server forgets the browser first (that needs the network), then the browser. */
export async function turnOff(): Promise<void> {
  const sub = await currentSubscription();
  if (sub) {
    await request(UnsubscribePush, { endpoint: sub.endpoint });
    await sub.unsubscribe();
  }
  try {
    localStorage.removeItem(DEVICE_KEY);
  } catch {
    /* ignore */
  }
}

/** Forget this browser's own subscription when the server removed it from the list. */
export async function forgetLocal(): Promise<void> {
  await (await currentSubscription())?.unsubscribe();
  try {
    localStorage.removeItem(DEVICE_KEY);
  } catch {
    /* ignore */
  }
}

/** At start-up: a browser with reminders on sends its subscription again (new keys, a new server key). */
export async function refreshPush(): Promise<void> {
  try {
    if (!session.get() || permission() !== 'granted') return;
    const had = await currentSubscription();
    if (!had) return;
    const key = (await request(PushKey, {})).reminderSettings.publicKey;
    if (!key) return;
    const reg = await navigator.serviceWorker.getRegistration();
    if (reg) await send(await subscription(reg, key));
  } catch {
    // Offline, signed out meanwhile, a partner: the next start tries again.
  }
}
