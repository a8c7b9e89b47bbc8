// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '026b9cdbdeea4d52';
const FILES = [
  "/assets/Account-CFs4WGC8.js",
  "/assets/AccountTabs-D1lb6fN3.js",
  "/assets/Accounts-Z4scnPcb.js",
  "/assets/AdminAudit-B4b_Kw0R.js",
  "/assets/AdminClassification-D1jfwCFX.js",
  "/assets/AdminHome-DJxuh-UZ.js",
  "/assets/AdminTeams-DFIHM_ot.js",
  "/assets/AdminTokens-dQ0aBp6q.js",
  "/assets/AdminUsers-DptLYmgZ.js",
  "/assets/AdminWebhooks-DnoKZGaL.js",
  "/assets/ChangePassword-DKaR06vQ.js",
  "/assets/Confirm-HABQOZzo.js",
  "/assets/ContactDuplicates-DL8X3ZwJ.js",
  "/assets/ContactMerge-Cq5OaNII.js",
  "/assets/CustomerPicker-UYuHm_o7.js",
  "/assets/FormStatus-DF5lwTeS.js",
  "/assets/ImportJob-DtfndIL5.js",
  "/assets/ImportStart-BYf8TvrV.js",
  "/assets/LoadMore-C2VM2WHX.js",
  "/assets/Merge-BViKKHZ7.js",
  "/assets/MergeParts-Dnd4yd7u.js",
  "/assets/More-CcPFBkKx.js",
  "/assets/Orders-UfbNQ8DQ.js",
  "/assets/PlanVisit-BgjrjTT6.js",
  "/assets/Problems--obwdz2C.js",
  "/assets/Report-CNsqOgMH.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-DJ_0ufat.js",
  "/assets/Settings-Din0vU9S.js",
  "/assets/Visit-DwMuki7g.js",
  "/assets/download-4yJc3F2N.js",
  "/assets/feedback-DF5XOv51.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-Bz7QLskk.js",
  "/assets/hooks-BueOrnhv.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-BlhECNOd.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-D1M-F69g.css",
  "/assets/index-_2yXbhtR.js",
  "/assets/merge.i18n-D160zUqi.js",
  "/assets/parts-CB_GDHN5.js",
  "/assets/preload-helper-cgQNtKgt.js",
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
