// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'a5c23225a9f48501';
const FILES = [
  "/assets/Account-DNik9dO5.js",
  "/assets/AccountTabs-BuwPUzPW.js",
  "/assets/Accounts-D8y7cgNb.js",
  "/assets/AdminAudit-CpAABjqR.js",
  "/assets/AdminClassification-CGtCRG6v.js",
  "/assets/AdminHome-D8yVPxYV.js",
  "/assets/AdminTeams-CwWUpION.js",
  "/assets/AdminTokens-Cy8Lmjge.js",
  "/assets/AdminUsers-D0nNvsjJ.js",
  "/assets/AdminWebhooks-woQejosV.js",
  "/assets/ChangePassword-Crb9c6F_.js",
  "/assets/Confirm-HABQOZzo.js",
  "/assets/ContactDuplicates-DL8X3ZwJ.js",
  "/assets/ContactMerge-CmqMcxXx.js",
  "/assets/ContactNew-jFvVmoo8.js",
  "/assets/CustomerPicker-D46PgvxO.js",
  "/assets/FormStatus-DF5lwTeS.js",
  "/assets/ImportJob-DxnsUjqN.js",
  "/assets/ImportStart-DgXXl8lZ.js",
  "/assets/LoadMore-yEAtbS_Z.js",
  "/assets/Merge-B_SSA7MR.js",
  "/assets/MergeParts-pGsBI1fd.js",
  "/assets/More-UIzyxds8.js",
  "/assets/Orders-C8BBy2wY.js",
  "/assets/PlanVisit-RNhUxLaH.js",
  "/assets/Problems-DbwEbpkb.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-DoMYaWGa.js",
  "/assets/Samples-BuSZT3gj.js",
  "/assets/Settings-BKWfuJaQ.js",
  "/assets/Visit-B9Tq5qK-.js",
  "/assets/download-4yJc3F2N.js",
  "/assets/feedback-HhrvAHBS.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-Bz7QLskk.js",
  "/assets/hooks-0yJh_vBf.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-CJ9uZ3jW.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-CmgptKgY.js",
  "/assets/index-D1M-F69g.css",
  "/assets/merge.i18n-D160zUqi.js",
  "/assets/parts-vIUqoMhd.js",
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
