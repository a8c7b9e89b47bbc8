// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '8ba6a2a4492fac8e';
const FILES = [
  "/assets/Account-CKpCRSPu.js",
  "/assets/AccountTabs-Bv8lwWdD.js",
  "/assets/Accounts-2Aed5Xee.js",
  "/assets/AdminAudit-Dr2BC5_Y.js",
  "/assets/AdminClassification-DO0Tgdih.js",
  "/assets/AdminHome-COZLRUtw.js",
  "/assets/AdminTeams-BOrrU3hX.js",
  "/assets/AdminTokens-kuzda_qL.js",
  "/assets/AdminUsers-Bif0WOf5.js",
  "/assets/AdminWebhooks-BzhAGkEF.js",
  "/assets/ChangePassword-BVrcwR41.js",
  "/assets/Confirm-HABQOZzo.js",
  "/assets/ContactDuplicates-poKexdQE.js",
  "/assets/ContactMerge-DEI6n-tf.js",
  "/assets/ContactNew-lljzMmGt.js",
  "/assets/CustomerPicker-Bf3I9rGv.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-B56uXmbn.js",
  "/assets/FormStatus-DGn32umQ.js",
  "/assets/ImportJob-DDW7Euxn.js",
  "/assets/ImportStart-CVV40aQ4.js",
  "/assets/KeyPersonForm-B9xBO6zy.js",
  "/assets/LoadMore-DXsQ28Al.js",
  "/assets/MapLinks-B9jNdcSl.js",
  "/assets/Merge-CtO-IQQp.js",
  "/assets/MergeParts-BxSbbndX.js",
  "/assets/More-CQj3tinp.js",
  "/assets/Nearby-DRJLMu_S.js",
  "/assets/Orders-Bcjupupb.js",
  "/assets/PlanVisit-0Rp0JD-C.js",
  "/assets/Problems-6NieiQYk.js",
  "/assets/Report-BRUyM5rn.css",
  "/assets/Report-BgvKYVIf.js",
  "/assets/Samples-CaxAEONW.js",
  "/assets/Settings-fEJvxRec.js",
  "/assets/Team-Bsk1dMHh.js",
  "/assets/TheirToday-D_g64s1B.js",
  "/assets/Visit-BIK7NdH-.js",
  "/assets/download-4yJc3F2N.js",
  "/assets/feedback-DCjpyYpl.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-Bz7QLskk.js",
  "/assets/hooks-DjsKOIC9.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-CmiKQ0l1.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C-K2XjfV.js",
  "/assets/index-C5gvMUaV.css",
  "/assets/merge.i18n-D160zUqi.js",
  "/assets/parts-C8lwAHaK.js",
  "/assets/place-ByKMGJrH.js",
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
