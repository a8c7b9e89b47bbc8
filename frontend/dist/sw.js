// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'c4a78b2ea85e0f11';
const FILES = [
  "/assets/Account-cVAETlao.js",
  "/assets/AccountTabs-D86_wWtr.js",
  "/assets/Accounts-D3n3wP2T.js",
  "/assets/AdminAudit-r3Q5wBtD.js",
  "/assets/AdminHome-DqL6HCqQ.js",
  "/assets/AdminTeams-Rr0d-aOC.js",
  "/assets/AdminTokens-D6nhvlmL.js",
  "/assets/AdminUsers-lQBSAD-F.js",
  "/assets/AdminWebhooks-C1u7MffE.js",
  "/assets/ChangePassword-CZfFVN5J.js",
  "/assets/Confirm-CsH0g0h9.js",
  "/assets/CustomerPicker-CWVS5WUW.js",
  "/assets/FormStatus-CyAsiUp-.js",
  "/assets/ImportJob-C8OFrHdZ.js",
  "/assets/ImportStart-BV0nFCtv.js",
  "/assets/Merge-DwQg0IaH.js",
  "/assets/More-DcTuRdvi.js",
  "/assets/Orders-Ca6DOiR4.js",
  "/assets/Problems-D06sLaqi.js",
  "/assets/Report-BTJPfeGm.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-BXN6H0dG.js",
  "/assets/Settings-BNLlDdTa.js",
  "/assets/Visit-ChLt7tlF.js",
  "/assets/download-Bg7FJVEc.js",
  "/assets/feedback-vO_Xo0pe.js",
  "/assets/filters-D9NIEiAm.js",
  "/assets/graphql-DWhsPNkb.js",
  "/assets/hooks-B4i5BAPz.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-CQcoTB4-.js",
  "/assets/importLogic-DZYkX3eA.js",
  "/assets/index-Bri9XP_o.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-DtzguPCG.js",
  "/assets/parts-C48a93Yb.js",
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
