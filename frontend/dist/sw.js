// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '9a364c2475972b34';
const FILES = [
  "/assets/Account-UebiX6jI.js",
  "/assets/AccountTabs-C1sxpRUk.js",
  "/assets/Accounts-C3abTGlD.js",
  "/assets/AdminAudit-DASaQNBH.js",
  "/assets/AdminClassification-rDmCLfgU.js",
  "/assets/AdminHome-BIrNUwD8.js",
  "/assets/AdminTeams-DcVKSRHm.js",
  "/assets/AdminTokens-CnELM2MN.js",
  "/assets/AdminUsers-Az2j3BWD.js",
  "/assets/AdminWebhooks-MiB45PU8.js",
  "/assets/ChangePassword-CUtir6jD.js",
  "/assets/Confirm-HABQOZzo.js",
  "/assets/ContactDuplicates-DL8X3ZwJ.js",
  "/assets/ContactMerge-DerDYyH1.js",
  "/assets/ContactNew-BmFHMc8d.js",
  "/assets/CustomerPicker-DZf9y76Y.js",
  "/assets/FormStatus-DGn32umQ.js",
  "/assets/ImportJob-CVjb795p.js",
  "/assets/ImportStart-B1wBVeLx.js",
  "/assets/LoadMore-Dexx4lAY.js",
  "/assets/MapLinks-B9jNdcSl.js",
  "/assets/Merge-Dd1amH7o.js",
  "/assets/MergeParts-Dw9Jcv6B.js",
  "/assets/More-aziKwpQb.js",
  "/assets/Nearby-BSQ0sJU7.js",
  "/assets/Orders-Btgt2OQN.js",
  "/assets/PlanVisit-D3csqBor.js",
  "/assets/Problems-B-wd1n5L.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-LqkaUoeA.js",
  "/assets/Samples-BZ9kFYpn.js",
  "/assets/Settings-Bj0QfQDo.js",
  "/assets/Visit-U-y2_OsB.js",
  "/assets/download-4yJc3F2N.js",
  "/assets/feedback-ByZd_V-a.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-Bz7QLskk.js",
  "/assets/hooks-0qHlCB0h.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-D-qCVyTZ.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-BPYyQxlk.css",
  "/assets/index-DaWDNu-y.js",
  "/assets/merge.i18n-D160zUqi.js",
  "/assets/parts-0RfOcLeX.js",
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
