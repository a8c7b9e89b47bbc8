// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '948efa6942c28cd4';
const FILES = [
  "/assets/Account-eh-LkIL4.js",
  "/assets/AccountTabs-CuHrxXoH.js",
  "/assets/Accounts-Dpaf62yS.js",
  "/assets/AdminAudit-B3bJ6qpL.js",
  "/assets/AdminClassification-CDc5O3S_.js",
  "/assets/AdminHome-D8WZI2Xo.js",
  "/assets/AdminTeams-C4VDf-aZ.js",
  "/assets/AdminTokens-B_VY2QP9.js",
  "/assets/AdminUsers-962ilTHv.js",
  "/assets/AdminWebhooks-DEFwSd5M.js",
  "/assets/ChangePassword-dBt4M1Mj.js",
  "/assets/Confirm-B7qGCsft.js",
  "/assets/ContactDuplicates-CwE6imyg.js",
  "/assets/ContactMerge-CA1HfD33.js",
  "/assets/CustomerPicker-BE7XBqYW.js",
  "/assets/FormStatus-DJ7aUEGv.js",
  "/assets/ImportJob-CXr7IwcB.js",
  "/assets/ImportStart-CTsqm7VL.js",
  "/assets/Merge-DsVpQomd.js",
  "/assets/MergeParts-BBF7jvE6.js",
  "/assets/More-zUX5XhhA.js",
  "/assets/Orders-EQMOpsoE.js",
  "/assets/Problems-DG7-H9Ow.js",
  "/assets/Report-CqVE43fB.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-CBE_BYTu.js",
  "/assets/Settings-CB-zmnjm.js",
  "/assets/Visit-Ci0KE8ps.js",
  "/assets/download-DDsKOIHO.js",
  "/assets/feedback-DpQiIRAQ.js",
  "/assets/filters-Cn4b0wGF.js",
  "/assets/graphql-B8Ji-MTt.js",
  "/assets/hooks-p0DVI_iO.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-DdvrnHpV.js",
  "/assets/importLogic-7lQaR492.js",
  "/assets/index-Cg-BvTRG.js",
  "/assets/index-tmLeeR8U.css",
  "/assets/merge.i18n-CKMYBv9J.js",
  "/assets/parts-BzBCcJp_.js",
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
