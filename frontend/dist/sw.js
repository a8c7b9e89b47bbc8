// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '52ee9dc6628d37a3';
const FILES = [
  "/assets/Account-DY_pVjNa.js",
  "/assets/AccountCredit-C3jJ7CDA.js",
  "/assets/AccountTabs-BOYLUqGv.js",
  "/assets/Accounts-DbMZtJbE.js",
  "/assets/AdminAudit-CUPa0P8f.js",
  "/assets/AdminClassification-Bdjb1egA.js",
  "/assets/AdminHome-C6Cx--lX.js",
  "/assets/AdminTeams-BlqJSLxc.js",
  "/assets/AdminTokens-BAA8TDel.js",
  "/assets/AdminUsers-xuO1l8EP.js",
  "/assets/AdminWebhooks-GXgiN8kN.js",
  "/assets/ChangePassword-7ydqcrGl.js",
  "/assets/ChoiceChips-CaJVF0Eh.js",
  "/assets/Confirm-DoPgemxF.js",
  "/assets/ContactDuplicates-CbxPBPR9.js",
  "/assets/ContactMerge-BGr8n4Dp.js",
  "/assets/ContactNew-CSuPu3Nr.js",
  "/assets/CreditForm-CzKS1jDf.js",
  "/assets/CustomerPicker-CIHHcTuf.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-Bn55kW3o.js",
  "/assets/FormStatus-87OCha_v.js",
  "/assets/ImportJob-Bic_keuO.js",
  "/assets/ImportStart-DlmA8g-e.js",
  "/assets/KeyPersonForm-Cowb9VCA.js",
  "/assets/LoadMore-Ce0NN8WW.js",
  "/assets/MapLinks-k8VDfq74.js",
  "/assets/Merge-Dx32QTJw.js",
  "/assets/MergeParts-BImuUD3e.js",
  "/assets/More-DLbnBwgH.js",
  "/assets/Nearby-B8KC5_bi.js",
  "/assets/NeedNew-CxTy2Ejs.js",
  "/assets/Orders-DaPJxYbO.js",
  "/assets/PlanVisit-CA3B4Qao.js",
  "/assets/Problems-lgY8P5CH.js",
  "/assets/ProjectDetail-BZzZVT2o.js",
  "/assets/ProjectForm-D_FLmEQz.js",
  "/assets/QuotationDetail-CLIG-DMd.js",
  "/assets/QuotationForm-Bo9VKhwM.js",
  "/assets/QuotationPrint-DJLhXh3j.js",
  "/assets/Report-ClWe5j6I.js",
  "/assets/Samples-BuEWpvQL.js",
  "/assets/Settings-BTV6R6Lo.js",
  "/assets/Stock-CBN6yXk9.js",
  "/assets/Team-Bk9r9-eB.js",
  "/assets/TheirToday-60ae_lxn.js",
  "/assets/Visit-CuZLmaVC.js",
  "/assets/commercial-BSoDaNir.css",
  "/assets/commercial.i18n-DxTW0Z7v.js",
  "/assets/commercialLogic-ngkg8e1L.js",
  "/assets/download-HO_Pc7NF.js",
  "/assets/feedback-DpRVO8Q1.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-BeHgbJt0.js",
  "/assets/hooks-5Nr3A7Kw.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-t1IYjU7L.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C5gvMUaV.css",
  "/assets/index-CWDoWgIR.js",
  "/assets/merge.i18n-G5GIqv4S.js",
  "/assets/parts-CRCBGRRP.js",
  "/assets/place-C3Y5rbST.js",
  "/assets/preload-helper-B2wKMZSN.js",
  "/assets/projects.i18n-bfdlbd72.js",
  "/assets/quotation-BogukF75.css",
  "/assets/quotation-iUyqLOeE.js",
  "/assets/quotationLogic-DtewRqVT.js",
  "/assets/quotationQueries-DeeDuKKu.js",
  "/assets/report-BRUyM5rn.css",
  "/assets/stock.i18n-DKkFBLIz.js",
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
