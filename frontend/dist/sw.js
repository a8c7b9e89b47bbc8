// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '3cdc50f7e735c18a';
const FILES = [
  "/assets/Account-ze8GVMFa.js",
  "/assets/AccountTabs-D95LSFlz.js",
  "/assets/Accounts-ZL0ADVJT.js",
  "/assets/AdminAudit-rydkvR-H.js",
  "/assets/AdminHome-BpG6cbA2.js",
  "/assets/AdminTeams-Dos8n_fY.js",
  "/assets/AdminTokens-CW018cmS.js",
  "/assets/AdminUsers-CWgZ-2Vi.js",
  "/assets/AdminWebhooks-Ya6Hokt1.js",
  "/assets/ChangePassword-F4QvqPXc.js",
  "/assets/Confirm-CsH0g0h9.js",
  "/assets/CustomerPicker-B2AfXrtg.js",
  "/assets/FormStatus-CyAsiUp-.js",
  "/assets/ImportJob-cjDxAazW.js",
  "/assets/ImportStart-0Cpp3jB7.js",
  "/assets/Merge-DXK_N8lW.js",
  "/assets/More-Cqu06T1i.js",
  "/assets/Orders-BrjT5t-5.js",
  "/assets/Problems-DHWiuBPv.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-DmIS-jIe.js",
  "/assets/Samples-DXSoogi0.js",
  "/assets/Settings-al4WxDFe.js",
  "/assets/Visit-BFS3W9NT.js",
  "/assets/download-Bg7FJVEc.js",
  "/assets/feedback-C2_Az_8V.js",
  "/assets/filters-D9NIEiAm.js",
  "/assets/graphql-DWhsPNkb.js",
  "/assets/hooks-DsKA3kan.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-ukMI5c_5.js",
  "/assets/importLogic-7lQaR492.js",
  "/assets/index-BJdfJ7NA.js",
  "/assets/index-smgx_XNX.css",
  "/assets/merge.i18n-DtzguPCG.js",
  "/assets/parts-Cd8shvfP.js",
  "/assets/preload-helper-oq0eW-qp.js",
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
