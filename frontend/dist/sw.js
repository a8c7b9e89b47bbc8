// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '591f6dde09c653d4';
const FILES = [
  "/assets/Account-D1u9eP-8.js",
  "/assets/AccountTabs-CK6xU_6x.js",
  "/assets/Accounts-CY3Q9pHL.js",
  "/assets/AdminAudit-_-ho7Dmd.js",
  "/assets/AdminHome-DJzxPdKc.js",
  "/assets/AdminTeams-DWBK9YnK.js",
  "/assets/AdminTokens-DMnn4kSR.js",
  "/assets/AdminUsers-D-4CmFWc.js",
  "/assets/AdminWebhooks-by6k2yhk.js",
  "/assets/ChangePassword-C6EUiS_7.js",
  "/assets/CustomerPicker-DH1kHel_.js",
  "/assets/FormStatus-CyAsiUp-.js",
  "/assets/ImportJob-CLtUXZOL.js",
  "/assets/ImportStart-DeqSA_WE.js",
  "/assets/Merge-xCsTmZzi.js",
  "/assets/More-XOhCz4kT.js",
  "/assets/Orders-CVWj5Oj9.js",
  "/assets/Problems-DfZR9mYw.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-DxmT4LSk.js",
  "/assets/Samples-BKij4UcJ.js",
  "/assets/Settings-BfIUacdh.js",
  "/assets/Visit-C2w0PIVm.js",
  "/assets/feedback-Cad2OAQ9.js",
  "/assets/filters-DMbkyAtc.js",
  "/assets/graphql-DWhsPNkb.js",
  "/assets/hooks-DK-cwbwn.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-DTNkj8uB.js",
  "/assets/importLogic-Bw0v09rW.js",
  "/assets/index-2ZblmJ1z.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-DtzguPCG.js",
  "/assets/parts-D-XGChfb.js",
  "/assets/preload-helper-oq0eW-qp.js",
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
