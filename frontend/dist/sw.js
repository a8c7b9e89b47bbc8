// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '509a2f9ae649c6cb';
const FILES = [
  "/assets/Account-CwAVhAL8.js",
  "/assets/AccountTabs-BfQ7EMbE.js",
  "/assets/Accounts-CwVWkRyK.js",
  "/assets/AdminAudit-BYGMAX4o.js",
  "/assets/AdminClassification-CaWQNfeu.js",
  "/assets/AdminHome-CFraSqQF.js",
  "/assets/AdminTeams-B60NkGXX.js",
  "/assets/AdminTokens-By1lzFjQ.js",
  "/assets/AdminUsers-CsNfv8Jn.js",
  "/assets/AdminWebhooks-Cd--HHhQ.js",
  "/assets/ChangePassword-0LoU2udR.js",
  "/assets/ChoiceChips-ig_uSPqu.js",
  "/assets/Confirm-HABQOZzo.js",
  "/assets/ContactDuplicates-poKexdQE.js",
  "/assets/ContactMerge-d7hsGWpw.js",
  "/assets/ContactNew-ErSwspru.js",
  "/assets/CustomerPicker-B98hqiP-.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-BQyRcLAa.js",
  "/assets/FormStatus-DGn32umQ.js",
  "/assets/ImportJob-DfKVPi51.js",
  "/assets/ImportStart-Dq4wQx3N.js",
  "/assets/KeyPersonForm-Da_IuD1b.js",
  "/assets/LoadMore-md_EIY4W.js",
  "/assets/MapLinks-B9jNdcSl.js",
  "/assets/Merge-ZvdjVwZ3.js",
  "/assets/MergeParts-C2H-K92N.js",
  "/assets/More-BjuZ7DIv.js",
  "/assets/Nearby-HQ8NYM7H.js",
  "/assets/NeedNew-C9gEuAHk.js",
  "/assets/Orders-B39WFYa2.js",
  "/assets/PlanVisit-CjgCkXV3.js",
  "/assets/Problems-BaOvjRd0.js",
  "/assets/Report-BRUyM5rn.css",
  "/assets/Report-TdGnYIPM.js",
  "/assets/Samples-DZUqMpV2.js",
  "/assets/Settings-D_UeMIhW.js",
  "/assets/Team-XJ5PIqo4.js",
  "/assets/TheirToday-DxpbnIbt.js",
  "/assets/Visit-Di-jubW_.js",
  "/assets/download-4yJc3F2N.js",
  "/assets/feedback-BLWretZr.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-Bz7QLskk.js",
  "/assets/hooks-B-kF7qLK.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-CH3VyjOj.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C5gvMUaV.css",
  "/assets/index-CbR78T10.js",
  "/assets/merge.i18n-D160zUqi.js",
  "/assets/parts-CJGfCyWL.js",
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
