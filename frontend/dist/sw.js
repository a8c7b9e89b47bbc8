// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '54f5c1555bf36883';
const FILES = [
  "/assets/Account-AkmLpdUd.js",
  "/assets/AccountTabs-BBFfSSik.js",
  "/assets/Accounts-MrTPaWRn.js",
  "/assets/AdminAudit-Dm-zX7zf.js",
  "/assets/AdminClassification-BTbtQTbn.js",
  "/assets/AdminHome-LNi76Bh1.js",
  "/assets/AdminTeams-BD1q43VD.js",
  "/assets/AdminTokens-CQoz-0lW.js",
  "/assets/AdminUsers-RlP2po9l.js",
  "/assets/AdminWebhooks-DsjKq0aM.js",
  "/assets/ChangePassword-B6FAhas1.js",
  "/assets/Confirm-CBgNE3Ba.js",
  "/assets/ContactDuplicates-DsA8eIoa.js",
  "/assets/ContactMerge-QfI9668r.js",
  "/assets/CustomerPicker-hnnbARH_.js",
  "/assets/FormStatus-OfHXJGmz.js",
  "/assets/ImportJob-VFDSe2KY.js",
  "/assets/ImportStart-jSsETkOL.js",
  "/assets/Merge--dP4qcOI.js",
  "/assets/MergeParts-BQP4yyVE.js",
  "/assets/More-DQA9JHZl.js",
  "/assets/Orders-CI4RrBeU.js",
  "/assets/Problems-zlA1xr94.js",
  "/assets/Report-CPNjDG3u.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-iYGybJf9.js",
  "/assets/Settings-BoS1mcys.js",
  "/assets/Visit-71TpjuGh.js",
  "/assets/download-Drp3zB_n.js",
  "/assets/feedback-WKc-l9RQ.js",
  "/assets/filters-Cn4b0wGF.js",
  "/assets/graphql-C_8JoYSL.js",
  "/assets/hooks-sK1WYYvv.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-BGc7hWqq.js",
  "/assets/importLogic-7lQaR492.js",
  "/assets/index-B5kY1Mk3.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-CMGf1yJU.js",
  "/assets/parts-BugvckNA.js",
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
