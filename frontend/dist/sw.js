// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'e7136f567426bdbf';
const FILES = [
  "/assets/Account-Bfp-Te6G.js",
  "/assets/AccountTabs-CPVydSZA.js",
  "/assets/Accounts-BX0TkXgJ.js",
  "/assets/AdminAudit-CPEnzUBv.js",
  "/assets/AdminClassification-4cEEAm9f.js",
  "/assets/AdminHome-CYsSp0Ho.js",
  "/assets/AdminTeams-un536LKs.js",
  "/assets/AdminTokens-XfWdjnY2.js",
  "/assets/AdminUsers-DiDm8KIl.js",
  "/assets/AdminWebhooks-BKRZxBO8.js",
  "/assets/ChangePassword-CagaxwXA.js",
  "/assets/Confirm-B7qGCsft.js",
  "/assets/ContactDuplicates-WaEKXbuf.js",
  "/assets/ContactMerge-Bf6FvrBe.js",
  "/assets/CustomerPicker-CwI-929j.js",
  "/assets/FormStatus-DJ7aUEGv.js",
  "/assets/ImportJob-YgLCbUFh.js",
  "/assets/ImportStart-CLTo7ilJ.js",
  "/assets/Merge-B7eiUl_v.js",
  "/assets/MergeParts-Bkj0eo2r.js",
  "/assets/More-iTlmIzVu.js",
  "/assets/Orders-DwnYfSNq.js",
  "/assets/Problems-BmUiwrc9.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-D7OiaHlR.js",
  "/assets/Samples-B-qC0UAA.js",
  "/assets/Settings-nJna8lx4.js",
  "/assets/Visit-DYQjuDap.js",
  "/assets/download-DDsKOIHO.js",
  "/assets/feedback-CZaZLnPX.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-B8Ji-MTt.js",
  "/assets/hooks-QJx6B1ZX.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-DBbXuKMk.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-C6lm3ng6.css",
  "/assets/index-CPQQZ8a-.js",
  "/assets/merge.i18n-CKMYBv9J.js",
  "/assets/parts-YcvV-_ei.js",
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
