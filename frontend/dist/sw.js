// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '879cf101e32f4693';
const FILES = [
  "/assets/Account-C0cuOdNE.js",
  "/assets/AccountTabs-PXmIYM0F.js",
  "/assets/Accounts-DfX2G4h8.js",
  "/assets/AdminAudit-BU6l-xHw.js",
  "/assets/AdminHome-CPJ2Txk0.js",
  "/assets/AdminTeams-D2qb-gau.js",
  "/assets/AdminTokens-BJNtRWKG.js",
  "/assets/AdminUsers--vUAYVaJ.js",
  "/assets/AdminWebhooks-hXEqczNi.js",
  "/assets/ChangePassword-DMo5LP7r.js",
  "/assets/CustomerPicker-DQsMkIKD.js",
  "/assets/FormStatus-l2UotZC3.js",
  "/assets/ImportJob-kjnSYJcs.js",
  "/assets/ImportStart-tO5NPoGS.js",
  "/assets/Merge-DKb10qzm.js",
  "/assets/More-CW5EiNdZ.js",
  "/assets/Orders-DOohkSXC.js",
  "/assets/Problems-D6fZBq_d.js",
  "/assets/Report-CY__VezL.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-deeKWMqx.js",
  "/assets/Settings-CIJtF4fj.js",
  "/assets/Visit-C76uCbLD.js",
  "/assets/feedback-todMailH.js",
  "/assets/filters-DMbkyAtc.js",
  "/assets/graphql-CO6oOn0w.js",
  "/assets/hooks-kF2UQtRe.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-BEA4fPGT.js",
  "/assets/importLogic-Bw0v09rW.js",
  "/assets/index-DPXVB4D4.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-DQL_ooVr.js",
  "/assets/parts-CR-FBfc9.js",
  "/assets/preload-helper-CuESQX2R.js",
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

const passThrough = /^\/(graphql|documents|issue-attachments|export\.csv|exports\/|imports\/|healthz|readyz|explorer)/;

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
