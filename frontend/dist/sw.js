// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'f246686df80f0f2e';
const FILES = [
  "/assets/Account-DJPtXqlL.js",
  "/assets/AccountTabs-C4_HKlOq.js",
  "/assets/Accounts-hm03z0f1.js",
  "/assets/AdminAudit-r8u1E1Kc.js",
  "/assets/AdminClassification-BgJ6Nlpf.js",
  "/assets/AdminHome-eY2paIYh.js",
  "/assets/AdminTeams-C2nTUuyF.js",
  "/assets/AdminTokens-SkRnHznp.js",
  "/assets/AdminUsers-R8d3bURM.js",
  "/assets/AdminWebhooks-DPAnIml8.js",
  "/assets/ChangePassword-CEiaHL8j.js",
  "/assets/Confirm-B7qGCsft.js",
  "/assets/ContactDuplicates-Df0k_tHy.js",
  "/assets/ContactMerge-Dg1XF6BS.js",
  "/assets/CustomerPicker-DK1DIw0K.js",
  "/assets/FormStatus-DJ7aUEGv.js",
  "/assets/ImportJob-BetZ1N7t.js",
  "/assets/ImportStart-CQNohhET.js",
  "/assets/Merge-Ccr2SaAo.js",
  "/assets/MergeParts-B0YaQYoU.js",
  "/assets/More-rsq_q5ze.js",
  "/assets/Orders-CFC3mzAL.js",
  "/assets/Problems-1VQJ9Pve.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-SzMzXbqw.js",
  "/assets/Samples-Co5N1jBN.js",
  "/assets/Settings-Ylg4w-MS.js",
  "/assets/Visit-CCwNvKoU.js",
  "/assets/download-DDsKOIHO.js",
  "/assets/feedback-DHR5Cp6h.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-B8Ji-MTt.js",
  "/assets/hooks-DGQb-HDo.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-BdMwT1a_.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C6lm3ng6.css",
  "/assets/index-C8g4h9GH.js",
  "/assets/merge.i18n-tRhfTixc.js",
  "/assets/parts-Cb8uER6c.js",
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
