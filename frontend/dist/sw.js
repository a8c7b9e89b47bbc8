// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself. It also shows the
// server's reminders (Web Push) and opens the app where a tapped one points.
const VERSION = '0d64ee4884452f37';
const FILES = [
  "/assets/Account-DXx_1otO.js",
  "/assets/AccountCredit-htiPfjcT.js",
  "/assets/AccountField-DXzEhex3.js",
  "/assets/AccountTabs-B6ETvYbN.js",
  "/assets/Accounts-Dg0ncGEg.js",
  "/assets/AdminAudit-DJbNiikh.js",
  "/assets/AdminClassification-DRO6MPip.js",
  "/assets/AdminHome-B4pxUVBY.js",
  "/assets/AdminTeams-B_q5omQr.js",
  "/assets/AdminTokens-B8jmh-FW.js",
  "/assets/AdminUsers-ClN9Gdxz.js",
  "/assets/AdminWebhooks-CDhYbz9R.js",
  "/assets/Availability-Drk7DXJq.js",
  "/assets/ChangePassword-DHlGcLUi.js",
  "/assets/ChoiceChips-jg8N_Sxp.js",
  "/assets/CompetitorForm-BWnCTdwv.js",
  "/assets/Confirm-CZ1EfdPz.js",
  "/assets/ContactDuplicates-CPT3mm2G.js",
  "/assets/ContactMerge-BncZvw40.js",
  "/assets/ContactNew-Crm7xV-C.js",
  "/assets/CreditForm-D-pypBLL.js",
  "/assets/CustomerPicker-HZS-tyLS.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-cKi5d8Ti.js",
  "/assets/FormStatus-gFBCXg6K.js",
  "/assets/ImportJob-2OV_zAMC.js",
  "/assets/ImportStart-DywRGjCg.js",
  "/assets/KeyPersonForm-BvLQvvLg.js",
  "/assets/LoadMore-DVtFLaEn.js",
  "/assets/MapLinks-WVqB62xa.js",
  "/assets/MediaCapture-AEAYxzcG.css",
  "/assets/MediaCapture-DfzyOFwM.js",
  "/assets/MediaList-BIhvVvFo.js",
  "/assets/Merge-53JSulzQ.js",
  "/assets/MergeParts-b90lSWje.js",
  "/assets/More-CspHF4h5.js",
  "/assets/Nearby-B8Ecdpsq.js",
  "/assets/NeedNew-BinimR7g.js",
  "/assets/OrderNew--H0ZV5r9.js",
  "/assets/Orders-CeTPsdjZ.js",
  "/assets/PitchForm-CjcM9gqG.js",
  "/assets/PlanVisit-DnDzNpQW.js",
  "/assets/Problems-_G6p5xnb.js",
  "/assets/ProjectDetail-B4S6bpbV.js",
  "/assets/ProjectForm-BeGne-eE.js",
  "/assets/QuotationDetail-CejYFov8.js",
  "/assets/QuotationForm-D2vQQrut.js",
  "/assets/QuotationPrint-E-YXvDxR.js",
  "/assets/Report-eZ23BpxI.js",
  "/assets/Samples-Cdhric5t.js",
  "/assets/Settings-BWqBzP9Q.js",
  "/assets/Stock-C9XGa-Oa.js",
  "/assets/Team-BcfKhure.js",
  "/assets/TheirToday-CL33JXAu.js",
  "/assets/Visit-CccCe6Ji.js",
  "/assets/commercial-BdgHmfPZ.css",
  "/assets/commercial.i18n-CVajn3z3.js",
  "/assets/commercialLogic-ngkg8e1L.js",
  "/assets/download-4ku0m9Vy.js",
  "/assets/feedback-Cpg08n6m.js",
  "/assets/field.i18n-CeU7PGUm.js",
  "/assets/fieldForm-DXXvc9jH.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-B9MLIZxW.js",
  "/assets/hooks-C6M2dEpz.js",
  "/assets/import-1l53dHSH.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-Ce9dRj9Y.js",
  "/assets/index-Q7ErnoNG.css",
  "/assets/media.i18n-CLdIn4bE.js",
  "/assets/merge.i18n-CiNuzUIg.js",
  "/assets/orderNew.i18n-Bv_tokN3.js",
  "/assets/parts-Q9qEveny.js",
  "/assets/photo-LeMgz1Tr.js",
  "/assets/place-DDzITZug.js",
  "/assets/preload-helper-ClNRQj4J.js",
  "/assets/projects.i18n-Csg-S2a1.js",
  "/assets/push-BH69tT0o.js",
  "/assets/quotation-BogukF75.css",
  "/assets/quotation-Cn2Xr1g7.js",
  "/assets/quotationLogic-DtewRqVT.js",
  "/assets/quotationQueries-Cy9hcAUi.js",
  "/assets/report-uqFoFdrt.css",
  "/assets/reportPdf-CsN6TiqB.js",
  "/assets/stock.i18n-DaF4kzym.js",
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

const passThrough = /^\/(graphql|documents|issue-attachments|project-documents|media|export\.csv|exports\/|imports\/|healthz|readyz|explorer)/;

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

// ---------------------------------------------------------------- reminders (Web Push)

/** Only a path inside the app ("/customers/…"); anything else opens Today. */
function appPath(url) {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') && !url.includes('\\') ? url : '/';
}

// The server sends {title, body, url, tag, kind} (server/push Message), encrypted for
// this browser. Shown as a notification even when the app is open (the phone may be in
// a pocket), and told to open windows, which show it inside the page too.
self.addEventListener('push', (event) => {
  let m = {};
  try {
    m = event.data ? event.data.json() : {};
  } catch {
    m = { body: event.data ? event.data.text() : '' };
  }
  const message = {
    title: typeof m.title === 'string' && m.title ? m.title : 'Tandem',
    body: typeof m.body === 'string' ? m.body : '',
    url: appPath(m.url),
    tag: typeof m.tag === 'string' ? m.tag : '',
    kind: typeof m.kind === 'string' ? m.kind : '',
  };
  const options = { body: message.body, data: { url: message.url }, icon: '/icon-192.png', badge: '/icon-192.png' };
  if (message.tag) options.tag = message.tag;
  event.waitUntil(
    Promise.all([
      self.registration.showNotification(message.title, options),
      self.clients
        .matchAll({ type: 'window', includeUncontrolled: true })
        .then((list) => list.forEach((c) => c.postMessage({ type: 'push', message }))),
    ]),
  );
});

// A tapped reminder: an open Tandem window goes there, or a new one opens.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = appPath(event.notification.data && event.notification.data.url);
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (list) => {
      const win = list.find((c) => new URL(c.url).origin === self.location.origin);
      if (win) {
        await win.focus();
        try {
          return await win.navigate(url);
        } catch {
          return win.postMessage({ type: 'navigate', url });
        }
      }
      return self.clients.openWindow(url);
    }),
  );
});
