// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '479228d4c0471b74';
const FILES = [
  "/assets/Account-DbnHBRly.js",
  "/assets/AccountTabs-Bi-66wog.js",
  "/assets/Accounts-2erPeCyc.js",
  "/assets/AdminAudit-DSifyAtC.js",
  "/assets/AdminClassification-BraqTX4z.js",
  "/assets/AdminHome-BvI13Gmo.js",
  "/assets/AdminTeams-AB8JK7kX.js",
  "/assets/AdminTokens-CLtynSOW.js",
  "/assets/AdminUsers-CTOXis8u.js",
  "/assets/AdminWebhooks-DpKTvvVr.js",
  "/assets/ChangePassword-D-hZp4lP.js",
  "/assets/Confirm-B7qGCsft.js",
  "/assets/ContactDuplicates-Cobqb-kM.js",
  "/assets/ContactMerge-CD4WdkQj.js",
  "/assets/CustomerPicker-BG4YDh4d.js",
  "/assets/FormStatus-DJ7aUEGv.js",
  "/assets/ImportJob-wTwJsNkA.js",
  "/assets/ImportStart-_LS_B9MN.js",
  "/assets/Merge-3LZuteaC.js",
  "/assets/MergeParts-Bh-9b5Xy.js",
  "/assets/More-dLwZ6ZhX.js",
  "/assets/Orders-_-1kdnRh.js",
  "/assets/Problems-DF7yFO-c.js",
  "/assets/Report-CDVF5xYC.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-BPAehIt2.js",
  "/assets/Settings-C_c1ISOM.js",
  "/assets/Visit-Dq1N2K3Z.js",
  "/assets/download-DDsKOIHO.js",
  "/assets/feedback-Cv2XQBdf.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-B8Ji-MTt.js",
  "/assets/hooks-BGo1R-R4.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-BlVo-J_Y.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C6lm3ng6.css",
  "/assets/index-DsLgVzMg.js",
  "/assets/merge.i18n-CKMYBv9J.js",
  "/assets/parts-BYOeZ_I9.js",
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
