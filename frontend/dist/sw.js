// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'a2b5e7f03c023c2a';
const FILES = [
  "/assets/Account-CK6RU7ES.js",
  "/assets/AccountTabs-Buejog0e.js",
  "/assets/Accounts-wHIrCecd.js",
  "/assets/AdminAudit-K1Vc9FMg.js",
  "/assets/AdminClassification-HUH7anis.js",
  "/assets/AdminHome-BHHs2hsK.js",
  "/assets/AdminTeams-w9uqZlg3.js",
  "/assets/AdminTokens-D00R3aCx.js",
  "/assets/AdminUsers-CObN1nr1.js",
  "/assets/AdminWebhooks-YIgV-gLU.js",
  "/assets/ChangePassword-BsJDctnQ.js",
  "/assets/Confirm-CBgNE3Ba.js",
  "/assets/ContactDuplicates-B21gkw5X.js",
  "/assets/ContactMerge-BcXrKcij.js",
  "/assets/CustomerPicker-4sk0faoS.js",
  "/assets/FormStatus-OfHXJGmz.js",
  "/assets/ImportJob-CyF1MYND.js",
  "/assets/ImportStart-Cbfx6HX-.js",
  "/assets/Merge-BNG8T7Wd.js",
  "/assets/MergeParts-Dd1Xjjns.js",
  "/assets/More-CQd5apDM.js",
  "/assets/Orders-CPWHVczw.js",
  "/assets/Problems-Dczk0KAb.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-DM4I2uJv.js",
  "/assets/Samples-kv4aBKQs.js",
  "/assets/Settings-CBUaQF9C.js",
  "/assets/Visit-CIZTU_Uu.js",
  "/assets/download-Drp3zB_n.js",
  "/assets/feedback-C4pZ6cjE.js",
  "/assets/filters-Cn4b0wGF.js",
  "/assets/graphql-C_8JoYSL.js",
  "/assets/hooks-CfB-9EkH.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-C57LbW-k.js",
  "/assets/importLogic-7lQaR492.js",
  "/assets/index-D_3G7z1D.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-CMGf1yJU.js",
  "/assets/parts-a3sblIor.js",
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
