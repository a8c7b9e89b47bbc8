// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'e4caf70a837dae25';
const FILES = [
  "/assets/Account-Cf1HjhJf.js",
  "/assets/AccountTabs-6rcXucpd.js",
  "/assets/Accounts-DiCRcaV9.js",
  "/assets/AdminAudit-BEdKiIde.js",
  "/assets/AdminHome-DC1ytF0A.js",
  "/assets/AdminTeams-CUmw0i3-.js",
  "/assets/AdminTokens-Bfxa7KXp.js",
  "/assets/AdminUsers-DfYqx-vv.js",
  "/assets/AdminWebhooks-DYiHk0MJ.js",
  "/assets/ChangePassword-rcXXywrQ.js",
  "/assets/Confirm-CBgNE3Ba.js",
  "/assets/ContactDuplicates-B3xFb45e.js",
  "/assets/ContactMerge-BmKn1A6K.js",
  "/assets/CustomerPicker-CWVB-R3O.js",
  "/assets/FormStatus-OfHXJGmz.js",
  "/assets/ImportJob-BnoFmCFH.js",
  "/assets/ImportStart-MbyY9jc2.js",
  "/assets/Merge-BO_mvYGF.js",
  "/assets/MergeParts-B4Y91V3m.js",
  "/assets/More-i8ZiMPO9.js",
  "/assets/Orders-D_Ou145S.js",
  "/assets/Problems-C3cWdZlH.js",
  "/assets/Report-CJFRGYRD.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-BSr3TvDA.js",
  "/assets/Settings-CyzHmrBI.js",
  "/assets/Visit-DGSC9Uj0.js",
  "/assets/download-Drp3zB_n.js",
  "/assets/feedback-CQgzz8_G.js",
  "/assets/filters-Cn4b0wGF.js",
  "/assets/graphql-C_8JoYSL.js",
  "/assets/hooks-BH7U-YmG.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-DdjXKtue.js",
  "/assets/importLogic-7lQaR492.js",
  "/assets/index-0XcSVt6F.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-p-roYJny.js",
  "/assets/parts-YZ87dEqr.js",
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
