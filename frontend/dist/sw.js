// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '840098a6601da951';
const FILES = [
  "/assets/Account-BsjBAN5X.js",
  "/assets/AccountTabs-PU55X5Eg.js",
  "/assets/Accounts-BSOmY5NL.js",
  "/assets/AdminAudit-3tKkwQA7.js",
  "/assets/AdminHome-DDxNy0i-.js",
  "/assets/AdminTeams-DmCEPH6T.js",
  "/assets/AdminTokens-B0iqqkFc.js",
  "/assets/AdminUsers-ClQi1wzG.js",
  "/assets/AdminWebhooks-Dtt45Eg6.js",
  "/assets/ChangePassword-BrqOiCKM.js",
  "/assets/CustomerPicker-CTQax_uX.js",
  "/assets/FormStatus-B-lFJljP.js",
  "/assets/More-rR2qsBak.js",
  "/assets/Orders-4oJyLGr9.js",
  "/assets/Problems-BBJAD8Nr.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Report-we21JPG0.js",
  "/assets/Samples-TuwBzVg0.js",
  "/assets/Settings-BnpR1LVK.js",
  "/assets/Visit-BoUJGB3G.js",
  "/assets/feedback-CVKb8ftj.js",
  "/assets/filters-DMbkyAtc.js",
  "/assets/graphql-Dy-0duH0.js",
  "/assets/hooks-CedJyCDA.js",
  "/assets/index-lnEvU4ZV.js",
  "/assets/index-smgx_XNX.css",
  "/assets/parts-BUu56J3i.js",
  "/assets/preload-helper-DQGJkixJ.js",
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

const passThrough = /^\/(graphql|documents|issue-attachments|export\.csv|healthz|readyz|explorer)/;

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
