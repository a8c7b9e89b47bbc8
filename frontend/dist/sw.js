// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '9295afdcb17b0089';
const FILES = [
  "/assets/Account-BCDj3P6M.js",
  "/assets/AccountTabs-CuusV6Om.js",
  "/assets/Accounts-DjxRsVM5.js",
  "/assets/AdminAudit-BxNdL0zp.js",
  "/assets/AdminClassification-Dh7AWICx.js",
  "/assets/AdminHome-B2mm-02j.js",
  "/assets/AdminTeams-BhgL26Xy.js",
  "/assets/AdminTokens-s0RRaKvH.js",
  "/assets/AdminUsers-BiY2tVZI.js",
  "/assets/AdminWebhooks-C38_OHJ4.js",
  "/assets/ChangePassword-BFP0vmD6.js",
  "/assets/Confirm-B7qGCsft.js",
  "/assets/ContactDuplicates-CwDInl8U.js",
  "/assets/ContactMerge-tfKbxd-_.js",
  "/assets/CustomerPicker-DX_wbVFw.js",
  "/assets/FormStatus-DJ7aUEGv.js",
  "/assets/ImportJob-g9gp8pzh.js",
  "/assets/ImportStart-Hy6Ztmko.js",
  "/assets/LoadMore-DZpCoRZg.js",
  "/assets/Merge-DE64E63r.js",
  "/assets/MergeParts-BA4yzVmZ.js",
  "/assets/More-DmlfKE0g.js",
  "/assets/Orders-CdaMUMGa.js",
  "/assets/PlanVisit-D5n5CDxj.js",
  "/assets/Problems-DOxDOMcD.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-Dj2LWXj9.js",
  "/assets/Samples-DkTw8zMv.js",
  "/assets/Settings-CTD61T9R.js",
  "/assets/Visit-SB27KBgX.js",
  "/assets/download-DDsKOIHO.js",
  "/assets/feedback-Ds8Tsu9I.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-B8Ji-MTt.js",
  "/assets/hooks-CYWf_qT7.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-CU6Q-KWh.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-CqMuXaaT.js",
  "/assets/index-DX4xl5u2.css",
  "/assets/merge.i18n-tRhfTixc.js",
  "/assets/parts-B0zcdY0w.js",
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
