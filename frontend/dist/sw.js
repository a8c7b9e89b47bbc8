// Tandem's service worker (generated at build time: the file list and version below
// are filled in by vite.config.ts). It keeps the app shell so the app opens with no
// network; data stays in IndexedDB, handled by the app itself. It also shows the
// server's reminders (Web Push) and opens the app where a tapped one points.
const VERSION = '62f5f012293a28e6';
const FILES = [
  "/assets/Account-8dNLY3zA.js",
  "/assets/AccountCredit-DKqT8hsk.js",
  "/assets/AccountField-BYcVNvXP.js",
  "/assets/AccountTabs-fGw_K-GC.js",
  "/assets/Accounts-CazlN7_L.js",
  "/assets/AdminAudit-CtBuCCnA.js",
  "/assets/AdminClassification-vlaBpuiC.js",
  "/assets/AdminHome-D223NtON.js",
  "/assets/AdminTeams-CmrTNjR1.js",
  "/assets/AdminTokens-CWFHAWRX.js",
  "/assets/AdminUsers-DHJ6pkGR.js",
  "/assets/AdminWebhooks-DiaSHDWj.js",
  "/assets/Availability-BvmY7c3d.js",
  "/assets/ChangePassword-C27AtGs_.js",
  "/assets/ChoiceChips-jg8N_Sxp.js",
  "/assets/CompetitorForm-CAi3VU_a.js",
  "/assets/Confirm-CZ1EfdPz.js",
  "/assets/ContactDuplicates-CPT3mm2G.js",
  "/assets/ContactMerge-Dw5PG2L7.js",
  "/assets/ContactNew-CRsN6DtW.js",
  "/assets/CreditForm-13Fvq5yp.js",
  "/assets/CustomerPicker-DZV8tK2B.js",
  "/assets/Dashboard-Av8YyAo1.css",
  "/assets/Dashboard-D2E8P1Yq.js",
  "/assets/FormStatus-gFBCXg6K.js",
  "/assets/ImportJob-uF0V7RMd.js",
  "/assets/ImportStart-DhrGhOxf.js",
  "/assets/KeyPersonForm-CJbnae4A.js",
  "/assets/LoadMore-DJLJ8isQ.js",
  "/assets/MapLinks-WVqB62xa.js",
  "/assets/MediaCapture-AEAYxzcG.css",
  "/assets/MediaCapture-DbEaxXqJ.js",
  "/assets/MediaList-CC5Psi6e.js",
  "/assets/Merge-CTwIEmyJ.js",
  "/assets/MergeParts-COD3ltFq.js",
  "/assets/More-CnRsPufC.js",
  "/assets/Nearby-D8-QWQtM.js",
  "/assets/NeedNew-DeyDtnda.js",
  "/assets/OrderNew-SfG9x6Za.js",
  "/assets/Orders-_a-dHqG-.js",
  "/assets/PitchForm-CncHlCdx.js",
  "/assets/PlanVisit-SJDl0PNs.js",
  "/assets/Problems-YtfFz8hi.js",
  "/assets/ProjectDetail-B-HqnrUv.js",
  "/assets/ProjectForm-BFaETIo9.js",
  "/assets/QuotationDetail-Descake4.js",
  "/assets/QuotationForm-CXOidfQm.js",
  "/assets/QuotationPrint-sB9eChwv.js",
  "/assets/Report-Cl9N2NZW.js",
  "/assets/Samples-BMph0M3Y.js",
  "/assets/Settings-do3OTEe-.js",
  "/assets/Stock-BYKr9DBA.js",
  "/assets/Team-D4AEsXIR.js",
  "/assets/TheirToday-Bx6ELGmX.js",
  "/assets/Visit-DCCVPzaO.js",
  "/assets/commercial-BdgHmfPZ.css",
  "/assets/commercial.i18n-CVajn3z3.js",
  "/assets/commercialLogic-ngkg8e1L.js",
  "/assets/download-4ku0m9Vy.js",
  "/assets/feedback-EutDr80L.js",
  "/assets/field.i18n-CeU7PGUm.js",
  "/assets/fieldForm-Bj6dkJH5.js",
  "/assets/filters-D1NcPyjo.js",
  "/assets/graphql-B9MLIZxW.js",
  "/assets/hooks-Co6sjtCP.js",
  "/assets/import-2ovBHF5I.css",
  "/assets/import-DWiZCNXd.js",
  "/assets/importLogic-C6PAqaG_.js",
  "/assets/index-CPCwXyy8.js",
  "/assets/index-Q7ErnoNG.css",
  "/assets/media.i18n-CLdIn4bE.js",
  "/assets/merge.i18n-CiNuzUIg.js",
  "/assets/orderNew.i18n-Bv_tokN3.js",
  "/assets/parts-CWIIXK-1.js",
  "/assets/photo-LeMgz1Tr.js",
  "/assets/place-DDzITZug.js",
  "/assets/preload-helper-ClNRQj4J.js",
  "/assets/projects.i18n-Csg-S2a1.js",
  "/assets/push-Be7ogQEP.js",
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
