// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '5d7570b74e2b64d3';
const FILES = [
  "/assets/Account-BqGLi54W.js",
  "/assets/AccountTabs-gGA0_VgX.js",
  "/assets/Accounts-Ce8Xucw2.js",
  "/assets/FormStatus-D7o1EXuw.js",
  "/assets/ImportJob-UEzbNx9M.js",
  "/assets/ImportStart-DybaB4PU.js",
  "/assets/More-B4gduvNu.js",
  "/assets/Orders-DroFiz8o.js",
  "/assets/Problems-Dno1NycK.js",
  "/assets/Report-Cncf3516.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-CAdSYMAd.js",
  "/assets/Settings-DyqtLIdi.js",
  "/assets/Visit-D1h-Wuxx.js",
  "/assets/feedback-BYyKS-i2.js",
  "/assets/graphql-Dl3bsXRH.js",
  "/assets/hooks-BfYp8bxu.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-D-8CMnv1.js",
  "/assets/importLogic-Bw0v09rW.js",
  "/assets/index-BCRbxWQt.css",
  "/assets/index-CHUEEIMp.js",
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
