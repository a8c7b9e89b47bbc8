// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '7e221bb8af9b7eee';
const FILES = [
  "/assets/Account-EC4If_OZ.js",
  "/assets/AccountTabs-BFHY0o8N.js",
  "/assets/Accounts-iWlNUvvO.js",
  "/assets/FormStatus-CkqFbGOJ.js",
  "/assets/Merge-ByAwLY2s.js",
  "/assets/More-DtQTwNtl.js",
  "/assets/Orders-DL0s2DuG.js",
  "/assets/Problems-CP3G0Ih6.js",
  "/assets/Report-CrW9P14f.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-CUW6uGKy.js",
  "/assets/Settings-zHtP0yBp.js",
  "/assets/Visit-DiCUz4e0.js",
  "/assets/feedback-DFYvVdRq.js",
  "/assets/graphql-BgjXw90l.js",
  "/assets/hooks-wiVIB6-B.js",
  "/assets/index-BCRbxWQt.css",
  "/assets/index-CWa4kQgD.js",
  "/assets/merge.i18n-CilFTilT.js",
  "/assets/preload-helper-1IaudNsK.js",
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
