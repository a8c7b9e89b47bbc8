// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'aba60bc5baddcd48';
const FILES = [
  "/assets/Account-Di8GEH7E.js",
  "/assets/AccountCredit-CGJ4OP8U.js",
  "/assets/AccountTabs-DPIHK6yV.js",
  "/assets/Accounts-IMNM0aTV.js",
  "/assets/AdminAudit-CaWPbVz-.js",
  "/assets/AdminClassification-DMIoXV8k.js",
  "/assets/AdminHome-BPN0S2HJ.js",
  "/assets/AdminTeams-V6gyXYis.js",
  "/assets/AdminTokens-02I7h3OQ.js",
  "/assets/AdminUsers-DfSbb_eg.js",
  "/assets/AdminWebhooks-OlwQpVZX.js",
  "/assets/Availability-C-E4Vhut.js",
  "/assets/ChangePassword-CTSes1be.js",
  "/assets/ChoiceChips-CqMCvHI4.js",
  "/assets/Confirm-DPSHcmFr.js",
  "/assets/ContactDuplicates-BAsGkZa0.js",
  "/assets/ContactMerge-B4WVKieW.js",
  "/assets/ContactNew-B-2nWeVR.js",
  "/assets/CreditForm-Cp1ZfQaE.js",
  "/assets/CustomerPicker-DRI6Y4oU.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-DvMXkeKl.js",
  "/assets/FormStatus-CuXu0gZZ.js",
  "/assets/ImportJob-Bttd52wi.js",
  "/assets/ImportStart-6h9X9Z4C.js",
  "/assets/KeyPersonForm-L04gJiHT.js",
  "/assets/LoadMore-CIaZc-CZ.js",
  "/assets/MapLinks-BZUzBT6L.js",
  "/assets/Merge-BtQ2AWpY.js",
  "/assets/MergeParts-DAUlDL_z.js",
  "/assets/More-CurzxiaC.js",
  "/assets/Nearby-N6mlQuVo.js",
  "/assets/NeedNew-DvzMLdAe.js",
  "/assets/Orders-Bh7mvqHQ.js",
  "/assets/PlanVisit-DzoViFze.js",
  "/assets/Problems-Bu45W48L.js",
  "/assets/ProjectDetail-CdgGEgYL.js",
  "/assets/ProjectForm-lX1X9C1g.js",
  "/assets/QuotationDetail-D1pmYTWQ.js",
  "/assets/QuotationForm-CAXX2WO_.js",
  "/assets/QuotationPrint-BMeQWxw3.js",
  "/assets/Report-BMi5syJg.js",
  "/assets/Samples-CyD7efRo.js",
  "/assets/Settings-B_PWFe63.js",
  "/assets/Stock-t891mhCg.js",
  "/assets/Team-By7mANdJ.js",
  "/assets/TheirToday-znG9DUcN.js",
  "/assets/Visit-DwxG1dnS.js",
  "/assets/commercial-BdgHmfPZ.css",
  "/assets/commercial.i18n-DODrvfTr.js",
  "/assets/commercialLogic-ngkg8e1L.js",
  "/assets/download-DMn91Jsi.js",
  "/assets/feedback-l_BbLbK5.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-CBWG6FgZ.js",
  "/assets/hooks-CCFLWADD.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-CGqHck1W.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C5gvMUaV.css",
  "/assets/index-DxAZzTsi.js",
  "/assets/merge.i18n-t1MlAcR7.js",
  "/assets/parts-Be-WfWZI.js",
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
