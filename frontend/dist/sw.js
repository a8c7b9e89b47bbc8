// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'e0cbfeee744bc141';
const FILES = [
  "/assets/Account-8fARrOCK.js",
  "/assets/AccountTabs-_UJh9eB1.js",
  "/assets/Accounts-DOZ92TDl.js",
  "/assets/AdminAudit-BpzAEdY7.js",
  "/assets/AdminClassification-CVE_e4cz.js",
  "/assets/AdminHome-C7x4XpWk.js",
  "/assets/AdminTeams-2KyvbF_E.js",
  "/assets/AdminTokens-BJKYeSiF.js",
  "/assets/AdminUsers-DECF9Hox.js",
  "/assets/AdminWebhooks-SwED9JTS.js",
  "/assets/ChangePassword-bz_Trt8k.js",
  "/assets/Confirm-CBgNE3Ba.js",
  "/assets/ContactDuplicates-C2iBlR9E.js",
  "/assets/ContactMerge-BIBST7T-.js",
  "/assets/CustomerPicker-DEw8XnEc.js",
  "/assets/FormStatus-OfHXJGmz.js",
  "/assets/ImportJob-DjkkI-Dl.js",
  "/assets/ImportStart-Cvc56TrY.js",
  "/assets/Merge-Dl69tpk0.js",
  "/assets/MergeParts-D_DiZtsd.js",
  "/assets/More-bKq07gGx.js",
  "/assets/Orders-Csb3dKYq.js",
  "/assets/Problems-jYir8ZJI.js",
  "/assets/Report-D1LFWRDA.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-BCm7CSum.js",
  "/assets/Settings-B8wYVm7b.js",
  "/assets/Visit-7eOEs20J.js",
  "/assets/download-Drp3zB_n.js",
  "/assets/feedback-Cd7oe6Vb.js",
  "/assets/filters-Cn4b0wGF.js",
  "/assets/graphql-C_8JoYSL.js",
  "/assets/hooks-BG6fWoid.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-D_d8ayaT.js",
  "/assets/importLogic-7lQaR492.js",
  "/assets/index-exaUndXX.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-p-roYJny.js",
  "/assets/parts-Cdog2Trb.js",
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
