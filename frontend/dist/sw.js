// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'b56c50589d88cc49';
const FILES = [
  "/assets/Account-CJ5yWIO2.js",
  "/assets/AccountTabs-CM2DACFl.js",
  "/assets/Accounts-IFA-vaxI.js",
  "/assets/AdminAudit-Ckcp46X0.js",
  "/assets/AdminHome-DIK3S5n7.js",
  "/assets/AdminTeams-DbCZxaDh.js",
  "/assets/AdminTokens-BFQe-DuU.js",
  "/assets/AdminUsers-CQzmxGXm.js",
  "/assets/AdminWebhooks-pETbVIQZ.js",
  "/assets/ChangePassword-CIa-ZkVt.js",
  "/assets/Confirm-CsH0g0h9.js",
  "/assets/CustomerPicker-DP-ar_oN.js",
  "/assets/FormStatus-CyAsiUp-.js",
  "/assets/ImportJob-BaWeFeBG.js",
  "/assets/ImportStart-k8U9zqKl.js",
  "/assets/Merge-ZIYhfjIN.js",
  "/assets/More-Ba2aufu0.js",
  "/assets/Orders-B-vpn7i8.js",
  "/assets/Problems-DSgpZBJp.js",
  "/assets/Report-CkVHIQ5_.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-CRK99QB1.js",
  "/assets/Settings-D5k12sgQ.js",
  "/assets/Visit-CISOwI6Y.js",
  "/assets/download-Bg7FJVEc.js",
  "/assets/feedback-WD6imr1B.js",
  "/assets/filters-DMbkyAtc.js",
  "/assets/graphql-DWhsPNkb.js",
  "/assets/hooks-BGb2u0Sv.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-BMblGp_Y.js",
  "/assets/importLogic-DZYkX3eA.js",
  "/assets/index-4JC6Y9xL.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-DtzguPCG.js",
  "/assets/parts-D5ViDJnI.js",
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
