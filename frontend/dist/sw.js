// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'ddd67ba1926b616e';
const FILES = [
  "/assets/Account-DsFmPsnY.js",
  "/assets/AccountTabs-DVo0UbRO.js",
  "/assets/Accounts-BbbcceGg.js",
  "/assets/AdminAudit-slKpqz1X.js",
  "/assets/AdminClassification-BxML-QUT.js",
  "/assets/AdminHome-qJRt4OHL.js",
  "/assets/AdminTeams-CKDIZ8yv.js",
  "/assets/AdminTokens-BQZ9C4jp.js",
  "/assets/AdminUsers-DnzgKg48.js",
  "/assets/AdminWebhooks-CdaKpr5g.js",
  "/assets/ChangePassword-CqYskQzR.js",
  "/assets/Confirm-CsH0g0h9.js",
  "/assets/CustomerPicker-k5TLtWhl.js",
  "/assets/FormStatus-CyAsiUp-.js",
  "/assets/ImportJob-Bw9WUNQc.js",
  "/assets/ImportStart-DYdEUE6q.js",
  "/assets/Merge-BmoqRja_.js",
  "/assets/More-WjH7rNCE.js",
  "/assets/Orders-DB9OO8Vt.js",
  "/assets/Problems-D0OBTEOW.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-D6SuZpgI.js",
  "/assets/Samples-ByijjRqi.js",
  "/assets/Settings-DgOnVDvw.js",
  "/assets/Visit-D2UopgU8.js",
  "/assets/download-Bg7FJVEc.js",
  "/assets/feedback-CLP2QsOI.js",
  "/assets/filters-D9NIEiAm.js",
  "/assets/graphql-DWhsPNkb.js",
  "/assets/hooks-BLPbmkKT.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-DXN4XRBb.js",
  "/assets/importLogic-DZYkX3eA.js",
  "/assets/index-BsWHWAKa.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-DtzguPCG.js",
  "/assets/parts-DzfJPHtg.js",
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
