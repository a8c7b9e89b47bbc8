// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '5c131c6c8bcd7abb';
const FILES = [
  "/assets/Account-CdFsud4J.js",
  "/assets/AccountTabs-B8683L44.js",
  "/assets/Accounts-ziy3KgQ2.js",
  "/assets/AdminAudit-CC6PQ-Iu.js",
  "/assets/AdminClassification-CZDpgL7k.js",
  "/assets/AdminHome-BUxD9ZNh.js",
  "/assets/AdminTeams-BNDzhjEd.js",
  "/assets/AdminTokens-19lm3yA3.js",
  "/assets/AdminUsers-D1mQI2jV.js",
  "/assets/AdminWebhooks-BRIlZ79B.js",
  "/assets/ChangePassword-DTJPtXuy.js",
  "/assets/Confirm-HABQOZzo.js",
  "/assets/ContactDuplicates-poKexdQE.js",
  "/assets/ContactMerge-bOtdmVxv.js",
  "/assets/ContactNew-Bmz8YYpr.js",
  "/assets/CustomerPicker-D4ebmdpv.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-DxVfJ6mn.js",
  "/assets/FormStatus-DGn32umQ.js",
  "/assets/ImportJob-CSng-NvA.js",
  "/assets/ImportStart-BL8j_uCY.js",
  "/assets/KeyPersonForm-Dt0LEgs5.js",
  "/assets/LoadMore-DKyZP1EL.js",
  "/assets/MapLinks-B9jNdcSl.js",
  "/assets/Merge-CiZLQWiE.js",
  "/assets/MergeParts-ByR5GOmR.js",
  "/assets/More-C5GiKxzJ.js",
  "/assets/Nearby-DUOOBSC5.js",
  "/assets/Orders-kvYKEm1_.js",
  "/assets/PlanVisit-B4IbQqfJ.js",
  "/assets/Problems-B-_59Q-T.js",
  "/assets/Report-BRUyM5rn.css",
  "/assets/Report-Dlshh5mw.js",
  "/assets/Samples-B2Yxu7xS.js",
  "/assets/Settings-DuwyH3oo.js",
  "/assets/Team-4catnoDq.js",
  "/assets/TheirToday-BLZbjvZz.js",
  "/assets/Visit-CR0iwZky.js",
  "/assets/download-4yJc3F2N.js",
  "/assets/feedback-S0PB2ax3.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-Bz7QLskk.js",
  "/assets/hooks-Dliz35M_.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-DTcnu4tI.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-BWVermrc.js",
  "/assets/index-C5gvMUaV.css",
  "/assets/merge.i18n-D160zUqi.js",
  "/assets/parts-Cf5YN0Bi.js",
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
