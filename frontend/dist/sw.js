// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'b2f131fa0d4f618d';
const FILES = [
  "/assets/Account-CUa3zz9e.js",
  "/assets/AccountTabs-aXzHrZEG.js",
  "/assets/Accounts-IzAvsv8M.js",
  "/assets/AdminAudit-BPqGREBe.js",
  "/assets/AdminHome-e_ssm9Qb.js",
  "/assets/AdminTeams-BECnTM2O.js",
  "/assets/AdminTokens-DN4gT-eT.js",
  "/assets/AdminUsers-Cmui6HK2.js",
  "/assets/AdminWebhooks-D3GR5yYE.js",
  "/assets/ChangePassword-E8Pw5p9z.js",
  "/assets/CustomerPicker-DAj6eLRE.js",
  "/assets/FormStatus-B-lFJljP.js",
  "/assets/More-DMqkvbuo.js",
  "/assets/Orders-C9VN5BVX.js",
  "/assets/Problems-8dSAbbzh.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-liAtFlcR.js",
  "/assets/Samples-Bh0GKAyi.js",
  "/assets/Settings-DFTGkLC5.js",
  "/assets/Visit-B2awQpU_.js",
  "/assets/feedback-KdyhsRfD.js",
  "/assets/filters-DMbkyAtc.js",
  "/assets/graphql-Dy-0duH0.js",
  "/assets/hooks-CoyWkqUI.js",
  "/assets/index-Dv3StXca.js",
  "/assets/index-smgx_XNX.css",
  "/assets/parts-DfQVfC8n.js",
  "/assets/preload-helper-DQGJkixJ.js",
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

const passThrough = /^\/(graphql|documents|issue-attachments|export\.csv|healthz|readyz|explorer)/;

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
