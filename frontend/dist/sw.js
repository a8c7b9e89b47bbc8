// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = 'a903f0c2c9d1b50e';
const FILES = [
  "/assets/Account-C1te4y3w.js",
  "/assets/AccountTabs-BejGj0Kd.js",
  "/assets/Accounts-Ccoot6_l.js",
  "/assets/AdminAudit-D-Aceycj.js",
  "/assets/AdminClassification-BcuJVXsY.js",
  "/assets/AdminHome-CHfPtyrH.js",
  "/assets/AdminTeams-CJHxmFdq.js",
  "/assets/AdminTokens-Dw7KsO5N.js",
  "/assets/AdminUsers-BjuMJNr9.js",
  "/assets/AdminWebhooks-D4N052wL.js",
  "/assets/ChangePassword-3K5Wwk7u.js",
  "/assets/Confirm-CBgNE3Ba.js",
  "/assets/ContactDuplicates-m7W46Ba9.js",
  "/assets/ContactMerge-l1fONwTA.js",
  "/assets/CustomerPicker-8XyPtu1X.js",
  "/assets/FormStatus-OfHXJGmz.js",
  "/assets/ImportJob-Cj79yTvt.js",
  "/assets/ImportStart-CKliK0Wm.js",
  "/assets/Merge-Dq7glwUA.js",
  "/assets/MergeParts-BEwnLTU9.js",
  "/assets/More-DD1nI6rF.js",
  "/assets/Orders-CMmeb6Jt.js",
  "/assets/Problems-D9bZtLHo.js",
  "/assets/Report-BMHygWRh.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-rNBi8vKq.js",
  "/assets/Settings-DAS3aRDm.js",
  "/assets/Visit-axAp_VuK.js",
  "/assets/download-Drp3zB_n.js",
  "/assets/feedback-DK_vAolY.js",
  "/assets/filters-Cn4b0wGF.js",
  "/assets/graphql-C_8JoYSL.js",
  "/assets/hooks-aA8hTCHk.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-wvM9eSHa.js",
  "/assets/importLogic-7lQaR492.js",
  "/assets/index-BdOoruCA.js",
  "/assets/index-CoZvpidl.css",
  "/assets/merge.i18n-CMGf1yJU.js",
  "/assets/parts-CTgBnVFW.js",
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
