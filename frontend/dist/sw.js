// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '16216cfd74565cdb';
const FILES = [
  "/assets/Account-5cz_vsJL.js",
  "/assets/AccountTabs-gfjjr3BS.js",
  "/assets/Accounts-DrO2g8NF.js",
  "/assets/More-CJKTrPoA.js",
  "/assets/Orders-CI5CS2sP.js",
  "/assets/Problems-CCO-vkkK.js",
  "/assets/Report-CEH2hiRu.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-CuqG6oxo.js",
  "/assets/Settings-Bvs81gbL.js",
  "/assets/Visit-DFSmHd8J.js",
  "/assets/feedback-DF3rvkfk.js",
  "/assets/graphql-CaNbXZnc.js",
  "/assets/hooks-rnUSoiGU.js",
  "/assets/index-B99MOkpZ.js",
  "/assets/index-BCRbxWQt.css",
  "/assets/preload-helper-DLrj2U8t.js",
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
