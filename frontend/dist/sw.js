// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'f12c23e8d844fab6';
const FILES = [
  "/assets/Account-B_bm9mR6.js",
  "/assets/AccountTabs-DeUIpkNi.js",
  "/assets/Accounts-RqJdHrZl.js",
  "/assets/AdminAudit-B4v_2AoN.js",
  "/assets/AdminClassification-BEoGd97x.js",
  "/assets/AdminHome-HhoyY-Mj.js",
  "/assets/AdminTeams-CP_ZoLy1.js",
  "/assets/AdminTokens-DazZtEbs.js",
  "/assets/AdminUsers-Bt4gpF7G.js",
  "/assets/AdminWebhooks-D13sT9yv.js",
  "/assets/ChangePassword-CCXUZrMb.js",
  "/assets/Confirm-HABQOZzo.js",
  "/assets/ContactDuplicates-DL8X3ZwJ.js",
  "/assets/ContactMerge-C3LZV3Pf.js",
  "/assets/CustomerPicker-tF-hVqb4.js",
  "/assets/FormStatus-DF5lwTeS.js",
  "/assets/ImportJob-DD1Dm4KW.js",
  "/assets/ImportStart-CRQaP2hk.js",
  "/assets/LoadMore-U_xUgdEQ.js",
  "/assets/Merge-Cie5xJCY.js",
  "/assets/MergeParts-jaiHm8_D.js",
  "/assets/More-FnFFekBA.js",
  "/assets/Orders-Bhm99UgW.js",
  "/assets/PlanVisit-DVxfr_Ab.js",
  "/assets/Problems-u3AT-1aF.js",
  "/assets/Report-CQbq2Qak.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-CYlK6z1k.js",
  "/assets/Settings-BeiNKY7Z.js",
  "/assets/Visit-DbI-cLIM.js",
  "/assets/download-4yJc3F2N.js",
  "/assets/feedback-CyJ77LPH.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-Bz7QLskk.js",
  "/assets/hooks-CjbjnU0z.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-BSv-tSra.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-CCpHNtJA.css",
  "/assets/index-DVRCD67i.js",
  "/assets/merge.i18n-D160zUqi.js",
  "/assets/parts-DaJq5eJ_.js",
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
