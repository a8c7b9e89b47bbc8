// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'ba2be5c75791047f';
const FILES = [
  "/assets/Account-L2Ya8SK2.js",
  "/assets/AccountTabs-DZZ6pvYC.js",
  "/assets/Accounts-BtLeghBX.js",
  "/assets/AdminAudit-DmHmrGpB.js",
  "/assets/AdminClassification-D7WQ4lJw.js",
  "/assets/AdminHome-DTkLjdEK.js",
  "/assets/AdminTeams-di4FJVhI.js",
  "/assets/AdminTokens-B3i9eu16.js",
  "/assets/AdminUsers-BsygYl-m.js",
  "/assets/AdminWebhooks-MelwOk9M.js",
  "/assets/ChangePassword-CKmD0kO5.js",
  "/assets/Confirm-CsH0g0h9.js",
  "/assets/CustomerPicker-D4_3ql1L.js",
  "/assets/FormStatus-CyAsiUp-.js",
  "/assets/ImportJob-Dwmi620A.js",
  "/assets/ImportStart-DC9fRT65.js",
  "/assets/Merge-AwBpsG2m.js",
  "/assets/More-VCJp9EEG.js",
  "/assets/Orders-CLGVZfqu.js",
  "/assets/Problems-D2ajb0YM.js",
  "/assets/Report-BSAyQmJJ.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-DE3yDAvx.js",
  "/assets/Settings-__NmevL7.js",
  "/assets/Visit-Dvxe_iuV.js",
  "/assets/download-Bg7FJVEc.js",
  "/assets/feedback-DU-8zHzQ.js",
  "/assets/filters-D9NIEiAm.js",
  "/assets/graphql-DWhsPNkb.js",
  "/assets/hooks-DvVxFb1S.js",
  "/assets/import-2f04XgKs.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/importLogic-DZYkX3eA.js",
  "/assets/index-DRbJ46c3.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-DtzguPCG.js",
  "/assets/parts-DzgvHu-c.js",
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
