// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '1ae6f34f382cacf4';
const FILES = [
  "/assets/Account-BZyGR7Ye.js",
  "/assets/AccountTabs-Dofwju5q.js",
  "/assets/Accounts-vLWtmUmS.js",
  "/assets/AdminAudit-CdgjJGjF.js",
  "/assets/AdminClassification-t4i7Y_Ob.js",
  "/assets/AdminHome-3wLiN50y.js",
  "/assets/AdminTeams-BpBpZK-f.js",
  "/assets/AdminTokens--nbu01fL.js",
  "/assets/AdminUsers-DGb4zn7H.js",
  "/assets/AdminWebhooks-CpjQpUn6.js",
  "/assets/ChangePassword-C3eINHBf.js",
  "/assets/Confirm-HABQOZzo.js",
  "/assets/ContactDuplicates-DL8X3ZwJ.js",
  "/assets/ContactMerge-DYbtEP9e.js",
  "/assets/ContactNew-DsFMpNxd.js",
  "/assets/CustomerPicker-CUl_AhS2.js",
  "/assets/FormStatus-DGn32umQ.js",
  "/assets/ImportJob-C2_TwoRR.js",
  "/assets/ImportStart-BP-ckySE.js",
  "/assets/LoadMore-jBaTN7bJ.js",
  "/assets/Merge-BFOY2x2h.js",
  "/assets/MergeParts-CVpxjQiT.js",
  "/assets/More-BDhfLpKO.js",
  "/assets/Orders-DLQLVkJ6.js",
  "/assets/PlanVisit-CB-6p8xq.js",
  "/assets/Problems-nxlaP80a.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-L4TlRULN.js",
  "/assets/Samples-cMYUXDPa.js",
  "/assets/Settings-kP7kzlrA.js",
  "/assets/Visit-CzGhS4_X.js",
  "/assets/download-4yJc3F2N.js",
  "/assets/feedback-DrdXc6vv.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-Bz7QLskk.js",
  "/assets/hooks-DhASyLzn.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-BHPJ2VC7.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-CuCEGPMR.css",
  "/assets/index-D-qsnesC.js",
  "/assets/merge.i18n-D160zUqi.js",
  "/assets/parts-Y-AYcv-6.js",
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
