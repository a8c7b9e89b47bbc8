// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '2cf23db481403b1b';
const FILES = [
  "/assets/Account-DMYcnRkM.js",
  "/assets/AccountTabs-BA2JPhmb.js",
  "/assets/Accounts-Dck0hjBu.js",
  "/assets/AdminAudit-DmT-Ceul.js",
  "/assets/AdminHome-BcHg6HC8.js",
  "/assets/AdminTeams-BSG9XCrW.js",
  "/assets/AdminTokens-CdqkfOo2.js",
  "/assets/AdminUsers-DyLLzGrw.js",
  "/assets/AdminWebhooks-RcMQS6xt.js",
  "/assets/ChangePassword-DEMHXUxa.js",
  "/assets/Confirm-CsH0g0h9.js",
  "/assets/CustomerPicker-CFXs4kG0.js",
  "/assets/FormStatus-CyAsiUp-.js",
  "/assets/ImportJob-Da0CmjzZ.js",
  "/assets/ImportStart-BtpplMBB.js",
  "/assets/Merge-DVyHpnLz.js",
  "/assets/More-Ljg0THZF.js",
  "/assets/Orders-B-d9OkQB.js",
  "/assets/Problems-DGsNXpo4.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-D4Zpne7V.js",
  "/assets/Samples-GIVSXnnM.js",
  "/assets/Settings-sfvYwD1a.js",
  "/assets/Visit-Bw_qRVZ8.js",
  "/assets/download-Bg7FJVEc.js",
  "/assets/feedback-OyPW6KnT.js",
  "/assets/filters-Cn4b0wGF.js",
  "/assets/graphql-DWhsPNkb.js",
  "/assets/hooks-DoFnDJQQ.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-wtv7ywHD.js",
  "/assets/importLogic-7lQaR492.js",
  "/assets/index-D9VD-Ia9.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-DtzguPCG.js",
  "/assets/parts-ClnGzgn2.js",
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
