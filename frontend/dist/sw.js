// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '1b93c6535bcb95f2';
const FILES = [
  "/assets/Account-bNjJVsRg.js",
  "/assets/AccountCredit-B9az8OQk.js",
  "/assets/AccountField-CrA0SPm9.js",
  "/assets/AccountTabs-CM6zFQsu.js",
  "/assets/Accounts-DTs_FId_.js",
  "/assets/AdminAudit-WjgTExEE.js",
  "/assets/AdminClassification-fTsAoXNK.js",
  "/assets/AdminHome-Bik8bDTM.js",
  "/assets/AdminTeams-CKCipmC4.js",
  "/assets/AdminTokens-D1tsWXn0.js",
  "/assets/AdminUsers-CSvRRv93.js",
  "/assets/AdminWebhooks-DguVuhxp.js",
  "/assets/Availability-DoKoP1zR.js",
  "/assets/ChangePassword-B3uXXoL0.js",
  "/assets/ChoiceChips-CVnP18Yd.js",
  "/assets/CompetitorForm-DI1iV704.js",
  "/assets/Confirm-DPSHcmFr.js",
  "/assets/ContactDuplicates-BAsGkZa0.js",
  "/assets/ContactMerge-CGjilykI.js",
  "/assets/ContactNew-BRmMu7Km.js",
  "/assets/CreditForm-C8FiEpxL.js",
  "/assets/CustomerPicker-CvdIXHYw.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-CJArFqoW.js",
  "/assets/FormStatus-CuXu0gZZ.js",
  "/assets/ImportJob-DnXK51qX.js",
  "/assets/ImportStart-BsqtwCir.js",
  "/assets/KeyPersonForm-CZFULmzK.js",
  "/assets/LoadMore-CVy7JQJG.js",
  "/assets/MapLinks-BZUzBT6L.js",
  "/assets/Merge-mPBNVE2J.js",
  "/assets/MergeParts-BmN68heg.js",
  "/assets/More-BBa4bCX6.js",
  "/assets/Nearby-CrNK-JZ3.js",
  "/assets/NeedNew-DB03zFfI.js",
  "/assets/OrderNew-CJNe80zi.js",
  "/assets/Orders-CFdOxKLX.js",
  "/assets/PitchForm-01M5Nh5d.js",
  "/assets/PlanVisit-Q8jFq25Q.js",
  "/assets/Problems-BMvQvRhF.js",
  "/assets/ProjectDetail-B7Y0tv1Y.js",
  "/assets/ProjectForm-D9ReQMj0.js",
  "/assets/QuotationDetail-BAnCG0l_.js",
  "/assets/QuotationForm-BGZ_Ndyd.js",
  "/assets/QuotationPrint-CVNzslJO.js",
  "/assets/Report-AW65MdaR.js",
  "/assets/Samples-C981wigQ.js",
  "/assets/Settings-ClFsK6p6.js",
  "/assets/Stock-CPCiSIhk.js",
  "/assets/Team-DcOTvyss.js",
  "/assets/TheirToday-BVOq0IEW.js",
  "/assets/Visit-CQ5qgrvC.js",
  "/assets/commercial-BdgHmfPZ.css",
  "/assets/commercial.i18n-DODrvfTr.js",
  "/assets/commercialLogic-ngkg8e1L.js",
  "/assets/download-DMn91Jsi.js",
  "/assets/feedback-CuC6udR9.js",
  "/assets/field.i18n-Bfbskc8g.js",
  "/assets/fieldForm-JJKAuSey.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-CBWG6FgZ.js",
  "/assets/hooks-jEcvtbfr.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-B95aKEv_.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C5gvMUaV.css",
  "/assets/index-Dl60gicL.js",
  "/assets/merge.i18n-t1MlAcR7.js",
  "/assets/orderNew.i18n-BReQ_xQe.js",
  "/assets/parts-DUcQwgmc.js",
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
