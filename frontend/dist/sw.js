// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'c3095aeb1b4d85bf';
const FILES = [
  "/assets/Account-o1zaj4cx.js",
  "/assets/AccountCredit-B0jqB40n.js",
  "/assets/AccountTabs-BAIxvE7r.js",
  "/assets/Accounts-DwwK387K.js",
  "/assets/AdminAudit-L9lBLWNj.js",
  "/assets/AdminClassification-CDHiK6-t.js",
  "/assets/AdminHome-B51DuzU9.js",
  "/assets/AdminTeams-BxyT1zuj.js",
  "/assets/AdminTokens-Aq01seMm.js",
  "/assets/AdminUsers-Dqs4BFrG.js",
  "/assets/AdminWebhooks-cLyPv-gb.js",
  "/assets/ChangePassword-cp4OQ6Du.js",
  "/assets/ChoiceChips-CaJVF0Eh.js",
  "/assets/Confirm-DoPgemxF.js",
  "/assets/ContactDuplicates-CbxPBPR9.js",
  "/assets/ContactMerge-CyQef4sL.js",
  "/assets/ContactNew-BxVEg79Z.js",
  "/assets/CreditForm-CrpmP7oY.js",
  "/assets/CustomerPicker-aCsmmnUR.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-B7vxpA-v.js",
  "/assets/FormStatus-87OCha_v.js",
  "/assets/ImportJob-D_8SPWof.js",
  "/assets/ImportStart-BCR4P3AL.js",
  "/assets/KeyPersonForm-t8-czcMM.js",
  "/assets/LoadMore-s4GTSTcg.js",
  "/assets/MapLinks-k8VDfq74.js",
  "/assets/Merge-DSGmwg-G.js",
  "/assets/MergeParts-CFiM5JcG.js",
  "/assets/More-wpRdkcJS.js",
  "/assets/Nearby-CtmM5nP0.js",
  "/assets/NeedNew-JGeRkjkA.js",
  "/assets/Orders-4l15Cw0r.js",
  "/assets/PlanVisit-DCCM5XIq.js",
  "/assets/Problems-6x57B3kx.js",
  "/assets/ProjectDetail-DF8IbTcF.js",
  "/assets/ProjectForm-UDYsc1il.js",
  "/assets/QuotationDetail-CbL3SWjE.js",
  "/assets/QuotationForm-BlkktSSR.js",
  "/assets/QuotationPrint-BouLwcj2.js",
  "/assets/Report-DTfYKeFc.js",
  "/assets/Samples-BvotlFM9.js",
  "/assets/Settings-CtFSjOHw.js",
  "/assets/Team-chy_M4GE.js",
  "/assets/TheirToday-KLIPmWOm.js",
  "/assets/Visit-C9kZS5jW.js",
  "/assets/commercial-BSoDaNir.css",
  "/assets/commercial.i18n-tDpRmcqe.js",
  "/assets/commercialLogic-CiNV8j7X.js",
  "/assets/download-HO_Pc7NF.js",
  "/assets/feedback-U_OCv1mT.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-BeHgbJt0.js",
  "/assets/hooks-BlYSL0Dt.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-mkPkhcNe.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C5gvMUaV.css",
  "/assets/index-CITQbwm-.js",
  "/assets/merge.i18n-G5GIqv4S.js",
  "/assets/parts-DsbPDlht.js",
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
