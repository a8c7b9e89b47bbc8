// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '59e1de7f9a3d4f7f';
const FILES = [
  "/assets/Account-yLRPcBcJ.js",
  "/assets/AccountTabs-BukY71ik.js",
  "/assets/Accounts-DOi3dPd4.js",
  "/assets/AdminAudit-B5voJ8nW.js",
  "/assets/AdminClassification-BXdrXXC6.js",
  "/assets/AdminHome-CrKjS-G2.js",
  "/assets/AdminTeams-BRF0ceIi.js",
  "/assets/AdminTokens-Rapvzt6e.js",
  "/assets/AdminUsers-Cg2cStuf.js",
  "/assets/AdminWebhooks-BUa0SsDz.js",
  "/assets/ChangePassword-CfwMoVAG.js",
  "/assets/Confirm-B7qGCsft.js",
  "/assets/ContactDuplicates-CwDInl8U.js",
  "/assets/ContactMerge-CY1dNrWE.js",
  "/assets/CustomerPicker-X649_k5Q.js",
  "/assets/FormStatus-DJ7aUEGv.js",
  "/assets/ImportJob-BhWmy2Hl.js",
  "/assets/ImportStart-DYzMkUXe.js",
  "/assets/LoadMore-DINdinZq.js",
  "/assets/Merge-BbdM_y5h.js",
  "/assets/MergeParts-BcctIa5l.js",
  "/assets/More-DtyyEAQW.js",
  "/assets/Orders-Bme33WFC.js",
  "/assets/PlanVisit-CZHjY9Kt.js",
  "/assets/Problems-CesmavBL.js",
  "/assets/Report-BdxnCnir.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-D_L8BUzi.js",
  "/assets/Settings-gK5yObQs.js",
  "/assets/Visit-B5InDfyn.js",
  "/assets/download-DDsKOIHO.js",
  "/assets/feedback-DXAu1xMa.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-B8Ji-MTt.js",
  "/assets/hooks-Dgk7VOuH.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-qTrACqPt.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-CCpHNtJA.css",
  "/assets/index-DdAf2hDW.js",
  "/assets/merge.i18n-tRhfTixc.js",
  "/assets/parts-CDpSwDCn.js",
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
