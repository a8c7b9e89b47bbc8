// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '8a15945439d4f4c5';
const FILES = [
  "/assets/Account-CoAq5m-o.js",
  "/assets/AccountCredit-Db-3fSTi.js",
  "/assets/AccountTabs-o830aYRA.js",
  "/assets/Accounts-HioJYRB7.js",
  "/assets/AdminAudit-BowXQyuH.js",
  "/assets/AdminClassification-DAo567KK.js",
  "/assets/AdminHome-DC8VXkGh.js",
  "/assets/AdminTeams-BhMLxefy.js",
  "/assets/AdminTokens-Crga8VxE.js",
  "/assets/AdminUsers-CklN99r1.js",
  "/assets/AdminWebhooks-D1o-vFYN.js",
  "/assets/ChangePassword-CpzVgkPc.js",
  "/assets/ChoiceChips-CaJVF0Eh.js",
  "/assets/Confirm-DoPgemxF.js",
  "/assets/ContactDuplicates-CbxPBPR9.js",
  "/assets/ContactMerge-Dz1Qg_XU.js",
  "/assets/ContactNew-B4x1_aqJ.js",
  "/assets/CreditForm-DRRm8I8s.js",
  "/assets/CustomerPicker-CnoYP1UV.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-BX2ZXKqr.js",
  "/assets/FormStatus-87OCha_v.js",
  "/assets/ImportJob-DQZ8Mih_.js",
  "/assets/ImportStart-r4Rojjbp.js",
  "/assets/KeyPersonForm-Cy-DEBSj.js",
  "/assets/LoadMore-DGJynWYM.js",
  "/assets/MapLinks-k8VDfq74.js",
  "/assets/Merge-BwjJtiSU.js",
  "/assets/MergeParts-Ldp333Rd.js",
  "/assets/More-BOH-__CG.js",
  "/assets/Nearby-DvcMSAaX.js",
  "/assets/NeedNew-DIbrGs9_.js",
  "/assets/Orders-B3Vw0cpQ.js",
  "/assets/PlanVisit-DAHDuzv0.js",
  "/assets/Problems-DiDflpoz.js",
  "/assets/ProjectDetail-Bn37eul5.js",
  "/assets/ProjectForm-CkA9QuDW.js",
  "/assets/QuotationDetail-C5xN6cKV.js",
  "/assets/QuotationForm-BqQq5b0z.js",
  "/assets/QuotationPrint-D0r0Sg2O.js",
  "/assets/Report-DxiU-n4X.js",
  "/assets/Samples-B5ZsEe3n.js",
  "/assets/Settings-CkKCWXOI.js",
  "/assets/Stock-DLYFCYWt.js",
  "/assets/Team-DMOS5Ceu.js",
  "/assets/TheirToday-rydCuQRh.js",
  "/assets/Visit-urXT2x9h.js",
  "/assets/commercial-BSoDaNir.css",
  "/assets/commercial.i18n-tDpRmcqe.js",
  "/assets/commercialLogic-ngkg8e1L.js",
  "/assets/download-HO_Pc7NF.js",
  "/assets/feedback-B1QT1QXW.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-BeHgbJt0.js",
  "/assets/hooks-BYVuwl1Y.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-DGIRVRYi.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-Bsv3f8e6.js",
  "/assets/index-C5gvMUaV.css",
  "/assets/merge.i18n-G5GIqv4S.js",
  "/assets/parts-DLcdcALB.js",
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
