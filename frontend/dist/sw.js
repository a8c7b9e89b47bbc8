// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'c3c5967c55ddf6a5';
const FILES = [
  "/assets/Account-Bk8AZ5k0.js",
  "/assets/AccountTabs-BeHEIRem.js",
  "/assets/Accounts-C4EwoocX.js",
  "/assets/FormStatus-xIzxw56Q.js",
  "/assets/More-DpMkVcGi.js",
  "/assets/Orders-BwNyDkbj.js",
  "/assets/Problems-D28XRCIC.js",
  "/assets/Report-2k39RUeC.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples--sQjkiJQ.js",
  "/assets/Settings-HsYw2JyS.js",
  "/assets/Visit-sOV_uGnF.js",
  "/assets/feedback-Bhag6Csr.js",
  "/assets/graphql-DinrDJWZ.js",
  "/assets/hooks-BiyPmG8h.js",
  "/assets/index-BCRbxWQt.css",
  "/assets/index-DOCmolu9.js",
  "/assets/preload-helper-D4-cqGtn.js",
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
