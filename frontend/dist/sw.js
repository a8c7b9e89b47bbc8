// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'c1e311907bb5487f';
const FILES = [
  "/assets/Account-B8hmg3J5.js",
  "/assets/AccountTabs-B-vQtPoK.js",
  "/assets/Accounts-a0gEkWlF.js",
  "/assets/AdminAudit-BMpDLPL6.js",
  "/assets/AdminClassification-DSIo7_k5.js",
  "/assets/AdminHome-BmxzXBCR.js",
  "/assets/AdminTeams-CnitqORs.js",
  "/assets/AdminTokens-B7UaP3_R.js",
  "/assets/AdminUsers-DqlG5UcP.js",
  "/assets/AdminWebhooks-BkFtn1-p.js",
  "/assets/ChangePassword-CW-GQBJQ.js",
  "/assets/Confirm-B7qGCsft.js",
  "/assets/ContactDuplicates-CwDInl8U.js",
  "/assets/ContactMerge-DHgu7DGA.js",
  "/assets/CustomerPicker-D9LnJQkw.js",
  "/assets/FormStatus-DJ7aUEGv.js",
  "/assets/ImportJob-2O3X_2Et.js",
  "/assets/ImportStart-BwjEPEpE.js",
  "/assets/Merge-DGCWfrDO.js",
  "/assets/MergeParts-B-EiYQYW.js",
  "/assets/More-DEOhjQM-.js",
  "/assets/Orders-i_dzVgj4.js",
  "/assets/Problems-MlQvCr0E.js",
  "/assets/Report-BEl1axiY.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-CzgMhpRH.js",
  "/assets/Settings-KPDGQiG-.js",
  "/assets/Visit-DLWrIacH.js",
  "/assets/download-DDsKOIHO.js",
  "/assets/feedback-D-ulPTYp.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-B8Ji-MTt.js",
  "/assets/hooks-BIgqyQFH.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-BUVGSz9G.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C6lm3ng6.css",
  "/assets/index-D8VJyJkX.js",
  "/assets/merge.i18n-tRhfTixc.js",
  "/assets/parts-B9rzBAzU.js",
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
