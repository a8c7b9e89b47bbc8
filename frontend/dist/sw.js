// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'bf04f39828d10e34';
const FILES = [
  "/assets/Account-D7pRUpJO.js",
  "/assets/AccountTabs-B72hBIIK.js",
  "/assets/Accounts-Ya_MRdRg.js",
  "/assets/AdminAudit-B3DUkRJ4.js",
  "/assets/AdminClassification-DttZKNlr.js",
  "/assets/AdminHome-C31wYsWw.js",
  "/assets/AdminTeams-Dsg_QSLD.js",
  "/assets/AdminTokens-CLJLNkFK.js",
  "/assets/AdminUsers-DmRaiLmz.js",
  "/assets/AdminWebhooks-B_xsJrHe.js",
  "/assets/ChangePassword-DQYpC6U-.js",
  "/assets/Confirm-CBgNE3Ba.js",
  "/assets/ContactDuplicates-DlhhOTkH.js",
  "/assets/ContactMerge-CqbXpFHq.js",
  "/assets/CustomerPicker-Ds7WvQ5n.js",
  "/assets/FormStatus-OfHXJGmz.js",
  "/assets/ImportJob-HoeDDlRk.js",
  "/assets/ImportStart-BE4Hlom5.js",
  "/assets/Merge-D0vBc0YB.js",
  "/assets/MergeParts-fCXq-3z7.js",
  "/assets/More-B2lSdsUe.js",
  "/assets/Orders-Cfks_JPx.js",
  "/assets/Problems-BhtNOsVi.js",
  "/assets/Report-Cbfr9oDW.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-ClBjuKEv.js",
  "/assets/Settings-hRNohiio.js",
  "/assets/Visit-jYmdf0HM.js",
  "/assets/download-Drp3zB_n.js",
  "/assets/feedback-B1-8TK8q.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-C_8JoYSL.js",
  "/assets/hooks-Bp-qY0qs.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-DnFW_ZwQ.js",
  "/assets/importLogic-7lQaR492.js",
  "/assets/index-BRikPiVp.js",
  "/assets/index-GNhVCaf6.css",
  "/assets/merge.i18n-CMGf1yJU.js",
  "/assets/parts-B3qSL6Og.js",
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
