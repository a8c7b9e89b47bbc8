// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'ccea7d3f57a05350';
const FILES = [
  "/assets/Account-aAgDyvcO.js",
  "/assets/AccountTabs-CuTNMtkp.js",
  "/assets/Accounts-DKn2NdFq.js",
  "/assets/FormStatus-D7o1EXuw.js",
  "/assets/ImportJob-FkDI69ui.js",
  "/assets/ImportStart-DSlwx8qr.js",
  "/assets/More-O5-i4Dvr.js",
  "/assets/Orders-De3Tf3Pa.js",
  "/assets/Problems-C1hQCk61.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-IK0CqaM8.js",
  "/assets/Samples-BIF0ft9H.js",
  "/assets/Settings-qODSV5wV.js",
  "/assets/Visit-BLNqdQIu.js",
  "/assets/feedback-B5o4V0N8.js",
  "/assets/graphql-Dl3bsXRH.js",
  "/assets/hooks-CqlQT99W.js",
  "/assets/import-CuuXkv8D.css",
  "/assets/import-n8Whr-Oi.js",
  "/assets/importLogic-Bw0v09rW.js",
  "/assets/index-BCRbxWQt.css",
  "/assets/index-QTy7P-_t.js",
  "/assets/preload-helper-Tacjytzl.js",
  "/icon-192.png",
  "/icon-512.png",
  "/icon.svg",
  "/index.html",
  "/manifest.webmanifest"
];
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

const passThrough = /^\/(graphql|documents|issue-attachments|export\.csv|healthz|readyz|explorer)/;

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
