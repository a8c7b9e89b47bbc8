// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '968b9d136581224f';
const FILES = [
  "/assets/Account-B03hxEmF.js",
  "/assets/AccountTabs-Dr7kizRN.js",
  "/assets/Accounts-DQ_OToR1.js",
  "/assets/More-DcIhft8K.js",
  "/assets/Orders-BMGIVOaN.js",
  "/assets/Problems-Byil1JI1.js",
  "/assets/Report-BECGAK7X.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-D-2TMeOM.js",
  "/assets/Settings-D_EvDSQZ.js",
  "/assets/Visit-9eMp1SDn.js",
  "/assets/feedback-fSw7p0oY.js",
  "/assets/graphql-BFYzoMNE.js",
  "/assets/hooks-BGOQ8Kdd.js",
  "/assets/index-BCRbxWQt.css",
  "/assets/index-DSovhGsw.js",
  "/assets/preload-helper-Bm3dmbDQ.js",
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
