// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'bee0e2221c434407';
const FILES = [
  "/assets/Account-Bzhp8pmU.js",
  "/assets/AccountTabs-DWHY3fjZ.js",
  "/assets/Accounts-BYWXxSIF.js",
  "/assets/AdminAudit-Caoojo0i.js",
  "/assets/AdminClassification-BqZw1QKV.js",
  "/assets/AdminHome-_RI7BcuL.js",
  "/assets/AdminTeams-CxT89FBH.js",
  "/assets/AdminTokens-C0OK4AWz.js",
  "/assets/AdminUsers-C4x-UsI-.js",
  "/assets/AdminWebhooks-BQo1_vzx.js",
  "/assets/ChangePassword-Bh1OwxU_.js",
  "/assets/ChoiceChips-7DRMY4h6.js",
  "/assets/Confirm-BmmuhPqw.js",
  "/assets/ContactDuplicates-DkIuoMgL.js",
  "/assets/ContactMerge-LWdY-MEg.js",
  "/assets/ContactNew-B0qhzrlV.js",
  "/assets/CustomerPicker-HeiHaYIA.js",
  "/assets/Dashboard-9pZpAb1Y.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/FormStatus-Ddxf58l2.js",
  "/assets/ImportJob-ByhvvBCs.js",
  "/assets/ImportStart-CyW1B7Xm.js",
  "/assets/KeyPersonForm-D3CBC6e1.js",
  "/assets/LoadMore-6H9I068o.js",
  "/assets/MapLinks-Dp7vMrx9.js",
  "/assets/Merge-BTE4MmPM.js",
  "/assets/MergeParts-wFdLFXxU.js",
  "/assets/More-C8UullHl.js",
  "/assets/Nearby-DEij7X9c.js",
  "/assets/NeedNew-wZpfzVbD.js",
  "/assets/Orders-DD9Ya9ME.js",
  "/assets/PlanVisit-jz_o3EKc.js",
  "/assets/Problems-D-sUX8s-.js",
  "/assets/QuotationDetail-JABgA2F4.js",
  "/assets/QuotationForm-Ds8fFYEr.js",
  "/assets/QuotationPrint-Czs9X7we.js",
  "/assets/Report-M_MMO4wA.js",
  "/assets/Samples-oyW9WwiV.js",
  "/assets/Settings-DnoXnG9Z.js",
  "/assets/Team-DEovHYHu.js",
  "/assets/TheirToday-BLiofnkW.js",
  "/assets/Visit-Nf8yQnW1.js",
  "/assets/download-KOMIbngO.js",
  "/assets/feedback-CZPKMYrZ.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-CAbZk2pB.js",
  "/assets/hooks-B3e_7YqI.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-DeB1NtVW.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C5gvMUaV.css",
  "/assets/index-CXJIT74H.js",
  "/assets/merge.i18n-llmIWkIk.js",
  "/assets/parts-VtjarSUo.js",
  "/assets/place-BkNCp-Ip.js",
  "/assets/preload-helper-JtgPqpkQ.js",
  "/assets/quotation-BogukF75.css",
  "/assets/quotation-DfUy_cV5.js",
  "/assets/quotationLogic-DtewRqVT.js",
  "/assets/quotationQueries-Dd6RAzse.js",
  "/assets/report-BRUyM5rn.css",
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
