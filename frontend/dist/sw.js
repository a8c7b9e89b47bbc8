// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '94f50e519ff6125d';
const FILES = [
  "/assets/Account-B5hlRWK-.js",
  "/assets/AccountTabs-vo9eFWUX.js",
  "/assets/Accounts-DZ-WvVuj.js",
  "/assets/AdminAudit-zJcd5y1p.js",
  "/assets/AdminClassification-DK78WiaN.js",
  "/assets/AdminHome-DYI7jH1e.js",
  "/assets/AdminTeams-BBexWzFT.js",
  "/assets/AdminTokens-b6zj2a-b.js",
  "/assets/AdminUsers-BPAhiXhd.js",
  "/assets/AdminWebhooks-CT_Wf8jn.js",
  "/assets/ChangePassword-nooM6_jF.js",
  "/assets/Confirm-HABQOZzo.js",
  "/assets/ContactDuplicates-poKexdQE.js",
  "/assets/ContactMerge-Bf7hxljh.js",
  "/assets/ContactNew-DlU3FEdK.js",
  "/assets/CustomerPicker-DNirg1HF.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-NryxYx9J.js",
  "/assets/FormStatus-DGn32umQ.js",
  "/assets/ImportJob-DLtnKPQM.js",
  "/assets/ImportStart-BT3l4c8Q.js",
  "/assets/KeyPersonForm-q79pTC3z.js",
  "/assets/LoadMore-DRhXF8Z8.js",
  "/assets/MapLinks-B9jNdcSl.js",
  "/assets/Merge-BV4wlims.js",
  "/assets/MergeParts-BXs8eSKy.js",
  "/assets/More-naHQzbga.js",
  "/assets/Nearby-QCJJ3VXJ.js",
  "/assets/Orders-DlhE_9PB.js",
  "/assets/PlanVisit-B7KUYWpX.js",
  "/assets/Problems-C6fRwAao.js",
  "/assets/Report-BRUyM5rn.css",
  "/assets/Report-BrIrvxIX.js",
  "/assets/Samples-D9Mc_kxO.js",
  "/assets/Settings-BOJTYvNI.js",
  "/assets/Team-D-AZjrsz.js",
  "/assets/TheirToday-Cr5HdzBK.js",
  "/assets/Visit-C-RVJHV6.js",
  "/assets/download-4yJc3F2N.js",
  "/assets/feedback-BLLtV1AM.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-Bz7QLskk.js",
  "/assets/hooks-C8nYP8kt.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-QsCG9rhp.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C5gvMUaV.css",
  "/assets/index-erJ6CzgY.js",
  "/assets/merge.i18n-D160zUqi.js",
  "/assets/parts-B43r72aa.js",
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
