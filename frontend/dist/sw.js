// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '30fc6c37ccb81332';
const FILES = [
  "/assets/Account-CuUHj69T.js",
  "/assets/AccountTabs-BaeqiHHY.js",
  "/assets/Accounts-E4JxQpwK.js",
  "/assets/AdminAudit-tfEav8Yd.js",
  "/assets/AdminClassification-bgWf2xXh.js",
  "/assets/AdminHome-BIqXbEh2.js",
  "/assets/AdminTeams-DJ5-MS0j.js",
  "/assets/AdminTokens-RhubaZqT.js",
  "/assets/AdminUsers-BIejZx3D.js",
  "/assets/AdminWebhooks-BeyjO0QI.js",
  "/assets/ChangePassword-DMO9UBtm.js",
  "/assets/Confirm-CBgNE3Ba.js",
  "/assets/ContactDuplicates-DQw-21AI.js",
  "/assets/ContactMerge-BvdeGKQZ.js",
  "/assets/CustomerPicker-DBkttvZm.js",
  "/assets/FormStatus-OfHXJGmz.js",
  "/assets/ImportJob-d5CYCIYt.js",
  "/assets/ImportStart-HvrPruEa.js",
  "/assets/Merge-CP5Aoqis.js",
  "/assets/MergeParts-1LyVnsD4.js",
  "/assets/More-Dsg5KYNm.js",
  "/assets/Orders-D6sCmf8w.js",
  "/assets/Problems-BnhjyLWe.js",
  "/assets/Report-ByJezjw4.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-GQTFGVeE.js",
  "/assets/Settings-uG3BePOK.js",
  "/assets/Visit-CvyUbSmy.js",
  "/assets/download-Drp3zB_n.js",
  "/assets/feedback-D-i_mYJm.js",
  "/assets/filters-Cn4b0wGF.js",
  "/assets/graphql-C_8JoYSL.js",
  "/assets/hooks-CyJrvgPY.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-D1vVefhU.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C02YEj8Y.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-CMGf1yJU.js",
  "/assets/parts-BCiHsMKj.js",
  "/assets/preload-helper-qXHoDUNh.js",
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
