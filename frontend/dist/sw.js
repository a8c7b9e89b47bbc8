// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '284ceb9f0209646b';
const FILES = [
  "/assets/Account-BYPjWapn.js",
  "/assets/AccountTabs-LX0HpdrZ.js",
  "/assets/Accounts-C8ifEtXq.js",
  "/assets/AdminAudit-Ct286xVb.js",
  "/assets/AdminClassification-ZAvL44RJ.js",
  "/assets/AdminHome-DBvuiN4B.js",
  "/assets/AdminTeams-qxz5S8SI.js",
  "/assets/AdminTokens-y-TtLJOe.js",
  "/assets/AdminUsers-Dyn1Q3xh.js",
  "/assets/AdminWebhooks-F-OOwKmM.js",
  "/assets/ChangePassword-DLqDdvxY.js",
  "/assets/Confirm-CBgNE3Ba.js",
  "/assets/ContactDuplicates-CQR-X8Kd.js",
  "/assets/ContactMerge-DzC67lIF.js",
  "/assets/CustomerPicker-Blo_RMpJ.js",
  "/assets/FormStatus-OfHXJGmz.js",
  "/assets/ImportJob-D3LZ8xFs.js",
  "/assets/ImportStart-TBlS-JU_.js",
  "/assets/Merge-BnUDUcdr.js",
  "/assets/MergeParts-C77iacxr.js",
  "/assets/More-BHb9AifK.js",
  "/assets/Orders-BqIKABWo.js",
  "/assets/Problems-_w3wfB6J.js",
  "/assets/Report-CH2xkNE_.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-BFfxf56T.js",
  "/assets/Settings-D9mT2lrE.js",
  "/assets/Visit-Ds6VyMN9.js",
  "/assets/download-Drp3zB_n.js",
  "/assets/feedback-C15xaMYX.js",
  "/assets/filters-Cn4b0wGF.js",
  "/assets/graphql-C_8JoYSL.js",
  "/assets/hooks-DiW9Z5ql.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-Ct2fJoa6.js",
  "/assets/importLogic-7lQaR492.js",
  "/assets/index-78ztTL4i.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-CMGf1yJU.js",
  "/assets/parts-xdvnq5yd.js",
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
