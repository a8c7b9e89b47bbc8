// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '1a41569f1c725248';
const FILES = [
  "/assets/Account-DPwJGEry.js",
  "/assets/AccountTabs-CK_Mprv3.js",
  "/assets/Accounts-BBnrVS81.js",
  "/assets/AdminAudit-Dx6qsJoI.js",
  "/assets/AdminClassification-wlFVhEWt.js",
  "/assets/AdminHome-4-jYHKF-.js",
  "/assets/AdminTeams-C7WBOPAn.js",
  "/assets/AdminTokens-B5WdStSD.js",
  "/assets/AdminUsers-CyYtcqlU.js",
  "/assets/AdminWebhooks-B2-P2Mmg.js",
  "/assets/ChangePassword-CyZUxX1Y.js",
  "/assets/ChoiceChips-ig_uSPqu.js",
  "/assets/Confirm-HABQOZzo.js",
  "/assets/ContactDuplicates-poKexdQE.js",
  "/assets/ContactMerge-BGZJgX6R.js",
  "/assets/ContactNew-gKsodX2Z.js",
  "/assets/CustomerPicker-DCSRkkXv.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-CIGMF6yP.js",
  "/assets/FormStatus-DGn32umQ.js",
  "/assets/ImportJob-DnM4fxWr.js",
  "/assets/ImportStart-un-rJ7Se.js",
  "/assets/KeyPersonForm-BLr9di6J.js",
  "/assets/LoadMore-BgwyHROA.js",
  "/assets/MapLinks-B9jNdcSl.js",
  "/assets/Merge-DebUbLqN.js",
  "/assets/MergeParts-Ca_LWrGH.js",
  "/assets/More-DvT1_u7Z.js",
  "/assets/Nearby-ClfZUMCO.js",
  "/assets/NeedNew-DVQpD4jj.js",
  "/assets/Orders-BSe8OBAa.js",
  "/assets/PlanVisit-Drj54Kn-.js",
  "/assets/Problems-Bb86uygX.js",
  "/assets/Report-BRUyM5rn.css",
  "/assets/Report-CYcpq6CA.js",
  "/assets/Samples-CiZEu3Ha.js",
  "/assets/Settings-7H3kTXvX.js",
  "/assets/Team-EKFOql9h.js",
  "/assets/TheirToday-CCP2sphJ.js",
  "/assets/Visit-CFV0RsiB.js",
  "/assets/download-4yJc3F2N.js",
  "/assets/feedback-ATo9OXo9.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-Bz7QLskk.js",
  "/assets/hooks-DwB4u7OF.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-B8D1x7_x.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C5gvMUaV.css",
  "/assets/index-DcQMyUxL.js",
  "/assets/merge.i18n-D160zUqi.js",
  "/assets/parts-CNt3aeTY.js",
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
