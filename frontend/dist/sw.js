// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'cd5d0316fe7cd7f2';
const FILES = [
  "/assets/Account-rfo1LpfA.js",
  "/assets/AccountTabs-l1XMgl84.js",
  "/assets/Accounts-BJaoyM0v.js",
  "/assets/More-CsWvkiGy.js",
  "/assets/Orders-BM5lA31k.js",
  "/assets/Problems-BYXKM5bg.js",
  "/assets/Report-CKS1Dex1.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-BqdixZql.js",
  "/assets/Settings-8JN0i3DT.js",
  "/assets/Visit-0bf99vUA.js",
  "/assets/feedback-rSiyAD7N.js",
  "/assets/graphql-5nLyYccj.js",
  "/assets/hooks-w3JouXz2.js",
  "/assets/index-BCRbxWQt.css",
  "/assets/index-CInl9yZf.js",
  "/assets/preload-helper-pWXO3cNx.js",
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
