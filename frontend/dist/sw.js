// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'd5027ea290129b7f';
const FILES = [
  "/assets/Account-D_XVH03T.js",
  "/assets/AccountTabs-B5Olv5ph.js",
  "/assets/Accounts-CkWF08a1.js",
  "/assets/AdminAudit-CocAdC47.js",
  "/assets/AdminClassification-CXsdvm6W.js",
  "/assets/AdminHome-Ah1X2vHI.js",
  "/assets/AdminTeams-DtF0q30h.js",
  "/assets/AdminTokens-Ey2dRUiE.js",
  "/assets/AdminUsers-CxWYxXau.js",
  "/assets/AdminWebhooks-BOhIrsgn.js",
  "/assets/ChangePassword-Dgj__pA3.js",
  "/assets/Confirm-B7qGCsft.js",
  "/assets/ContactDuplicates-CwDInl8U.js",
  "/assets/ContactMerge-BmwQ__x0.js",
  "/assets/CustomerPicker-CnQT3wze.js",
  "/assets/FormStatus-DJ7aUEGv.js",
  "/assets/ImportJob-BrIGwJj4.js",
  "/assets/ImportStart-DsLJqzvq.js",
  "/assets/LoadMore-T-kwnMEI.js",
  "/assets/Merge-CMaI4ywH.js",
  "/assets/MergeParts-BztABqXd.js",
  "/assets/More-D26YSAfV.js",
  "/assets/Orders-Bds9DvON.js",
  "/assets/Problems-C3gvODiG.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-D2fqQFUI.js",
  "/assets/Samples-ucvBtE_j.js",
  "/assets/Settings-BSXbfn8e.js",
  "/assets/Visit-D0UkxCXi.js",
  "/assets/download-DDsKOIHO.js",
  "/assets/feedback-XHjbtPuO.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-B8Ji-MTt.js",
  "/assets/hooks-Ck7YVO77.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-3OvCVpEm.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C6lm3ng6.css",
  "/assets/index-CsJ_fq26.js",
  "/assets/merge.i18n-tRhfTixc.js",
  "/assets/parts-B7DyFnnD.js",
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
