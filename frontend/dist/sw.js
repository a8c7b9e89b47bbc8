// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'b571b52c1b2967b4';
const FILES = [
  "/assets/Account-DCEKgGl7.js",
  "/assets/AccountTabs-DxX18EcA.js",
  "/assets/Accounts-Bgl3_gyz.js",
  "/assets/AdminAudit-CS0cB92z.js",
  "/assets/AdminClassification-CbAdDIQq.js",
  "/assets/AdminHome-DYoJdmkv.js",
  "/assets/AdminTeams-Cu7RQfrH.js",
  "/assets/AdminTokens-4C-F9OhY.js",
  "/assets/AdminUsers-DRS5uWYE.js",
  "/assets/AdminWebhooks-BcAMBeL3.js",
  "/assets/ChangePassword-BZN2W2iD.js",
  "/assets/Confirm-B7qGCsft.js",
  "/assets/ContactDuplicates-D6uujzV8.js",
  "/assets/ContactMerge-CcPlX47V.js",
  "/assets/CustomerPicker-C1P17MNm.js",
  "/assets/FormStatus-DJ7aUEGv.js",
  "/assets/ImportJob-B_voW3Fi.js",
  "/assets/ImportStart-Cd7vtmlS.js",
  "/assets/Merge-CtJb8bTH.js",
  "/assets/MergeParts-BrNIgbRD.js",
  "/assets/More-DEH_xYmt.js",
  "/assets/Orders-o15PEu0r.js",
  "/assets/Problems-DFKZhSuK.js",
  "/assets/Report-CFIGcBGi.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-BHcdbfwC.js",
  "/assets/Settings-CVk_ssuV.js",
  "/assets/Visit-DEeanCyx.js",
  "/assets/download-DDsKOIHO.js",
  "/assets/feedback-BTkDDKfM.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-B8Ji-MTt.js",
  "/assets/hooks-Uj0J3tNk.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-B2lbNia3.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C6lm3ng6.css",
  "/assets/index-lU1cG9_J.js",
  "/assets/merge.i18n-tRhfTixc.js",
  "/assets/parts-BGIjXnkB.js",
  "/assets/preload-helper-D9wXVj_Q.js",
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
