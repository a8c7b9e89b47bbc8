// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '4a030903b6355fc7';
const FILES = [
  "/assets/Account-CjMFt_um.js",
  "/assets/AccountTabs-DOG9Jlp_.js",
  "/assets/Accounts-DXhEDL4q.js",
  "/assets/AdminAudit-BN0FoAnJ.js",
  "/assets/AdminClassification-Z0QQ81e6.js",
  "/assets/AdminHome-BQC51ycJ.js",
  "/assets/AdminTeams-C87kqbX_.js",
  "/assets/AdminTokens-0JuHUGV2.js",
  "/assets/AdminUsers-BSK7s_6E.js",
  "/assets/AdminWebhooks-BA7xpVmX.js",
  "/assets/ChangePassword-B4yZW7Os.js",
  "/assets/Confirm-CBgNE3Ba.js",
  "/assets/ContactDuplicates-qFbbf8PJ.js",
  "/assets/ContactMerge-UaZdLiJE.js",
  "/assets/CustomerPicker-DJ9FEsku.js",
  "/assets/FormStatus-OfHXJGmz.js",
  "/assets/ImportJob-DHsOJULZ.js",
  "/assets/ImportStart-C_6SLPBQ.js",
  "/assets/Merge-DaGXrfig.js",
  "/assets/MergeParts-WuRppTW9.js",
  "/assets/More-B7rErJpz.js",
  "/assets/Orders-DdOrgloC.js",
  "/assets/Problems-BY2zu8l1.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-Dpb7D7nL.js",
  "/assets/Samples-CeN4kH3R.js",
  "/assets/Settings-B9HJ4bTB.js",
  "/assets/Visit-Fp3Gv8g0.js",
  "/assets/download-Drp3zB_n.js",
  "/assets/feedback-CULweEIk.js",
  "/assets/filters-Cn4b0wGF.js",
  "/assets/graphql-C_8JoYSL.js",
  "/assets/hooks-B6Ey085r.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-HS0jtP21.js",
  "/assets/importLogic-7lQaR492.js",
  "/assets/index-Cjb4CnSG.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-BNInGauj.js",
  "/assets/parts-orDhq5Ml.js",
  "/assets/preload-helper-qXHoDUNh.js",
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
