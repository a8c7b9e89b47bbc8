// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'f36c26bbc653b466';
const FILES = [
  "/assets/Account-DjHGg8RG.js",
  "/assets/AccountTabs-BSo7DrA8.js",
  "/assets/Accounts-MRgowExW.js",
  "/assets/AdminAudit-C_NH34iP.js",
  "/assets/AdminClassification-BHloh_wh.js",
  "/assets/AdminHome-BF0a4yEr.js",
  "/assets/AdminTeams-a085420G.js",
  "/assets/AdminTokens-kGqNWX7x.js",
  "/assets/AdminUsers-CGnQOM5W.js",
  "/assets/AdminWebhooks-BUYgDph_.js",
  "/assets/ChangePassword-CrqGrEWS.js",
  "/assets/Confirm-B7qGCsft.js",
  "/assets/ContactDuplicates-CwDInl8U.js",
  "/assets/ContactMerge-BA_hdCQP.js",
  "/assets/CustomerPicker-Dz1PFY3X.js",
  "/assets/FormStatus-DJ7aUEGv.js",
  "/assets/ImportJob-B8wEHum-.js",
  "/assets/ImportStart-BI7dMdJr.js",
  "/assets/LoadMore-BQkvTy9c.js",
  "/assets/Merge-CP0GDdqa.js",
  "/assets/MergeParts-DRc85x4C.js",
  "/assets/More-CSyVg43U.js",
  "/assets/Orders-Bdt91rT7.js",
  "/assets/Problems-DjFCr7Ve.js",
  "/assets/Report-BTaR5TyT.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-B7SXWxLR.js",
  "/assets/Settings-mpI9k5rM.js",
  "/assets/Visit-Rp-IXgYF.js",
  "/assets/download-DDsKOIHO.js",
  "/assets/feedback-DRs7SHCM.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-B8Ji-MTt.js",
  "/assets/hooks-jHXHgYTD.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-ABpUzXq8.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C6lm3ng6.css",
  "/assets/index-CPBJ1ayL.js",
  "/assets/merge.i18n-tRhfTixc.js",
  "/assets/parts-C-_fTcBc.js",
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
