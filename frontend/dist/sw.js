// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '8865e270e38d5602';
const FILES = [
  "/assets/Account-Dh_fQHjC.js",
  "/assets/AccountTabs-DDqms_Qt.js",
  "/assets/Accounts-Co-l1Y2Y.js",
  "/assets/AdminAudit-trq6pC9J.js",
  "/assets/AdminClassification-CjKucJGu.js",
  "/assets/AdminHome-N4Go9pVx.js",
  "/assets/AdminTeams-C4bc_mml.js",
  "/assets/AdminTokens-Jl1jDLIM.js",
  "/assets/AdminUsers-D746gBD7.js",
  "/assets/AdminWebhooks-CfIaAgcl.js",
  "/assets/ChangePassword-BWIVm4xE.js",
  "/assets/Confirm-HABQOZzo.js",
  "/assets/ContactDuplicates-DL8X3ZwJ.js",
  "/assets/ContactMerge-BGG_TXyQ.js",
  "/assets/ContactNew-BH5SES4s.js",
  "/assets/CustomerPicker-CEJM5ZNi.js",
  "/assets/FormStatus-DF5lwTeS.js",
  "/assets/ImportJob-BEZw0zSG.js",
  "/assets/ImportStart-Cz29DilK.js",
  "/assets/LoadMore-Et2a4xW9.js",
  "/assets/Merge-Dll0hdg8.js",
  "/assets/MergeParts-DvkZxXgk.js",
  "/assets/More-Cq6uGW0c.js",
  "/assets/Orders-BMwoBVDO.js",
  "/assets/PlanVisit-7P0KGVJq.js",
  "/assets/Problems-CoAkjrn7.js",
  "/assets/Report-CeyUIW4Z.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-BkYA07S_.js",
  "/assets/Settings-Cw_CI-E3.js",
  "/assets/Visit-BaEZzCov.js",
  "/assets/download-4yJc3F2N.js",
  "/assets/feedback-DNCHGE0i.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-Bz7QLskk.js",
  "/assets/hooks-DMR-5i0U.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-CP6EZU5z.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-D1M-F69g.css",
  "/assets/index-zItd7sPF.js",
  "/assets/merge.i18n-D160zUqi.js",
  "/assets/parts-B-c7aIix.js",
  "/assets/preload-helper-cgQNtKgt.js",
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
