// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '644ee29b5c19ec61';
const FILES = [
  "/assets/Account-KXRl_7Ld.js",
  "/assets/AccountTabs-BzK6QBTq.js",
  "/assets/Accounts-CukI-1uw.js",
  "/assets/AdminAudit-WTYmSJ0H.js",
  "/assets/AdminHome-BZzOaRh3.js",
  "/assets/AdminTeams-D7V-21EE.js",
  "/assets/AdminTokens-BOu8rMlj.js",
  "/assets/AdminUsers-LkY1s2PJ.js",
  "/assets/AdminWebhooks-D_MtfI2H.js",
  "/assets/ChangePassword-j6ovTCLp.js",
  "/assets/Confirm-CBgNE3Ba.js",
  "/assets/ContactDuplicates-Csf--eUJ.js",
  "/assets/ContactMerge-3HUptFMH.js",
  "/assets/CustomerPicker-bVa4bJwG.js",
  "/assets/FormStatus-OfHXJGmz.js",
  "/assets/ImportJob-DGBGNKqf.js",
  "/assets/ImportStart-BLi6wEBn.js",
  "/assets/Merge-kPSUYFSt.js",
  "/assets/MergeParts-hp2GynN0.js",
  "/assets/More-DBDXn32E.js",
  "/assets/Orders-BR2eUK5M.js",
  "/assets/Problems-DH1jCKGB.js",
  "/assets/Report-Bm6g9sV2.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-CeVnyQSq.js",
  "/assets/Settings-BU4SDDlO.js",
  "/assets/Visit-Djo8w9WC.js",
  "/assets/download-Drp3zB_n.js",
  "/assets/feedback-rYWcuoUV.js",
  "/assets/filters-D9NIEiAm.js",
  "/assets/graphql-C_8JoYSL.js",
  "/assets/hooks-YFdC91MW.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-DY-6T_h_.js",
  "/assets/importLogic-DZYkX3eA.js",
  "/assets/index-DYkB6n8D.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-p-roYJny.js",
  "/assets/parts-C5PO4EE7.js",
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
