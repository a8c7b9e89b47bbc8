// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '07fd32f9dbc8c43a';
const FILES = [
  "/assets/Account-V2ZFKcWz.js",
  "/assets/AccountCredit-DAvpM-KO.js",
  "/assets/AccountTabs-C2vsZOcD.js",
  "/assets/Accounts-ifEGYXSx.js",
  "/assets/AdminAudit-D36Wj1rQ.js",
  "/assets/AdminClassification-BGB3PcET.js",
  "/assets/AdminHome-DQZofcDl.js",
  "/assets/AdminTeams-CTBXRBJv.js",
  "/assets/AdminTokens-CxV3Y9m7.js",
  "/assets/AdminUsers-D7m-TSDN.js",
  "/assets/AdminWebhooks-D2ETQKCi.js",
  "/assets/ChangePassword-BUwhA-WE.js",
  "/assets/ChoiceChips-CaJVF0Eh.js",
  "/assets/Confirm-DoPgemxF.js",
  "/assets/ContactDuplicates-CbxPBPR9.js",
  "/assets/ContactMerge-DvHGdPU2.js",
  "/assets/ContactNew-HR2vVoWN.js",
  "/assets/CreditForm-Dq84GFXm.js",
  "/assets/CustomerPicker-BtUwCAV6.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-C6V0A2hu.js",
  "/assets/FormStatus-87OCha_v.js",
  "/assets/ImportJob-0r_CIJMm.js",
  "/assets/ImportStart-BZX1Mwcr.js",
  "/assets/KeyPersonForm-12Gxe2sk.js",
  "/assets/LoadMore-DHd39sZs.js",
  "/assets/MapLinks-k8VDfq74.js",
  "/assets/Merge-KyMcyuTG.js",
  "/assets/MergeParts-CUxepekq.js",
  "/assets/More-CuyuqB5i.js",
  "/assets/Nearby-DMfTztay.js",
  "/assets/NeedNew-G_CzZfDh.js",
  "/assets/Orders-a2gYQFUf.js",
  "/assets/PlanVisit-CgURs1Wa.js",
  "/assets/Problems-Cn5M98pR.js",
  "/assets/ProjectDetail-BJAJralJ.js",
  "/assets/ProjectForm-DyzuFozt.js",
  "/assets/QuotationDetail-DAKZ7UVC.js",
  "/assets/QuotationForm-LPk4fBGe.js",
  "/assets/QuotationPrint-DHNvf2C2.js",
  "/assets/Report-K5NFZTPa.js",
  "/assets/Samples-Ds3Bsjzw.js",
  "/assets/Settings-ChMYem1J.js",
  "/assets/Team--SaZnAdc.js",
  "/assets/TheirToday-CsjGPEQ_.js",
  "/assets/Visit-B-O5-yWD.js",
  "/assets/commercial-BSoDaNir.css",
  "/assets/commercial.i18n-tDpRmcqe.js",
  "/assets/commercialLogic-rCg4xOlq.js",
  "/assets/download-HO_Pc7NF.js",
  "/assets/feedback-D1GKAtsN.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-BeHgbJt0.js",
  "/assets/hooks-Cc65jMOk.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-nCiduuUA.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C5gvMUaV.css",
  "/assets/index-DGRO2obd.js",
  "/assets/merge.i18n-G5GIqv4S.js",
  "/assets/parts-B4Veaha_.js",
  "/assets/place-C3Y5rbST.js",
  "/assets/preload-helper-B2wKMZSN.js",
  "/assets/projects.i18n-bfdlbd72.js",
  "/assets/quotation-BogukF75.css",
  "/assets/quotation-iUyqLOeE.js",
  "/assets/quotationLogic-DtewRqVT.js",
  "/assets/quotationQueries-DeeDuKKu.js",
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
