// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'f1b59b8b4746e1ab';
const FILES = [
  "/assets/Account-CATX8YZQ.js",
  "/assets/AccountTabs-B8XbjeWg.js",
  "/assets/Accounts-CnZHLXxl.js",
  "/assets/AdminAudit-5ewB5kqG.js",
  "/assets/AdminHome-pYqvu1yT.js",
  "/assets/AdminTeams-Ls_Adkvq.js",
  "/assets/AdminTokens-DsICVwik.js",
  "/assets/AdminUsers-CB-pY0WG.js",
  "/assets/AdminWebhooks-B-M6ywW0.js",
  "/assets/ChangePassword-DtQKWVEO.js",
  "/assets/Confirm-CBgNE3Ba.js",
  "/assets/ContactDuplicates-BwV_8uEu.js",
  "/assets/ContactMerge-CT1APJVT.js",
  "/assets/CustomerPicker-3y5r4Uw9.js",
  "/assets/FormStatus-OfHXJGmz.js",
  "/assets/ImportJob-C1ilvC7j.js",
  "/assets/ImportStart-9XNYZRAp.js",
  "/assets/Merge-BKdSKoF0.js",
  "/assets/MergeParts-CnROlrOg.js",
  "/assets/More-R2le0DwA.js",
  "/assets/Orders-C_yXfHm7.js",
  "/assets/Problems-zU0bnQPi.js",
  "/assets/Report-CCGMsl0H.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-DPWLZPfS.js",
  "/assets/Settings-e_yBflI0.js",
  "/assets/Visit-DkibUCNb.js",
  "/assets/download-Drp3zB_n.js",
  "/assets/feedback-DLp3uHmb.js",
  "/assets/filters-D9NIEiAm.js",
  "/assets/graphql-C_8JoYSL.js",
  "/assets/hooks-C5Vkdkg0.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-Cpc3iG-Q.js",
  "/assets/importLogic-DZYkX3eA.js",
  "/assets/index-CvlyvG5s.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-C-4XS6be.js",
  "/assets/parts-CMfIld-g.js",
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
