// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'a400886a9a6312ff';
const FILES = [
  "/assets/Account-CJve0q79.js",
  "/assets/AccountTabs-Dv7vyyVe.js",
  "/assets/Accounts-C3PwewXi.js",
  "/assets/AdminAudit-xSsvHrse.js",
  "/assets/AdminClassification-D7KZjJ1k.js",
  "/assets/AdminHome-U6s4-UVf.js",
  "/assets/AdminTeams-ClKc2KbN.js",
  "/assets/AdminTokens-CEi6-fkg.js",
  "/assets/AdminUsers-CB-dSa52.js",
  "/assets/AdminWebhooks-Cy0BMVw8.js",
  "/assets/ChangePassword-c0M1LXWw.js",
  "/assets/Confirm-HABQOZzo.js",
  "/assets/ContactDuplicates-poKexdQE.js",
  "/assets/ContactMerge-dxhVixGb.js",
  "/assets/ContactNew-BBTpBViW.js",
  "/assets/CustomerPicker-4UOIxUqq.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-CHOXo--d.js",
  "/assets/FormStatus-DGn32umQ.js",
  "/assets/ImportJob-DeDh6Hh5.js",
  "/assets/ImportStart-BgEmHVad.js",
  "/assets/LoadMore-D5gDP5qw.js",
  "/assets/MapLinks-B9jNdcSl.js",
  "/assets/Merge-DNw6G-7i.js",
  "/assets/MergeParts-D2pkJXy5.js",
  "/assets/More-B06z1VmV.js",
  "/assets/Nearby-jc3ZAhdY.js",
  "/assets/Orders-DNBFleY0.js",
  "/assets/PlanVisit-aj7ZmBhA.js",
  "/assets/Problems-DdA2w0s4.js",
  "/assets/Report-D0ZDIxHe.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-DID-AodL.js",
  "/assets/Settings-DspiM4Bi.js",
  "/assets/Team-Bx5sPViO.js",
  "/assets/TheirToday-E7-yzWy1.js",
  "/assets/Visit-vawRqyui.js",
  "/assets/download-4yJc3F2N.js",
  "/assets/feedback-B-gMSTZv.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-Bz7QLskk.js",
  "/assets/hooks-CNqjrbbI.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-CHrR-uWy.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C5gvMUaV.css",
  "/assets/index-Cs0s6TI0.js",
  "/assets/merge.i18n-D160zUqi.js",
  "/assets/parts-BEydsOOj.js",
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
