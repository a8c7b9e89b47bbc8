// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'fb42bab232a61a98';
const FILES = [
  "/assets/Account-bgq2Ggjp.js",
  "/assets/AccountTabs-C_GvRw2L.js",
  "/assets/Accounts-sWIYC5Hn.js",
  "/assets/AdminAudit-lanLaNzf.js",
  "/assets/AdminClassification-i_uUf42Q.js",
  "/assets/AdminHome-Cir0CyfV.js",
  "/assets/AdminTeams-nlMD4kVw.js",
  "/assets/AdminTokens-DNcci9WF.js",
  "/assets/AdminUsers-B3b-nhOM.js",
  "/assets/AdminWebhooks-Do-p82cs.js",
  "/assets/ChangePassword-D0rZbNUV.js",
  "/assets/Confirm-DEi7DAiL.js",
  "/assets/ContactDuplicates-CUYSXTZ-.js",
  "/assets/ContactMerge-B_PlU3wY.js",
  "/assets/CustomerPicker-CZDBOJvF.js",
  "/assets/FormStatus-B2VtGFOB.js",
  "/assets/ImportJob-j0O85ofU.js",
  "/assets/ImportStart-CF2fz1co.js",
  "/assets/LoadMore-B82bCxA3.js",
  "/assets/Merge-BziHukKR.js",
  "/assets/MergeParts-DH-Wdo4a.js",
  "/assets/More-Dir94M13.js",
  "/assets/Orders-bB5CDWsX.js",
  "/assets/PlanVisit-CQs-AI5A.js",
  "/assets/Problems-CxuuJFnD.js",
  "/assets/Report-Cg7DaFDF.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-pCOzBYa8.js",
  "/assets/Settings-C6es_Vev.js",
  "/assets/Visit-BJoa8Jmn.js",
  "/assets/download-C5di9tvS.js",
  "/assets/feedback-Cn2l5U2K.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-I_BlnpoM.js",
  "/assets/hooks-BfMMHT6X.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-BabL9BK1.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-CCpHNtJA.css",
  "/assets/index-i2XjkQoM.js",
  "/assets/merge.i18n-DcKSgwnu.js",
  "/assets/parts-DN27oRBl.js",
  "/assets/preload-helper-7ZZGiu-D.js",
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
