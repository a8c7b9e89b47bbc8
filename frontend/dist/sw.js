// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'e188bc40d14f908a';
const FILES = [
  "/assets/Account-CJqTMT9M.js",
  "/assets/AccountTabs-DDWekylt.js",
  "/assets/Accounts-B_dLU_WC.js",
  "/assets/AdminAudit-DAO8wj_A.js",
  "/assets/AdminClassification-D_66k2Iv.js",
  "/assets/AdminHome-CaN0XlXZ.js",
  "/assets/AdminTeams-CsGfksU8.js",
  "/assets/AdminTokens-rbEvUQLr.js",
  "/assets/AdminUsers-DUuDrQrC.js",
  "/assets/AdminWebhooks-DoPird4b.js",
  "/assets/ChangePassword-BlpSVzRD.js",
  "/assets/Confirm-B7qGCsft.js",
  "/assets/ContactDuplicates-BPgt60sj.js",
  "/assets/ContactMerge-B8muMg_r.js",
  "/assets/CustomerPicker-DP9Sc79c.js",
  "/assets/FormStatus-DJ7aUEGv.js",
  "/assets/ImportJob-BO1icq_4.js",
  "/assets/ImportStart-CaaIHfju.js",
  "/assets/Merge-BCyD9Njo.js",
  "/assets/MergeParts-BSGNaD9v.js",
  "/assets/More-B7oKMi4i.js",
  "/assets/Orders-7oQXl7hr.js",
  "/assets/Problems-BD8mit60.js",
  "/assets/Report-BBW7WukO.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-BLCeUJMb.js",
  "/assets/Settings-DVBPGSP9.js",
  "/assets/Visit-BxLPZf1B.js",
  "/assets/download-DDsKOIHO.js",
  "/assets/feedback-BzUATlnM.js",
  "/assets/filters-Cn4b0wGF.js",
  "/assets/graphql-B8Ji-MTt.js",
  "/assets/hooks-D-ogax_G.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-o-tULZx2.js",
  "/assets/importLogic-7lQaR492.js",
  "/assets/index-CJkJfPDj.js",
  "/assets/index-tmLeeR8U.css",
  "/assets/merge.i18n-CKMYBv9J.js",
  "/assets/parts-vW7E3fYq.js",
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
