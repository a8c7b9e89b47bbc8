// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '38e31ac9af00f439';
const FILES = [
  "/assets/Account-Bcrg-6_j.js",
  "/assets/AccountTabs-4teBTZex.js",
  "/assets/Accounts-dcR5i9qx.js",
  "/assets/AdminAudit-tk5D5zYY.js",
  "/assets/AdminHome-NSz_IXwh.js",
  "/assets/AdminTeams-ruhD1Yfz.js",
  "/assets/AdminTokens-D6vHh0z9.js",
  "/assets/AdminUsers-C1pvaG9l.js",
  "/assets/AdminWebhooks-BE4Hf21i.js",
  "/assets/CustomerPicker-WR2K2uhd.js",
  "/assets/More-CSLBPyYR.js",
  "/assets/Orders-CPvE3yr0.js",
  "/assets/Problems-A-FIDWP3.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-UElP7Bvz.js",
  "/assets/Samples-D_mS08f3.js",
  "/assets/Settings-BuibgNzW.js",
  "/assets/Visit-b36_2atG.js",
  "/assets/feedback-CejHOw7S.js",
  "/assets/filters-DMbkyAtc.js",
  "/assets/graphql-Dy-0duH0.js",
  "/assets/hooks-Da9z_3Fp.js",
  "/assets/index-BmYW4BRD.js",
  "/assets/index-smgx_XNX.css",
  "/assets/parts-ue1VpZr6.js",
  "/assets/preload-helper-DQGJkixJ.js",
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
