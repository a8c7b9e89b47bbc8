// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'bad580f5a5fc2048';
const FILES = [
  "/assets/Account-B5nSL4zB.js",
  "/assets/AccountTabs-Bl7m5MeZ.js",
  "/assets/Accounts-B4XIGC1r.js",
  "/assets/AdminAudit-B95Qhyu_.js",
  "/assets/AdminClassification-DUqHJHRQ.js",
  "/assets/AdminHome-Dc1bjP0r.js",
  "/assets/AdminTeams-D0kasqYK.js",
  "/assets/AdminTokens-DuU7tCf7.js",
  "/assets/AdminUsers-DFyQEHI1.js",
  "/assets/AdminWebhooks-7Ja1wlZN.js",
  "/assets/ChangePassword-Hwvb0mrs.js",
  "/assets/Confirm-B7qGCsft.js",
  "/assets/ContactDuplicates-XjZcfX0S.js",
  "/assets/ContactMerge-BxF4O4e1.js",
  "/assets/CustomerPicker-w0bsUFYX.js",
  "/assets/FormStatus-DJ7aUEGv.js",
  "/assets/ImportJob-CfOwyBVs.js",
  "/assets/ImportStart-Cb8oLJ25.js",
  "/assets/Merge-BfypVFWE.js",
  "/assets/MergeParts-D4QiEYMl.js",
  "/assets/More-UMpueqyz.js",
  "/assets/Orders-DdxFj2Lk.js",
  "/assets/Problems-DjeC2SGH.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-DzN1hHvN.js",
  "/assets/Samples-BYXatimf.js",
  "/assets/Settings-DJAla6CN.js",
  "/assets/Visit-DyPM0eIU.js",
  "/assets/download-DDsKOIHO.js",
  "/assets/feedback-Biyi3blZ.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-B8Ji-MTt.js",
  "/assets/hooks-D8D_pJfa.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-D5hSCB6I.js",
  "/assets/importLogic-7lQaR492.js",
  "/assets/index-C6lm3ng6.css",
  "/assets/index-CzcSNKcp.js",
  "/assets/merge.i18n-CKMYBv9J.js",
  "/assets/parts-DCAhkSiL.js",
  "/assets/preload-helper-D9wXVj_Q.js",
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
