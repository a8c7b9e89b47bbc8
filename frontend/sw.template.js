// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself. It also shows the
// server's reminders (Web Push) and opens the app where a tapped one points.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = 'tandem-shell-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('tandem-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

const passThrough = /^\/(graphql|documents|issue-attachments|project-documents|media|export\.csv|exports\/|imports\/|healthz|readyz|explorer)/;

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || passThrough.test(url.pathname)) return;
  if (req.mode === 'navigate') {
    // The shell answers every page of the app, at once, online or not.
    event.respondWith(caches.match('/index.html', { cacheName: CACHE }).then((r) => r || fetch(req)));
    return;
  }
  event.respondWith(
    caches.match(req, { cacheName: CACHE }).then(
      (hit) =>
        hit ||
        fetch(req).then((res) => {
          if (res.ok && url.pathname.startsWith('/assets/')) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put(req, copy));
          }
          return res;
        }),
    ),
  );
});

// ---------------------------------------------------------------- reminders (Web Push)

/** Only a path inside the app ("/customers/…"); anything else opens Today. */
function appPath(url) {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') && !url.includes('\\') ? url : '/';
}

// The server sends {title, body, url, tag, kind} (server/push Message), encrypted for
// this browser. Shown as a notification even when the app is open (the phone may be in
// a pocket), and told to open windows, which show it inside the page too.
self.addEventListener('push', (event) => {
  let m = {};
  try {
    m = event.data ? event.data.json() : {};
  } catch {
    m = { body: event.data ? event.data.text() : '' };
  }
  const message = {
    title: typeof m.title === 'string' && m.title ? m.title : 'Tandem',
    body: typeof m.body === 'string' ? m.body : '',
    url: appPath(m.url),
    tag: typeof m.tag === 'string' ? m.tag : '',
    kind: typeof m.kind === 'string' ? m.kind : '',
  };
  const options = { body: message.body, data: { url: message.url }, icon: '/icon-192.png', badge: '/icon-192.png' };
  if (message.tag) options.tag = message.tag;
  event.waitUntil(
    Promise.all([
      self.registration.showNotification(message.title, options),
      self.clients
        .matchAll({ type: 'window', includeUncontrolled: true })
        .then((list) => list.forEach((c) => c.postMessage({ type: 'push', message }))),
    ]),
  );
});

// A tapped reminder: an open Tandem window goes there, or a new one opens.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = appPath(event.notification.data && event.notification.data.url);
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (list) => {
      const win = list.find((c) => new URL(c.url).origin === self.location.origin);
      if (win) {
        await win.focus();
        try {
          return await win.navigate(url);
        } catch {
          return win.postMessage({ type: 'navigate', url });
        }
      }
      return self.clients.openWindow(url);
    }),
  );
});
