// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
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

const passThrough = /^\/(graphql|documents|issue-attachments|project-documents|export\.csv|exports\/|imports\/|healthz|readyz|explorer)/;

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
