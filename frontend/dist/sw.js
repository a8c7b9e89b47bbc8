// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '89c2892d80b0af8c';
const FILES = [
  "/assets/Account-CMrhH0Ug.js",
  "/assets/AccountCredit-Du3l9KKu.js",
  "/assets/AccountTabs-CNi4K0ff.js",
  "/assets/Accounts-SbJcjatx.js",
  "/assets/AdminAudit-iJIzmt-D.js",
  "/assets/AdminClassification-B5zkbMnM.js",
  "/assets/AdminHome-CIBQIA6q.js",
  "/assets/AdminTeams-DmkNxJJ-.js",
  "/assets/AdminTokens-CpK5jWhs.js",
  "/assets/AdminUsers-Duk9fByo.js",
  "/assets/AdminWebhooks-WivR0atq.js",
  "/assets/Availability-hZXPkcBc.js",
  "/assets/ChangePassword-RmZNUldl.js",
  "/assets/ChoiceChips-CqMCvHI4.js",
  "/assets/Confirm-DPSHcmFr.js",
  "/assets/ContactDuplicates-BAsGkZa0.js",
  "/assets/ContactMerge-R_DGDUHk.js",
  "/assets/ContactNew-DmHye83P.js",
  "/assets/CreditForm-BaZJdj6B.js",
  "/assets/CustomerPicker-D2fYYBMg.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-DJuFX0ly.js",
  "/assets/FormStatus-CuXu0gZZ.js",
  "/assets/ImportJob-CfHEwLKW.js",
  "/assets/ImportStart-Dk22aro3.js",
  "/assets/KeyPersonForm-XNI6Wf7D.js",
  "/assets/LoadMore-BlGFFVXW.js",
  "/assets/MapLinks-BZUzBT6L.js",
  "/assets/Merge-C8ezX4X_.js",
  "/assets/MergeParts-BjaJ0qXD.js",
  "/assets/More-DOlD_49y.js",
  "/assets/Nearby-BYPHeomn.js",
  "/assets/NeedNew-DPomx4bX.js",
  "/assets/Orders-Zudy_0Z2.js",
  "/assets/PlanVisit-kAXq3hTf.js",
  "/assets/Problems-BzfKOaUP.js",
  "/assets/ProjectDetail-Bn9uKvNi.js",
  "/assets/ProjectForm-BjFzugLL.js",
  "/assets/QuotationDetail-BK56p3a6.js",
  "/assets/QuotationForm-BeCeGb9E.js",
  "/assets/QuotationPrint-COTYAVBt.js",
  "/assets/Report-DTnQ-w6Z.js",
  "/assets/Samples-JFo2VMZ4.js",
  "/assets/Settings-BZ9Mnc68.js",
  "/assets/Stock-Bs4sQ1Rb.js",
  "/assets/Team-DFAdx_sG.js",
  "/assets/TheirToday-k_yaPl69.js",
  "/assets/Visit-DbpVh2JD.js",
  "/assets/commercial-BdgHmfPZ.css",
  "/assets/commercial.i18n-DODrvfTr.js",
  "/assets/commercialLogic-ngkg8e1L.js",
  "/assets/download-DMn91Jsi.js",
  "/assets/feedback-CjlHDemc.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-CBWG6FgZ.js",
  "/assets/hooks-C_P03gFJ.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-B_arshg7.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C5gvMUaV.css",
  "/assets/index-NPAljrtF.js",
  "/assets/merge.i18n-t1MlAcR7.js",
  "/assets/parts-BNLoNMDQ.js",
  "/assets/place-C2KYSIUQ.js",
  "/assets/preload-helper-BGmLuv7s.js",
  "/assets/projects.i18n-COBl0h2R.js",
  "/assets/quotation-BogukF75.css",
  "/assets/quotation-BxxsfTZt.js",
  "/assets/quotationLogic-DtewRqVT.js",
  "/assets/quotationQueries-Djtg4ghm.js",
  "/assets/report-BRUyM5rn.css",
  "/assets/stock.i18n-CSs9Bt6A.js",
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

const passThrough = /^\/(graphql|documents|issue-attachments|project-documents|export\.csv|exports\/|imports\/|healthz|readyz|explorer)/;

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
