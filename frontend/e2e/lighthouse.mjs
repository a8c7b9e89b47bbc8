// Lighthouse 12 (mobile form factor, default simulated throttling: slow 4G, 4× CPU) on the
// sign-in page and, signed in, on Today. Prints the performance / accessibility /
// best-practices scores and fails below the thresholds.
//
//   TANDEM_BIN=/tmp/tandem node frontend/e2e/lighthouse.mjs       (any cwd; or TANDEM_URL)
//
// Environment: LH_MIN_PERFORMANCE (default 95), LH_MIN_ACCESSIBILITY (95),
// LH_MIN_BEST_PRACTICES (0: printed, not enforced), LH_RUNS (1; with more, each page is
// judged on its median score), CHROMIUM. HTML reports: frontend/e2e/screenshots/lighthouse-*.html.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { CHROMIUM, CHROMIUM_FLAGS, SCREENSHOTS, login, startServer } from './lib.mjs';

const min = {
  performance: Number(process.env.LH_MIN_PERFORMANCE ?? 95),
  accessibility: Number(process.env.LH_MIN_ACCESSIBILITY ?? 95),
  'best-practices': Number(process.env.LH_MIN_BEST_PRACTICES ?? 0),
};
const runs = Math.max(1, Number(process.env.LH_RUNS ?? 1));
const categories = ['performance', 'accessibility', 'best-practices'];
const metrics = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
];

/** One Lighthouse run in a fresh Chromium profile. `session` is put in localStorage first. */
async function audit(server, path, session) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
  try {
    const flags = { port: chrome.port, output: 'html', logLevel: 'error', onlyCategories: categories };
    if (session) {
      // Lighthouse clears the origin's storage before loading, which would sign us out: set
      // the session, then clear everything else a first visit would not have (HTTP cache,
      // service worker, its caches, IndexedDB) and tell Lighthouse to leave storage alone.
      const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
      const page = await browser.newPage();
      await page.goto(server.url + '/signin', { waitUntil: 'load' });
      await page.evaluate((s) => localStorage.setItem('tandem.session', s), JSON.stringify(session));
      const cdp = await page.createCDPSession();
      await cdp.send('Storage.clearDataForOrigin', {
        origin: server.url,
        storageTypes: 'service_workers,cache_storage,indexeddb,cookies',
      });
      await cdp.send('Network.clearBrowserCache');
      await page.close();
      await browser.disconnect();
      flags.disableStorageReset = true;
    }
    const result = await lighthouse(server.url + path, flags);
    if (!result?.lhr) throw new Error('Lighthouse returned no result');
    if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    const scores = Object.fromEntries(categories.map((c) => [c, Math.round((result.lhr.categories[c]?.score ?? 0) * 100)]));
    const m = metrics.map(([id, short]) => `${short} ${result.lhr.audits[id]?.displayValue ?? '?'}`).join(', ');
    const failing = Object.values(result.lhr.categories)
      .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0 && result.lhr.audits[r.id].score !== null && result.lhr.audits[r.id].score < 1).map((r) => `${c.id}/${r.id}`))
      .filter((id) => !id.startsWith('performance/'));
    const bench = Math.round(result.lhr.environment?.benchmarkIndex ?? 0);
    return { scores, metrics: m, failing, bench, html: result.report, finalUrl: result.lhr.finalDisplayedUrl };
  } finally {
    await chrome.kill();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const server = await startServer();
let failed = false;
try {
  const session = await login(server);
  const pages = [
    ['signin', '/signin', null],
    ['today', '/', session],
  ];
  mkdirSync(SCREENSHOTS, { recursive: true });
  console.log(`lighthouse: ${server.url}, mobile, simulated throttling, ${runs} run(s) per page; minimum ${JSON.stringify(min)}`);
  for (const [name, path, s] of pages) {
    const all = [];
    for (let i = 0; i < runs; i++) {
      const r = await audit(server, path, s);
      all.push(r);
      const want = path === '/' ? '/' : path;
      if (new URL(r.finalUrl).pathname !== want) throw new Error(`${name}: Lighthouse ended on ${r.finalUrl}, not ${path} (signed out?)`);
      console.log(
        `  ${name} run ${i + 1}: ${categories.map((c) => `${c} ${r.scores[c]}`).join(', ')}  (${r.metrics}; ` +
          `benchmarkIndex ${r.bench}, load ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs)` +
          (r.failing.length ? `\n    not passing: ${r.failing.join(', ')}` : ''),
      );
      writeFileSync(join(SCREENSHOTS, `lighthouse-${name}${runs > 1 ? '-' + (i + 1) : ''}.html`), r.html);
    }
    const med = Object.fromEntries(categories.map((c) => [c, median(all.map((r) => r.scores[c]))]));
    const low = categories.filter((c) => med[c] < min[c]);
    console.log(`${low.length ? 'FAIL' : 'PASS'} lighthouse ${name}: ${categories.map((c) => `${c} ${med[c]}`).join(', ')}${runs > 1 ? ' (median)' : ''}`);
    if (low.length) {
      failed = true;
      console.log(`  below the minimum: ${low.map((c) => `${c} ${med[c]} < ${min[c]}`).join(', ')}`);
    }
  }
} catch (e) {
  failed = true;
  console.error('lighthouse:', e.stack || e);
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);
