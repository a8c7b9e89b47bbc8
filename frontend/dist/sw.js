// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'd28870f5b8f46713';
const FILES = [
  "/assets/Account-Bw52YcMj.js",
  "/assets/AccountTabs-KiGkUIki.js",
  "/assets/Accounts-A1vHfREp.js",
  "/assets/AdminAudit-o4uqT9Fy.js",
  "/assets/AdminClassification-v4MJdoku.js",
  "/assets/AdminHome-CxhO2cZ1.js",
  "/assets/AdminTeams-CuNHUq74.js",
  "/assets/AdminTokens-FQkw9zr-.js",
  "/assets/AdminUsers-C-btAAhu.js",
  "/assets/AdminWebhooks-CaeEmd-s.js",
  "/assets/ChangePassword-D_wOvLC0.js",
  "/assets/Confirm-CBgNE3Ba.js",
  "/assets/ContactDuplicates-zRcUfZSJ.js",
  "/assets/ContactMerge-CJc-x5hh.js",
  "/assets/CustomerPicker-BQIH0rtJ.js",
  "/assets/FormStatus-OfHXJGmz.js",
  "/assets/ImportJob-B8TwHVmI.js",
  "/assets/ImportStart-BE69Bmlb.js",
  "/assets/Merge-TYOGea-7.js",
  "/assets/MergeParts-CEDkAUJe.js",
  "/assets/More-BpL3NvWw.js",
  "/assets/Orders-CHKClW5x.js",
  "/assets/Problems-BwVFTDIC.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-dh6p2Ocg.js",
  "/assets/Samples-YaTyanWE.js",
  "/assets/Settings-CLMzCW37.js",
  "/assets/Visit-BXnP8AbE.js",
  "/assets/download-Drp3zB_n.js",
  "/assets/feedback-B6j1UFIK.js",
  "/assets/filters-nZy2PAzQ.js",
  "/assets/graphql-C_8JoYSL.js",
  "/assets/hooks-91uy5ZWZ.js",
  "/assets/import-B0XhUCTz.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/importLogic-7lQaR492.js",
  "/assets/index-BLitqQT3.js",
  "/assets/index-GNhVCaf6.css",
  "/assets/merge.i18n-CMGf1yJU.js",
  "/assets/parts-DqkXw7Pf.js",
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
