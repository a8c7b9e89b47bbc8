// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '0424ad02b3e1710e';
const FILES = [
  "/assets/Account-CjBD5hF4.js",
  "/assets/AccountTabs-B4cEo7wB.js",
  "/assets/Accounts-uQhlOSU1.js",
  "/assets/AdminAudit-DhsUVq6Y.js",
  "/assets/AdminClassification-KAf9X9j6.js",
  "/assets/AdminHome-DSkKrCFa.js",
  "/assets/AdminTeams-Cme6YmSn.js",
  "/assets/AdminTokens-CeeToC5-.js",
  "/assets/AdminUsers-MfulDhDm.js",
  "/assets/AdminWebhooks-Gg4kr_dc.js",
  "/assets/ChangePassword-CLhAm2mQ.js",
  "/assets/Confirm-HABQOZzo.js",
  "/assets/ContactDuplicates-poKexdQE.js",
  "/assets/ContactMerge-CLQ4ZP7E.js",
  "/assets/ContactNew-DQ2LrNaU.js",
  "/assets/CustomerPicker-Bw-yLNoB.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-Dic2wo0n.js",
  "/assets/FormStatus-DGn32umQ.js",
  "/assets/ImportJob-mRs_l3ym.js",
  "/assets/ImportStart-Bvp1UxhR.js",
  "/assets/LoadMore-DmnkNRYw.js",
  "/assets/MapLinks-B9jNdcSl.js",
  "/assets/Merge-DkHsiue0.js",
  "/assets/MergeParts-B_jOljvN.js",
  "/assets/More-sFqnYQFD.js",
  "/assets/Nearby-B_ZTtpR9.js",
  "/assets/Orders-IGAIQ4Fm.js",
  "/assets/PlanVisit-BCtbOPVT.js",
  "/assets/Problems-Bf6lNasu.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-DtObo_Zw.js",
  "/assets/Samples-FKC7HxPd.js",
  "/assets/Settings-DZuCvRXp.js",
  "/assets/Team-BExmVQGc.js",
  "/assets/TheirToday-QBi5z8F0.js",
  "/assets/Visit-Bz7vslOH.js",
  "/assets/download-4yJc3F2N.js",
  "/assets/feedback-De5uhfX5.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-Bz7QLskk.js",
  "/assets/hooks-2c8C_ElX.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-CnzjPQjn.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-BJb0vZPR.js",
  "/assets/index-C5gvMUaV.css",
  "/assets/merge.i18n-D160zUqi.js",
  "/assets/parts-Dw06t0hO.js",
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
