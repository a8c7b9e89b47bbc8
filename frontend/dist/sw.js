// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '90fb5a984504be20';
const FILES = [
  "/assets/Account-C7fzqA5s.js",
  "/assets/AccountTabs-C2guxBCK.js",
  "/assets/Accounts-NzlP2pbA.js",
  "/assets/AdminAudit-D4ArC5Mh.js",
  "/assets/AdminClassification-DIZyLfmG.js",
  "/assets/AdminHome-kO0dG-YO.js",
  "/assets/AdminTeams-D5oqWnXi.js",
  "/assets/AdminTokens-BoFhM6v0.js",
  "/assets/AdminUsers-Byex7yMa.js",
  "/assets/AdminWebhooks-COGlK3i-.js",
  "/assets/ChangePassword-D1wM_HTY.js",
  "/assets/Confirm-DEi7DAiL.js",
  "/assets/ContactDuplicates-CUYSXTZ-.js",
  "/assets/ContactMerge-CKHZzCbR.js",
  "/assets/CustomerPicker-B6HXht1G.js",
  "/assets/FormStatus-B2VtGFOB.js",
  "/assets/ImportJob-Cwu1B8ZW.js",
  "/assets/ImportStart-B3KGM1qO.js",
  "/assets/LoadMore-LZll46mP.js",
  "/assets/Merge-CfDCXm6j.js",
  "/assets/MergeParts-DnF5nevO.js",
  "/assets/More-BsAXDPWz.js",
  "/assets/Orders-UDekxezW.js",
  "/assets/PlanVisit-pWq97Nao.js",
  "/assets/Problems-BFxAFn4M.js",
  "/assets/Report-CdTQox68.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-BdwcPy6T.js",
  "/assets/Settings-BLOjo588.js",
  "/assets/Visit-CveAg9hv.js",
  "/assets/download-C5di9tvS.js",
  "/assets/feedback-bvGx1ysM.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-I_BlnpoM.js",
  "/assets/hooks-CUuGruHj.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-BB7HUA61.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C42lUzKP.js",
  "/assets/index-CCpHNtJA.css",
  "/assets/merge.i18n-DcKSgwnu.js",
  "/assets/parts-DKK06_MK.js",
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
