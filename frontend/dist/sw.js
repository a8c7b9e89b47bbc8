// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself.
const VERSION = '429d2e6684b60e1e';
const FILES = [
  "/assets/Account-AU0x1TW4.js",
  "/assets/AccountTabs-C-OQDpqp.js",
  "/assets/Accounts-BfkYtjJ5.js",
  "/assets/AdminAudit-BcpjMTGN.js",
  "/assets/AdminHome-CcMJfWyw.js",
  "/assets/AdminTeams-DM7Vr1C9.js",
  "/assets/AdminTokens-Ddk0XDDA.js",
  "/assets/AdminUsers-CyfWJat5.js",
  "/assets/AdminWebhooks-DNUG8q01.js",
  "/assets/ChangePassword-CUMzgotF.js",
  "/assets/Confirm-CBgNE3Ba.js",
  "/assets/ContactDuplicates-UZGJ2mA0.js",
  "/assets/ContactMerge-Bh_4pohD.js",
  "/assets/CustomerPicker-DldfP3zM.js",
  "/assets/FormStatus-OfHXJGmz.js",
  "/assets/ImportJob-Cn0FlL2c.js",
  "/assets/ImportStart-oPJw1tVD.js",
  "/assets/Merge-Cj7fgCw_.js",
  "/assets/MergeParts-Dk53R6G5.js",
  "/assets/More-CZpcLdr9.js",
  "/assets/Orders-BMHwxzxv.js",
  "/assets/Problems-BbiOLc3K.js",
  "/assets/Report-BiTlPWIj.js",
  "/assets/Report-D1iXLtDP.css",
  "/assets/Samples-DrqSCawT.js",
  "/assets/Settings-D_QPoNmc.js",
  "/assets/Visit-D_ebn62x.js",
  "/assets/download-Drp3zB_n.js",
  "/assets/feedback-N9kGd6AZ.js",
  "/assets/filters-D9NIEiAm.js",
  "/assets/graphql-C_8JoYSL.js",
  "/assets/hooks-YLMykmCR.js",
  "/assets/import-B4NmsAD_.css",
  "/assets/import-D7weDM3y.js",
  "/assets/importLogic-DZYkX3eA.js",
  "/assets/index-smgx_XNX.css",
  "/assets/index-tcQALfb_.js",
  "/assets/merge.i18n-C-4XS6be.js",
  "/assets/parts-3K1_coFf.js",
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
