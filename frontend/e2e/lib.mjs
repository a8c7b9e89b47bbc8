// The browser test harness for Tandem's phone app: starts the real Go binary with demo
// data, drives Debian's Chromium through playwright-core at phone size, and checks what a
// rep's phone needs (axe, touch targets, screenshots). Used by journeys.mjs; run from any
// directory. No test framework: journey(name, fn) + run() below.
//
// Environment:
//   TANDEM_BIN   the server binary to start (go build -o /tmp/tandem ./server). Required
//                unless TANDEM_URL is set.
//   TANDEM_URL   use an already running server (with --demo data) instead of starting one.
//                startServer({ dataDir, demo: false }) starts on a copy of an existing data dir.
//   CHROMIUM     the browser (default /usr/bin/chromium).
//   E2E_STRICT=1 a failing journey marked `pending` fails the run too.
//   E2E_HEADFUL=1 show the browser (local debugging; needs a display).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';

export const E2E_DIR = dirname(fileURLToPath(import.meta.url));
export const FRONTEND_DIR = resolve(E2E_DIR, '..');
export const SCREENSHOTS = join(E2E_DIR, 'screenshots');
const require = createRequire(join(FRONTEND_DIR, 'package.json'));

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export const DEMO_PASSWORD = 'tandem-demo';
export const REP = 'rep1@demo.tandem';
export const ADMIN = 'admin@demo.tandem';

// ---------------------------------------------------------------- the server

/** A port nobody listens on right now (8080 is often taken on this machine). */
export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const running = new Set();
function killAll() {
  for (const p of running) {
    try {
      p.kill('SIGKILL');
    } catch {
      /* gone */
    }
  }
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    killAll();
    process.exit(130);
  });
}

/**
 * Starts `<TANDEM_BIN> --demo --addr 127.0.0.1:<free port> --data-dir <temp>` and waits
 * for /readyz. Returns { url, port, dataDir, log(), stop() }. With TANDEM_URL set, uses that
 * server and stop() does nothing. `env` adds to its environment (e.g. TANDEM_PUSH_HOSTS).
 * `dataDir`: start on a copy of that existing data dir (copied into the temp dir, so the
 * original is never touched); `demo: false` leaves out --demo (e.g. a book made by
 * `go run ./server/bench -book-only`). stop() removes the temp dir (the copy), never `dataDir`.
 */
export async function startServer({ bin = process.env.TANDEM_BIN, quiet = true, env = {}, dataDir: from, demo = true } = {}) {
  if (process.env.TANDEM_URL && !bin) {
    const url = process.env.TANDEM_URL.replace(/\/$/, '');
    await waitReady(url, null, 30_000);
    return { url, port: Number(new URL(url).port), log: () => '', stop: async () => {}, external: true };
  }
  if (!bin) throw new Error('set TANDEM_BIN to the server binary (go build -o /tmp/tandem ./server), or TANDEM_URL');
  bin = resolve(bin);
  if (!existsSync(bin)) throw new Error(`TANDEM_BIN=${bin} does not exist`);
  if (from !== undefined) {
    from = resolve(from);
    if (!existsSync(from) || !statSync(from).isDirectory()) throw new Error(`the data dir ${from} does not exist`);
  }
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
    if (from !== undefined) cpSync(from, dataDir, { recursive: true });
    const out = [];
    const args = [...(demo ? ['--demo'] : []), '--addr', `127.0.0.1:${port}`, '--data-dir', dataDir];
    const proc = spawn(bin, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TANDEM_ENV: 'development', ...env },
    });
    running.add(proc);
    const collect = (b) => {
      out.push(b.toString());
      if (!quiet) process.stderr.write(b);
    };
    proc.stdout.on('data', collect);
    proc.stderr.on('data', collect);
    let exited = null;
    const exit = new Promise((r) => proc.on('exit', (code, signal) => r((exited = { code, signal }))));
    const url = `http://127.0.0.1:${port}`;
    const server = {
      url,
      port,
      dataDir,
      log: () => out.join(''),
      async stop() {
        if (!exited) {
          proc.kill('SIGTERM');
          const t = setTimeout(() => proc.kill('SIGKILL'), 10_000);
          await exit;
          clearTimeout(t);
        }
        running.delete(proc);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
    try {
      await waitReady(url, () => exited, 120_000);
      return server;
    } catch (e) {
      lastError = new Error(`${e.message}\n--- server output ---\n${server.log().slice(-4000)}`);
      await server.stop();
      if (!/address already in use/i.test(server.log())) break; // only a lost port race is worth a retry
    }
  }
  throw lastError;
}

async function waitReady(url, exited, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited?.()) throw new Error(`the server exited (${JSON.stringify(exited())}) before /readyz answered`);
    try {
      const r = await fetch(url + '/readyz');
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await sleep(250);
  }
  throw new Error(`${url}/readyz did not answer within ${timeoutMs / 1000}s`);
}

// ---------------------------------------------------------------- GraphQL from node

/** POST one GraphQL operation; throws on errors. */
export async function gql(server, query, variables = {}, token) {
  const res = await fetch(server.url + '/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json().catch(() => null);
  if (!body) throw new Error(`GraphQL: HTTP ${res.status}`);
  if (body.errors?.length) throw new Error('GraphQL: ' + body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; '));
  return body.data;
}

const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { accessToken refreshToken expiresAt user { id name email role function locale } access { explorer manages imports reads } }
}`;

/** The `login` mutation's payload (what the app keeps as its session). */
export async function login(server, email = REP, password = DEMO_PASSWORD) {
  return (await gql(server, LOGIN, { email, password })).login;
}

/** An access token for node-side checks. */
export async function token(server, email = ADMIN) {
  return (await login(server, email)).accessToken;
}

/** One of rep1's own accounts (what their Today and reminders follow), the first by name
 * or the `nth`: { id, name, tok (rep1's token), me (rep1's ID) }. */
export async function ownAccount(server, nth = 0) {
  const tok = await token(server, REP);
  const { me } = await gql(server, '{ me { id } }', {}, tok);
  const d = await gql(
    server,
    `query($o: ID!, $n: Int!) { customers(first: $n, where: { ownerID: $o }, orderBy: { field: NAME, direction: ASC }) { edges { node { id name } } } }`,
    { o: me.id, n: nth + 1 },
    tok,
  );
  return { ...d.customers.edges[nth].node, tok, me: me.id };
}

/** A suffix that makes a name unique to this run. */
export const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The screen's heading with this text. */
export const heading = (page, name) => page.locator('h1').filter({ hasText: name });

// ---------------------------------------------------------------- the browser

let playwright;
async function pw() {
  playwright ??= await import('playwright-core');
  return playwright;
}

/** Chromium with the harness's flags; `args` adds more (e.g. a fake microphone). */
export async function launchBrowser({ args = [] } = {}) {
  const { chromium } = await pw();
  const headful = process.env.E2E_HEADFUL === '1';
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: !headful,
    args: [...(headful ? CHROMIUM_FLAGS.filter((f) => f !== '--headless') : CHROMIUM_FLAGS), ...args],
  });
}

/**
 * A phone: 390×844 CSS px at 2×, touch, the given locale. The app runs under its real
 * Content-Security-Policy; axeCheck() injects axe through the DevTools protocol, which
 * CSP does not apply to, so no context needs bypassCSP (pass it only if that changes).
 */
export async function phoneContext(browser, server, { locale = 'en-US', bypassCSP = false, ...rest } = {}) {
  return browser.newContext({
    baseURL: server.url,
    viewport: { width: 390, height: 844 },
    screen: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale,
    bypassCSP,
    serviceWorkers: 'allow',
    ...rest,
  });
}

/** Signs in through the sign-in screen (labels in English or Chinese). */
export async function signInUI(page, email = REP, password = DEMO_PASSWORD) {
  await page.goto('/signin');
  await page.getByLabel(/^(Email|邮箱)$/).fill(email);
  await page.getByLabel(/^(Password|密码)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
}

/** Puts a session made from node into localStorage (faster than the form); then opens `path`. */
export async function signInFast(page, server, { email = REP, path = '/' } = {}) {
  const s = await login(server, email);
  await page.goto('/signin');
  await page.evaluate((v) => localStorage.setItem('tandem.session', v), JSON.stringify(s));
  await page.goto(path);
  return s;
}

/** Waits until the page's service worker controls it (the app shell is cached). */
export async function serviceWorkerReady(page, timeout = 30_000) {
  await page.waitForFunction(
    async () => {
      if (!('serviceWorker' in navigator)) return false;
      const reg = await navigator.serviceWorker.getRegistration();
      return !!(reg?.active && navigator.serviceWorker.controller);
    },
    null,
    { timeout, polling: 250 },
  );
}

/**
 * Cuts one page's network (navigator.onLine becomes false, every request that reaches the
 * network fails) while its service worker still answers from its cache, as on a phone in
 * airplane mode. Not context.setOffline(): Playwright also takes the service worker's target
 * offline, and Chromium then fails even navigations the worker answers from its cache
 * (net::ERR_FAILED; seen with playwright-core 1.65 + Chromium 156). For in-page offline
 * (no navigation) context.setOffline() is fine and is what the visit journey uses.
 */
export async function pageOffline(page, offline = true) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  return cdp;
}

// ---------------------------------------------------------------- checks

let axeSource;

/** Runs axe-core on the page; throws listing every serious or critical violation. */
export async function axeCheck(page, name) {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const has = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!has) await page.evaluate(axeSource);
  const res = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      url: v.helpUrl,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      count: v.nodes.length,
    }));
  });
  const bad = res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = res.filter((v) => !bad.includes(v));
  if (minor.length) console.log(`    axe ${name}: ${minor.length} minor/moderate: ${minor.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
  if (bad.length) {
    const text = bad
      .map(
        (v) =>
          `  [${v.impact}] ${v.id}: ${v.help} (${v.count} element(s)) ${v.url}\n` +
          v.nodes.map((n) => `      ${n.target}\n        ${(n.summary ?? '').replace(/\n/g, '\n        ')}`).join('\n'),
      )
      .join('\n');
    throw new Error(`axe on ${name}: ${bad.length} serious/critical violation(s)\n${text}`);
  }
  console.log(`    axe ${name}: 0 serious/critical`);
}

/**
 * Fails when a visible interactive element is smaller than 44×44 CSS px.
 *
 * Measured: a[href], button, input (not hidden), select, textarea, summary, [role=button];
 * the target is the union of the element's box and its descendants' boxes (an inline link
 * wrapping an 88 px thumbnail is 88 px, not its 19 px line box).
 * Not measured (the rule, after WCAG 2.5.8's exceptions):
 *  - elements not rendered: display:none, visibility:hidden, opacity 0, zero size,
 *    inside [hidden], [inert] or aria-hidden="true";
 *  - elements moved off-screen to the left/top until focused (the "skip to content" link);
 *  - inline text links: an <a> laid out display:inline whose block container holds other
 *    text besides the link (a link inside a sentence; its height is the line height);
 *  - checkbox, radio and file inputs, and visually hidden (1 px, clipped) inputs, when one of
 *    their <label>s is ≥ 44×44 (the label is the target a thumb hits).
 * `allow` takes CSS selectors to skip in addition (say why at the call site).
 */
export async function touchTargets(page, { min = 44, allow = [] } = {}) {
  const small = await page.evaluate(
    ({ min, allow }) => {
      const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]';
      const out = [];
      const tol = 0.5; // sub-pixel layout
      const big = (r) => r.width + tol >= min && r.height + tol >= min;
      const describe = (el) => {
        const id = el.id ? '#' + el.id : '';
        const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
        const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || el.getAttribute('type') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
        return `${el.tagName.toLowerCase()}${id}${cls} "${name}"`;
      };
      for (const el of document.querySelectorAll(sel)) {
        if (allow.some((a) => el.matches(a))) continue;
        if (el.closest('[hidden],[inert],[aria-hidden="true"]')) continue;
        if (el.checkVisibility && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        const own = el.getBoundingClientRect();
        if (own.width === 0 || own.height === 0) continue;
        if (own.right + window.scrollX <= 0 || own.bottom + window.scrollY <= 0) continue; // parked off-screen
        if (big(own)) continue;
        // What a finger can hit: the element's box and its descendants' (an inline link around
        // an image is as big as the image).
        let [l, t, rr, b] = [own.left, own.top, own.right, own.bottom];
        for (const d of el.querySelectorAll('*')) {
          const q = d.getBoundingClientRect();
          if (!q.width || !q.height) continue;
          [l, t, rr, b] = [Math.min(l, q.left), Math.min(t, q.top), Math.max(rr, q.right), Math.max(b, q.bottom)];
        }
        const r = { width: rr - l, height: b - t };
        if (big(r)) continue;
        const cs = getComputedStyle(el);
        if (el.tagName === 'A' && cs.display === 'inline') {
          let block = el.parentElement;
          while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
          const mine = (el.textContent || '').replace(/\s+/g, '');
          const all = (block?.textContent || '').replace(/\s+/g, '');
          if (all.length > mine.length) continue; // a link in running text
        }
        if (el.tagName === 'INPUT') {
          const clipped = r.width <= 2 || r.height <= 2 || cs.clip !== 'auto' || cs.clipPath !== 'none';
          if ((['checkbox', 'radio', 'file'].includes(el.type) || clipped) && [...(el.labels || [])].some((l) => big(l.getBoundingClientRect()))) continue;
        }
        out.push(`${describe(el)} is ${Math.round(r.width * 10) / 10}×${Math.round(r.height * 10) / 10}`);
      }
      return out;
    },
    { min, allow },
  );
  if (small.length) throw new Error(`touch targets under ${min}×${min} CSS px on ${page.url()}:\n  ${small.join('\n  ')}`);
}

/** Saves a full-page screenshot to e2e/screenshots/<name>.png. */
export async function shot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Polls fn until it returns a truthy value. */
export async function until(fn, { timeout = 15_000, interval = 250, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await sleep(interval);
  }
  throw new Error(`timed out after ${timeout / 1000}s waiting for ${message}${last ? ': ' + last.message : ''}`);
}

/** What every screen a journey reaches must pass, settled (a heading, no "Loading…"):
 * axe, touch targets, no raw codes on a Chinese screen; then a screenshot. */
export async function checkScreen(page, name) {
  await page.waitForFunction(() => document.querySelector('h1') && !document.querySelector('.loading'), null, { timeout: 15_000 });
  await axeCheck(page, name);
  await touchTargets(page);
  await noRawCodes(page, name);
  await shot(page, name);
}

/** A Chinese screen says every status, kind and reason in Chinese: no enum code (LAB_TRIAL, SAME_NAME). */
export async function noRawCodes(page, name) {
  if (!(await page.evaluate(() => document.documentElement.lang)).startsWith('zh')) return;
  const codes = (await page.evaluate(() => document.body.innerText)).match(/\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/g);
  assert(!codes, `${name}: raw codes on a Chinese screen: ${[...new Set(codes ?? [])].join(', ')}`);
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/** A small valid PNG (w×h, one colour), made here so the repo holds no binary fixture. */
export function pngBuffer(w = 64, h = 48, rgb = [15, 92, 77]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- the runner

const journeys = [];

/**
 * Declares a journey. fn(t) gets { server, browser, phone(opts) → {context, page} }.
 * `pending: 'why'` marks a journey written ahead of its screen: it runs, but a failure is
 * reported as PENDING and does not fail the run (unless E2E_STRICT=1). Remove the marker
 * once the screen has landed and the journey passes.
 */
export function journey(name, fn, { pending, timeout = 180_000 } = {}) {
  journeys.push({ name, fn, pending, timeout });
}

/** Runs the declared journeys in order (or those whose names contain an argv word). */
export async function run() {
  const filter = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const selected = journeys.filter((j) => !filter.length || filter.some((f) => j.name.includes(f)));
  const strict = process.env.E2E_STRICT === '1';
  const results = [];
  let server, browser;
  try {
    server = await startServer();
    console.log(`e2e: server ${server.url}${server.external ? ' (external)' : ''}; browser ${CHROMIUM}`);
    browser = await launchBrowser();
    console.log(`e2e: Chromium ${browser.version()}`);
  } catch (e) {
    console.error('e2e: setup failed:', e.message);
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    process.exit(1);
  }
  for (const j of selected) {
    const contexts = [];
    const pageErrors = [];
    const t = {
      server,
      browser,
      /** A fresh phone (own storage); page errors and CSP refusals fail the journey. */
      async phone(opts = {}) {
        const context = await phoneContext(browser, opts.server ?? server, opts);
        contexts.push(context);
        context.on('page', (p) => watch(p));
        const page = await context.newPage();
        return { context, page };
      },
    };
    const watch = (p) => {
      p.on('pageerror', (e) => pageErrors.push(`uncaught in page: ${e.message}`));
      p.on('console', (m) => {
        if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text())) pageErrors.push(`CSP: ${m.text()}`);
      });
    };
    const started = Date.now();
    let error;
    try {
      let timer;
      await Promise.race([
        j.fn(t),
        new Promise((_, fail) => (timer = setTimeout(() => fail(new Error(`journey timed out after ${j.timeout / 1000}s`)), j.timeout))),
      ]).finally(() => clearTimeout(timer));
      if (pageErrors.length) throw new Error(pageErrors.join('\n'));
    } catch (e) {
      error = e;
      const last = contexts.at(-1)?.pages().at(-1);
      if (last) await shot(last, `FAIL-${j.name}`).catch(() => {});
    }
    for (const c of contexts) await c.close().catch(() => {});
    if (!error) rmSync(join(SCREENSHOTS, `FAIL-${j.name}.png`), { force: true });
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const status = !error ? 'PASS' : j.pending && !strict ? 'PENDING' : 'FAIL';
    results.push({ name: j.name, status, pending: j.pending });
    if (!error) console.log(`PASS ${j.name} (${secs}s)${j.pending ? `  ← marked pending ("${j.pending}"): remove the marker` : ''}`);
    else {
      console.log(`${status} ${j.name} (${secs}s)${j.pending ? ` [pending: ${j.pending}]` : ''}`);
      console.log('  ' + String(error.stack || error).split('\n').slice(0, 25).join('\n  '));
    }
  }
  await browser.close().catch(() => {});
  await server.stop().catch(() => {});
  const failed = results.filter((r) => r.status === 'FAIL');
  const pending = results.filter((r) => r.status === 'PENDING');
  console.log(
    `\ne2e: ${results.filter((r) => r.status === 'PASS').length} passed, ${failed.length} failed, ${pending.length} pending` +
      (pending.length ? ` (${pending.map((r) => r.name).join(', ')})` : ''),
  );
  if (!selected.length) console.log('e2e: no journey matched ' + filter.join(' '));
  process.exit(failed.length || !selected.length ? 1 : 0);
}
