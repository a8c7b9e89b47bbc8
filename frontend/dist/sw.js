// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '24319035abeedb3e';
const FILES = [
  "/assets/Account-DYtGdh1-.js",
  "/assets/AccountTabs-BP1RA4zd.js",
  "/assets/Accounts-DBbVNz07.js",
  "/assets/AdminAudit-D6ZGg-yG.js",
  "/assets/AdminClassification-Qw06gpgK.js",
  "/assets/AdminHome-1Ul0DiZY.js",
  "/assets/AdminTeams-sCVWRFrN.js",
  "/assets/AdminTokens-ByFdORW-.js",
  "/assets/AdminUsers-DyU24v4N.js",
  "/assets/AdminWebhooks-Cu3IfSG4.js",
  "/assets/ChangePassword-CZxggZr_.js",
  "/assets/Confirm-HABQOZzo.js",
  "/assets/ContactDuplicates-poKexdQE.js",
  "/assets/ContactMerge-BEiVFRCF.js",
  "/assets/ContactNew-CCc3YWYE.js",
  "/assets/CustomerPicker-CHhOjKzc.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-hWYb3wAM.js",
  "/assets/FormStatus-DGn32umQ.js",
  "/assets/ImportJob-X8arf_qp.js",
  "/assets/ImportStart-BCc94c1q.js",
  "/assets/LoadMore-DP0AGvl8.js",
  "/assets/MapLinks-B9jNdcSl.js",
  "/assets/Merge-xe5X5MCL.js",
  "/assets/MergeParts-DxkToVZI.js",
  "/assets/More-BhNFY2Fn.js",
  "/assets/Nearby-D6MLIU_3.js",
  "/assets/Orders-DHK081X5.js",
  "/assets/PlanVisit-BB9zisBb.js",
  "/assets/Problems-Dc_68vd7.js",
  "/assets/Report-BRUyM5rn.css",
  "/assets/Report-DgX5cFMf.js",
  "/assets/Samples-bzHYP1VP.js",
  "/assets/Settings-Dm8zAJc8.js",
  "/assets/Team-Z6bWPInf.js",
  "/assets/TheirToday-CerF-q7w.js",
  "/assets/Visit-cWf6cKFy.js",
  "/assets/download-4yJc3F2N.js",
  "/assets/feedback-C8TMt63x.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-Bz7QLskk.js",
  "/assets/hooks-DyQr1Zz2.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-BZ_uyxWV.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-BdCAtKmQ.js",
  "/assets/index-C5gvMUaV.css",
  "/assets/merge.i18n-D160zUqi.js",
  "/assets/parts-Fh_iP6un.js",
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
