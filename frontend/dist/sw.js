// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '9ef25736d473d3ea';
const FILES = [
  "/assets/Account-BwFiyRrl.js",
  "/assets/AccountTabs-Bz5UCA7a.js",
  "/assets/Accounts-C1fDyinB.js",
  "/assets/AdminAudit-9hOnfxSL.js",
  "/assets/AdminClassification-DcpsI8S9.js",
  "/assets/AdminHome-Df1W2QZR.js",
  "/assets/AdminTeams-C8o67xaE.js",
  "/assets/AdminTokens-bXXqA64V.js",
  "/assets/AdminUsers-CXM2ZBGU.js",
  "/assets/AdminWebhooks-C_hQbL9d.js",
  "/assets/ChangePassword-BpipB-Mt.js",
  "/assets/Confirm-B7qGCsft.js",
  "/assets/ContactDuplicates-GCvIXu9n.js",
  "/assets/ContactMerge-vWEGH7p0.js",
  "/assets/CustomerPicker-DX3ym_q0.js",
  "/assets/FormStatus-DJ7aUEGv.js",
  "/assets/ImportJob-BzrR-bZr.js",
  "/assets/ImportStart-lxCNpj0A.js",
  "/assets/Merge-CW1gNmkd.js",
  "/assets/MergeParts-BR0p_sX6.js",
  "/assets/More-BExpNno1.js",
  "/assets/Orders-CUs0uqN_.js",
  "/assets/Problems-BLLlI_I9.js",
  "/assets/Report-BhdhhoMF.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-CnAOnThP.js",
  "/assets/Settings-B6IWI_LS.js",
  "/assets/Visit-B5xiSTKA.js",
  "/assets/download-DDsKOIHO.js",
  "/assets/feedback-2IZIVec7.js",
  "/assets/filters-Cn4b0wGF.js",
  "/assets/graphql-B8Ji-MTt.js",
  "/assets/hooks-NHxc0XU2.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-BF0fcsyx.js",
  "/assets/importLogic-7lQaR492.js",
  "/assets/index-DcuM7juO.js",
  "/assets/index-tmLeeR8U.css",
  "/assets/merge.i18n-CKMYBv9J.js",
  "/assets/parts-594vmJ9c.js",
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
