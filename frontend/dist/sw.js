// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '7c9e86d23362a19e';
const FILES = [
  "/assets/Account-DETSGONY.js",
  "/assets/AccountTabs-C7EcaScH.js",
  "/assets/Accounts-5eUqJhv2.js",
  "/assets/AdminAudit-w6FATi29.js",
  "/assets/AdminClassification-DfIBN_Yt.js",
  "/assets/AdminHome-C4jw0hwA.js",
  "/assets/AdminTeams-BHAbf00u.js",
  "/assets/AdminTokens-C0KWrruH.js",
  "/assets/AdminUsers-hKoYlT4R.js",
  "/assets/AdminWebhooks-8QhP3gVY.js",
  "/assets/ChangePassword-BkGibhjx.js",
  "/assets/Confirm-HABQOZzo.js",
  "/assets/ContactDuplicates-DL8X3ZwJ.js",
  "/assets/ContactMerge-YH3wAd0L.js",
  "/assets/ContactNew-Bx1MY6r-.js",
  "/assets/CustomerPicker-BNd0Fc54.js",
  "/assets/FormStatus-DGn32umQ.js",
  "/assets/ImportJob-DyqBBoLG.js",
  "/assets/ImportStart-DdV9Q1zU.js",
  "/assets/LoadMore-CeVOPh-y.js",
  "/assets/Merge-CndVD5bA.js",
  "/assets/MergeParts-CyQNgjO8.js",
  "/assets/More-Dm7BgVzJ.js",
  "/assets/Orders-BZR0JY9U.js",
  "/assets/PlanVisit-nS53_cRH.js",
  "/assets/Problems-CXhRFK0c.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-DOOn9wGb.js",
  "/assets/Samples-BmnB1UCX.js",
  "/assets/Settings-Dk8TPwdu.js",
  "/assets/Visit-BZblVORv.js",
  "/assets/download-4yJc3F2N.js",
  "/assets/feedback-BmNgMMoP.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-Bz7QLskk.js",
  "/assets/hooks-D2Me3MT7.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-Bxy1qnLs.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-CuCEGPMR.css",
  "/assets/index-HAYSildn.js",
  "/assets/merge.i18n-D160zUqi.js",
  "/assets/parts-DYyRCMnB.js",
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
