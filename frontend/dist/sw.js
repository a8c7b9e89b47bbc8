// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '3864c49f2bf10dbc';
const FILES = [
  "/assets/Account-DmYQKQY8.js",
  "/assets/AccountTabs-DIzAU1C7.js",
  "/assets/Accounts-DlMgssP0.js",
  "/assets/AdminAudit-Cy-jC741.js",
  "/assets/AdminHome-B6h5atRK.js",
  "/assets/AdminTeams-Cn0SxxTr.js",
  "/assets/AdminTokens-De9h1pBz.js",
  "/assets/AdminUsers-C6sHsYbu.js",
  "/assets/AdminWebhooks-493p49j5.js",
  "/assets/ChangePassword-DmWmWKnJ.js",
  "/assets/Confirm-CsH0g0h9.js",
  "/assets/CustomerPicker-DQotM6Py.js",
  "/assets/FormStatus-CyAsiUp-.js",
  "/assets/ImportJob-BHqwr4CV.js",
  "/assets/ImportStart-CMGKpkkN.js",
  "/assets/Merge-BvBh-SPR.js",
  "/assets/More-CLYGpelv.js",
  "/assets/Orders-BqcBKI8H.js",
  "/assets/Problems-DZwWbrYj.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-fae289gy.js",
  "/assets/Samples-HSEO29vC.js",
  "/assets/Settings-B4c5AgrY.js",
  "/assets/Visit-DJknOu5R.js",
  "/assets/download-Bg7FJVEc.js",
  "/assets/feedback-DTOYUb8b.js",
  "/assets/filters-Cn4b0wGF.js",
  "/assets/graphql-DWhsPNkb.js",
  "/assets/hooks-CmdBqGgt.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-BOL7-4Mc.js",
  "/assets/importLogic-DZYkX3eA.js",
  "/assets/index-B2BX96S7.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-DtzguPCG.js",
  "/assets/parts-DnnUb1uU.js",
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
