// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '6263fb69ddfc4bbf';
const FILES = [
  "/assets/Account-VgrE3TIj.js",
  "/assets/AccountTabs-BafHJQJg.js",
  "/assets/Accounts-DiGL96ge.js",
  "/assets/AdminAudit-DKxSIX9X.js",
  "/assets/AdminClassification-CwyEBNaA.js",
  "/assets/AdminHome-D8i470DA.js",
  "/assets/AdminTeams-DMkv42YH.js",
  "/assets/AdminTokens-DRdjMkgj.js",
  "/assets/AdminUsers-CRjrIs94.js",
  "/assets/AdminWebhooks-wCDefUix.js",
  "/assets/ChangePassword-35bCf9pb.js",
  "/assets/Confirm-HABQOZzo.js",
  "/assets/ContactDuplicates-DL8X3ZwJ.js",
  "/assets/ContactMerge-PESGPao_.js",
  "/assets/ContactNew-CfRrnuEn.js",
  "/assets/CustomerPicker-D321tdxy.js",
  "/assets/FormStatus-DGn32umQ.js",
  "/assets/ImportJob-sTDoW_MH.js",
  "/assets/ImportStart-Djwy4PD6.js",
  "/assets/LoadMore-C5rjw7LR.js",
  "/assets/Merge-CGb5sJyA.js",
  "/assets/MergeParts-Bb2YnvgH.js",
  "/assets/More-BpW_k1lK.js",
  "/assets/Orders-Cku1sZza.js",
  "/assets/PlanVisit-CIgeO3r8.js",
  "/assets/Problems-DZm1P4Bw.js",
  "/assets/Report-BJrG48op.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-CmPgdf7_.js",
  "/assets/Settings-BrIqiMD9.js",
  "/assets/Visit-2yjDgDEF.js",
  "/assets/download-4yJc3F2N.js",
  "/assets/feedback-DSiC_led.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-Bz7QLskk.js",
  "/assets/hooks-BGBTkJ4x.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-CncPeoAM.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-A7DrqBMQ.js",
  "/assets/index-D1M-F69g.css",
  "/assets/merge.i18n-D160zUqi.js",
  "/assets/parts-BtR9Gtoe.js",
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
