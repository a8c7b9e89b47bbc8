// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself. It also shows the
// server's reminders (Web Push) and opens the app where a tapped one points.
const VERSION = '139f87871e193ef7';
const FILES = [
  "/assets/Account-WPO7q70g.js",
  "/assets/AccountCredit-DWI-XiZn.js",
  "/assets/AccountField-n8epk4Ls.js",
  "/assets/AccountTabs-BLgdl-rh.js",
  "/assets/Accounts-Nhz1vqPB.js",
  "/assets/AdminAudit-D1zcr_V9.js",
  "/assets/AdminClassification-C8qGRTXf.js",
  "/assets/AdminHome-CTfYCiMa.js",
  "/assets/AdminTeams-BthPQ_An.js",
  "/assets/AdminTokens-nmc7g0od.js",
  "/assets/AdminUsers-BTBK3Ww4.js",
  "/assets/AdminWebhooks-DaLplQqU.js",
  "/assets/Availability-DGjoeap9.js",
  "/assets/ChangePassword-CYebGNHN.js",
  "/assets/ChoiceChips-jg8N_Sxp.js",
  "/assets/CompetitorForm-CqOxmfIK.js",
  "/assets/Confirm-CZ1EfdPz.js",
  "/assets/ContactDuplicates-CPT3mm2G.js",
  "/assets/ContactMerge-XQy1_2nC.js",
  "/assets/ContactNew-CAj_gH7K.js",
  "/assets/CreditForm-UELpGL9j.js",
  "/assets/CustomerPicker-PQRpiFYH.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-Bc5IhTku.js",
  "/assets/FormStatus-gFBCXg6K.js",
  "/assets/ImportJob-CfAJibBS.js",
  "/assets/ImportStart-DdmAyHHG.js",
  "/assets/KeyPersonForm-gqysg-es.js",
  "/assets/LoadMore-YcC9m7zr.js",
  "/assets/MapLinks-WVqB62xa.js",
  "/assets/MediaCapture-AEAYxzcG.css",
  "/assets/MediaCapture-mVpqHzkR.js",
  "/assets/MediaList-DLjO2oP1.js",
  "/assets/Merge-D1_aM9y0.js",
  "/assets/MergeParts-BF9BcSIk.js",
  "/assets/More-DZXBNC8V.js",
  "/assets/Nearby-DGnhGEdC.js",
  "/assets/NeedNew-dxcBqGbK.js",
  "/assets/OrderNew-DxOT6ycG.js",
  "/assets/Orders-3256ElaZ.js",
  "/assets/PitchForm-CpAZrH2N.js",
  "/assets/PlanVisit-DZF97o0w.js",
  "/assets/Problems-BL-iBp7n.js",
  "/assets/ProjectDetail-Bm0w2jlg.js",
  "/assets/ProjectForm-BrWbGgjp.js",
  "/assets/QuotationDetail-qGnvFAs_.js",
  "/assets/QuotationForm-G1bXOU5h.js",
  "/assets/QuotationPrint-BY5aHWqe.js",
  "/assets/Report-DPnngJoK.js",
  "/assets/Samples-sQGKZatW.js",
  "/assets/Settings-D8cEdMAM.js",
  "/assets/Stock-BnfEjbpS.js",
  "/assets/Team-zpXRk90u.js",
  "/assets/TheirToday-CXDW_yOX.js",
  "/assets/Visit-B0GvSFWb.js",
  "/assets/commercial-BdgHmfPZ.css",
  "/assets/commercial.i18n-CVajn3z3.js",
  "/assets/commercialLogic-ngkg8e1L.js",
  "/assets/download-4ku0m9Vy.js",
  "/assets/feedback-3cBcLHGE.js",
  "/assets/field.i18n-CeU7PGUm.js",
  "/assets/fieldForm-BjiMtOzq.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-B9MLIZxW.js",
  "/assets/hooks-Bz5XhMvC.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-EjphDGfh.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-AJerVlQO.js",
  "/assets/index-Q7ErnoNG.css",
  "/assets/media.i18n-CLdIn4bE.js",
  "/assets/merge.i18n-CiNuzUIg.js",
  "/assets/orderNew.i18n-Bv_tokN3.js",
  "/assets/parts-BPfVTsid.js",
  "/assets/photo-LeMgz1Tr.js",
  "/assets/place-DDzITZug.js",
  "/assets/preload-helper-ClNRQj4J.js",
  "/assets/projects.i18n-Csg-S2a1.js",
  "/assets/push-Bk3PoEbG.js",
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
