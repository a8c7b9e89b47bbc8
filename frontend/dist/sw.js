// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '119c91d2a8191a53';
const FILES = [
  "/assets/Account-BYuVNJGF.js",
  "/assets/AccountTabs-bpAV0NgF.js",
  "/assets/Accounts-AlJwWuLt.js",
  "/assets/FormStatus-CkqFbGOJ.js",
  "/assets/Merge-nYWemUpg.js",
  "/assets/More-BrUCeBKd.js",
  "/assets/Orders-CDP0plgF.js",
  "/assets/Problems-C43P7vBr.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-LSGLGOA-.js",
  "/assets/Samples-DFPomRWn.js",
  "/assets/Settings-xAUGevLw.js",
  "/assets/Visit-JJCaxaFD.js",
  "/assets/feedback-dwIFZjRC.js",
  "/assets/graphql-BgjXw90l.js",
  "/assets/hooks-aMvJXEE9.js",
  "/assets/index-BCRbxWQt.css",
  "/assets/index-dfk983mu.js",
  "/assets/merge.i18n-q3DzHtq5.js",
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
