// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '8d2118509733e387';
const FILES = [
  "/assets/Account-BYvevD6a.js",
  "/assets/AccountTabs-DhoOTg3y.js",
  "/assets/Accounts-DRCuyS_v.js",
  "/assets/AdminAudit-COQCs5MB.js",
  "/assets/AdminClassification-1dogHHgr.js",
  "/assets/AdminHome-CFZDj8xf.js",
  "/assets/AdminTeams-CLZhlMJ5.js",
  "/assets/AdminTokens-sCRnSI-9.js",
  "/assets/AdminUsers-CHKuQg--.js",
  "/assets/AdminWebhooks-Bc1eBqlU.js",
  "/assets/ChangePassword-DYYEPo2c.js",
  "/assets/Confirm-HABQOZzo.js",
  "/assets/ContactDuplicates-poKexdQE.js",
  "/assets/ContactMerge-BdcoY-Ox.js",
  "/assets/ContactNew-BnmpvAuw.js",
  "/assets/CustomerPicker-CzA1EwGq.js",
  "/assets/FormStatus-DGn32umQ.js",
  "/assets/ImportJob-C9M6JMv6.js",
  "/assets/ImportStart-C6Y6Xn8S.js",
  "/assets/LoadMore-BNvFLgjW.js",
  "/assets/MapLinks-B9jNdcSl.js",
  "/assets/Merge-D4cq9v-A.js",
  "/assets/MergeParts-CSBhNw-q.js",
  "/assets/More-WdSYuGYX.js",
  "/assets/Nearby-DJL5h6EJ.js",
  "/assets/Orders-BDRAnRrD.js",
  "/assets/PlanVisit-BKtn8uMF.js",
  "/assets/Problems-CbWJxln-.js",
  "/assets/Report-Bru3p6QW.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-CUnGzO1n.js",
  "/assets/Settings-DCfGbKBD.js",
  "/assets/Visit-BV00h86-.js",
  "/assets/download-4yJc3F2N.js",
  "/assets/feedback-DG2n6wl4.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-Bz7QLskk.js",
  "/assets/hooks-CKly2e_z.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-Dvkwj_Ou.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-BPYyQxlk.css",
  "/assets/index-M38g1yqU.js",
  "/assets/merge.i18n-D160zUqi.js",
  "/assets/parts-DdgXM7CC.js",
  "/assets/place-ByKMGJrH.js",
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
