// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'e4b267bf53c669a5';
const FILES = [
  "/assets/Account-DtHKXI_x.js",
  "/assets/AccountTabs-CHzfLhji.js",
  "/assets/Accounts-NuBwiOlz.js",
  "/assets/AdminAudit-BpXIQjxr.js",
  "/assets/AdminHome-Cpf6ayPn.js",
  "/assets/AdminTeams-BvenNDYd.js",
  "/assets/AdminTokens-Bpfhl2pa.js",
  "/assets/AdminUsers-CHY0N7u3.js",
  "/assets/AdminWebhooks-BkV7uJjS.js",
  "/assets/ChangePassword-CgDK98Uw.js",
  "/assets/Confirm-CsH0g0h9.js",
  "/assets/CustomerPicker-CwrzKIdw.js",
  "/assets/FormStatus-CyAsiUp-.js",
  "/assets/ImportJob-Cl7kWIRA.js",
  "/assets/ImportStart-YH-qpa4O.js",
  "/assets/Merge-CDEQQGe9.js",
  "/assets/More-DRyXmRlj.js",
  "/assets/Orders-Bx1MFfHP.js",
  "/assets/Problems-CRaYWmnu.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-DyKxAkZP.js",
  "/assets/Samples-p9JsFdsM.js",
  "/assets/Settings-Cg_SkIYu.js",
  "/assets/Visit-CQmCttDb.js",
  "/assets/download-Bg7FJVEc.js",
  "/assets/feedback-BcuJ2ZDZ.js",
  "/assets/filters-DMbkyAtc.js",
  "/assets/graphql-DWhsPNkb.js",
  "/assets/hooks-Bf9ICqxD.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-DuIJKJQ0.js",
  "/assets/importLogic-Bw0v09rW.js",
  "/assets/index-DOuOq7zb.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-DtzguPCG.js",
  "/assets/parts-Hweqlef1.js",
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
