// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '2f6da08dc2560264';
const FILES = [
  "/assets/Account-CB_v1tZi.js",
  "/assets/AccountTabs-BH47zDJC.js",
  "/assets/Accounts-B5s8sEzR.js",
  "/assets/FormStatus-D7o1EXuw.js",
  "/assets/ImportJob-BoJK2Spl.js",
  "/assets/ImportStart-Bv1JyIJ4.js",
  "/assets/More-B-ciInTv.js",
  "/assets/Orders-BardvA8z.js",
  "/assets/Problems-SNnAswQ9.js",
  "/assets/Report-CtQUNDfV.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-DdJ_CnLQ.js",
  "/assets/Settings-DDEEzdrB.js",
  "/assets/Visit-sCMN-l3W.js",
  "/assets/feedback-CBsl8QCd.js",
  "/assets/graphql-Dl3bsXRH.js",
  "/assets/hooks-B8H1CsLt.js",
  "/assets/import-DJ2yFdtV.css",
  "/assets/import-Dwr3_DRs.js",
  "/assets/importLogic-Bw0v09rW.js",
  "/assets/index-BCRbxWQt.css",
  "/assets/index-D1_UWCzc.js",
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
