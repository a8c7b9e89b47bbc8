// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '7ae725f3d1bedfcf';
const FILES = [
  "/assets/Account-DAtSvU9A.js",
  "/assets/AccountTabs-RLgoQBzH.js",
  "/assets/Accounts-5nNxuIvr.js",
  "/assets/AdminAudit-DVXuvPj_.js",
  "/assets/AdminClassification-kOu193Gm.js",
  "/assets/AdminHome-DC7pRg4f.js",
  "/assets/AdminTeams-BarL4cr4.js",
  "/assets/AdminTokens-DDhmNqvW.js",
  "/assets/AdminUsers-zPCTflwe.js",
  "/assets/AdminWebhooks-DBZ55ZmV.js",
  "/assets/ChangePassword-DtdSQXwQ.js",
  "/assets/Confirm-B7qGCsft.js",
  "/assets/ContactDuplicates-CwDInl8U.js",
  "/assets/ContactMerge-BfGUqnou.js",
  "/assets/CustomerPicker-CwFAD2cT.js",
  "/assets/FormStatus-DJ7aUEGv.js",
  "/assets/ImportJob-CU2pkeYP.js",
  "/assets/ImportStart-BLZ64ib9.js",
  "/assets/LoadMore-Cq3lc-cu.js",
  "/assets/Merge-DIFgJ7rh.js",
  "/assets/MergeParts-Dd8T6BAd.js",
  "/assets/More-7vrm710_.js",
  "/assets/Orders-DBkixCjJ.js",
  "/assets/Problems-Ch6QCAzd.js",
  "/assets/Report-CYFfxWKL.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-rwy-hENH.js",
  "/assets/Settings-B-U6vjrX.js",
  "/assets/Visit-CM0PEw9o.js",
  "/assets/download-DDsKOIHO.js",
  "/assets/feedback-Cn8AeJb-.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-B8Ji-MTt.js",
  "/assets/hooks-BirivfmQ.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-CR6C7n-o.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-BYQP0-N7.js",
  "/assets/index-C6lm3ng6.css",
  "/assets/merge.i18n-tRhfTixc.js",
  "/assets/parts-C1jyIwVE.js",
  "/assets/preload-helper-D9wXVj_Q.js",
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
