// Reaching the rep outside the app and bringing the field back in it: Web Push
// reminders (push-reminder), photos and voice notes on a visit logged offline
// (visit-media) and on a trial (trial-media). Registered by journeys.mjs.
//
// Headless Chromium has no push service, so push-reminder plays one: the page's
// PushManager hands out a subscription to a Node HTTP server (the only browser API stood
// in for), which checks the server's VAPID request, decrypts the RFC 8291 body with the
// browser's private key and hands the plaintext to the page's real service worker
// through the DevTools protocol, as Chromium's push service would.
import { createECDH, createDecipheriv, createHmac, createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';
import {
  assert,
  checkScreen,
  freePort,
  gql,
  heading,
  journey,
  launchBrowser,
  noRawCodes,
  ownAccount,
  phoneContext,
  REP,
  serviceWorkerReady,
  shot,
  signInFast,
  stamp,
  startServer,
  token,
  until,
} from './lib.mjs';

const b64u = (s) => Buffer.from(s, 'base64url');

// ---------------------------------------------------------------- the push service

/** RFC 8291 (aes128gcm, one record): the plaintext, given the browser's keys. */
export function decryptWebPush(body, { d, p256dh, auth }) {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20];
  const asPublic = body.subarray(21, 21 + idlen);
  const ct = body.subarray(21 + idlen);
  assert(idlen === 65 && asPublic[0] === 4, `keyid is not an uncompressed P-256 key (${idlen} bytes)`);
  assert(ct.length <= rs, `the body is more than one record (${ct.length} > rs ${rs})`);
  const hmac = (key, data) => createHmac('sha256', key).update(data).digest();
  const expand = (prk, info, len) => hmac(prk, Buffer.concat([info, Buffer.from([1])])).subarray(0, len);
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(b64u(d));
  const uaPublic = b64u(p256dh);
  const secret = ecdh.computeSecret(asPublic);
  const prkKey = hmac(b64u(auth), secret);
  const ikm = expand(prkKey, Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]), 32);
  const prk = hmac(salt, ikm);
  const cek = expand(prk, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = expand(prk, Buffer.from('Content-Encoding: nonce\0'), 12);
  const dec = createDecipheriv('aes-128-gcm', cek, nonce);
  dec.setAuthTag(ct.subarray(ct.length - 16));
  const padded = Buffer.concat([dec.update(ct.subarray(0, ct.length - 16)), dec.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  assert(padded[end] === 2, 'the last record does not end with the 0x02 delimiter');
  return padded.subarray(0, end).toString('utf8');
}

/** RFC 8292: "vapid t=<JWT>, k=<key>", the JWT signed by that key, for this push service. */
function checkVapid(header, origin) {
  const m = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(header ?? '');
  assert(m, `Authorization is not "vapid t=…, k=…": ${header}`);
  const [, h, p, sig, k] = m;
  const claims = JSON.parse(b64u(p).toString());
  assert(JSON.parse(b64u(h).toString()).alg === 'ES256', 'the VAPID JWT is not ES256');
  assert(claims.aud === origin, `the VAPID audience is ${claims.aud}, not ${origin}`);
  assert(claims.exp * 1000 > Date.now() && /^(mailto|https):/.test(claims.sub), `VAPID claims: ${JSON.stringify(claims)}`);
  const raw = b64u(k);
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') }, format: 'jwk' });
  assert(verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, b64u(sig)), 'the VAPID signature does not verify');
  return k;
}

/** A push service on 127.0.0.1: takes the server's requests, decrypts them, and hands them on. */
async function startPushService() {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const svc = { port, origin, keys: new Map(), messages: [], errors: [], deliver: null };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      try {
        assert(req.method === 'POST', `method ${req.method}`);
        assert(req.headers['content-encoding'] === 'aes128gcm', `Content-Encoding: ${req.headers['content-encoding']}`);
        assert(Number(req.headers.ttl) > 0, `TTL: ${req.headers.ttl}`);
        checkVapid(req.headers.authorization, origin);
        const keys = svc.keys.get(origin + req.url);
        assert(keys, `no subscription at ${req.url}`);
        const text = decryptWebPush(Buffer.concat(chunks), keys);
        const message = JSON.parse(text);
        svc.messages.push(message);
        res.writeHead(201).end();
        await svc.deliver?.(text);
      } catch (e) {
        svc.errors.push(e.message);
        if (!res.headersSent) res.writeHead(400).end(e.message);
      }
    });
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  svc.stop = () => new Promise((ok) => server.close(ok));
  return svc;
}

/** In the page: PushManager's subscription made here, with real P-256 keys the journey can read. */
function fakePushManager(base) {
  const KEY = 'e2e.fakePush';
  const enc = (buf) => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const dec = (s) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const make = (st) => ({
    endpoint: st.endpoint,
    expirationTime: null,
    options: { userVisibleOnly: true, applicationServerKey: dec(st.applicationServerKey).buffer },
    getKey: (n) => (n === 'p256dh' ? dec(st.p256dh).buffer : n === 'auth' ? dec(st.auth).buffer : null),
    toJSON: () => ({ endpoint: st.endpoint, expirationTime: null, keys: { p256dh: st.p256dh, auth: st.auth } }),
    unsubscribe: async () => (localStorage.removeItem(KEY), true),
  });
  PushManager.prototype.getSubscription = async function () {
    const s = localStorage.getItem(KEY);
    return s ? make(JSON.parse(s)) : null;
  };
  PushManager.prototype.subscribe = async function (opts) {
    const had = localStorage.getItem(KEY);
    if (had) return make(JSON.parse(had));
    const ask = opts.applicationServerKey;
    const askBytes = ask instanceof ArrayBuffer ? new Uint8Array(ask) : new Uint8Array(ask.buffer, ask.byteOffset, ask.byteLength);
    if (askBytes.length !== 65) throw new DOMException('applicationServerKey is not a P-256 key', 'InvalidAccessError');
    const kp = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
    const st = {
      endpoint: base + crypto.randomUUID(),
      p256dh: enc(await crypto.subtle.exportKey('raw', kp.publicKey)),
      auth: enc(crypto.getRandomValues(new Uint8Array(16))),
      d: (await crypto.subtle.exportKey('jwk', kp.privateKey)).d,
      applicationServerKey: enc(askBytes),
    };
    localStorage.setItem(KEY, JSON.stringify(st));
    return make(st);
  };
}

// ---------------------------------------------------------------------------------------
journey(
  'push-reminder',
  async ({ phone }) => {
    const svc = await startPushService();
    const own = await startServer({ env: { TANDEM_PUSH_HOSTS: `127.0.0.1:${svc.port}`, TANDEM_PUSH_INTERVAL: '10s' } });
    try {
      const { context, page } = await phone({ locale: 'zh-CN', timezoneId: 'UTC', server: own });
      await context.grantPermissions(['notifications'], { origin: own.url });
      await page.addInitScript(fakePushManager, `${svc.origin}/push/`);
      await signInFast(page, own, { path: '/' });
      await heading(page, '今日').waitFor();
      await serviceWorkerReady(page);

      // The page's real service worker receives what the push service takes.
      const cdp = await context.newCDPSession(page);
      let registrationId;
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        for (const r of registrations) if (!r.isDeleted && r.scopeURL.startsWith(own.url)) registrationId = r.registrationId;
      });
      await cdp.send('ServiceWorker.enable');
      await until(() => registrationId, { message: 'the service worker registration (CDP)' });
      svc.deliver = (data) => cdp.send('ServiceWorker.deliverPushMessage', { origin: own.url, registrationId, data });

      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
      await heading(page, '设置').waitFor();
      const section = page.locator('section[aria-labelledby="reminders-h"]');
      await section.getByText('此设备未开启提醒。').waitFor();
      await checkScreen(page, 'reminders-off-zh');
      // Only visits coming up, so the other kinds of the demo data do not crowd the test.
      for (const k of ['送样跟进', '问题处理时限', '变更通知待确认', '每日摘要']) {
        const chip = section.getByRole('button', { name: k, exact: true });
        assert((await chip.getAttribute('aria-pressed')) === 'true', `${k} is not chosen at first (every kind until one chooses)`);
        await chip.click();
        await until(async () => (await chip.getAttribute('aria-pressed')) === 'false' && (await section.getByText('已保存。').count()) > 0, { message: `${k} to be saved off` });
      }
      const rep = await token(own, REP);
      const settings = async () => (await gql(own, '{ reminderSettings { kinds digestAt publicKey devices { id userAgent failing } } }', {}, rep)).reminderSettings;
      await until(async () => JSON.stringify((await settings()).kinds) === '["VISIT_SOON"]', { message: 'the server to hold VISIT_SOON alone' });

      // On: the browser subscribes with the server's key, the server lists the device.
      await section.getByRole('button', { name: '在此设备上开启提醒' }).click();
      await section.getByText('此设备已开启提醒。').waitFor();
      await section.getByTestId('push-devices').locator('li').filter({ hasText: '此设备' }).filter({ hasText: 'Chrome · Linux' }).waitFor();
      const sub = await page.evaluate(() => JSON.parse(localStorage.getItem('e2e.fakePush')));
      svc.keys.set(sub.endpoint, sub);
      const s1 = await settings();
      assert(s1.devices.length === 1 && s1.devices[0].userAgent === 'Chrome · Linux', `devices: ${JSON.stringify(s1.devices)}`);
      assert(sub.applicationServerKey === s1.publicKey, 'the browser subscribed with another key than the server’s');
      await checkScreen(page, 'reminders-on-zh');

      // A test notification: through the push service to the worker, shown in the page and by the system.
      await section.getByRole('button', { name: '发送测试通知' }).click();
      await section.getByText('已发送到 1 台设备').waitFor();
      const notice = page.locator('.push-notice').filter({ hasText: 'Tandem 测试通知' });
      await notice.waitFor({ timeout: 15_000 });
      const titles = () => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.title));
      await until(async () => (await titles()).includes('Tandem 测试通知'), { message: 'registration.getNotifications() to hold the test' });
      assert(svc.messages.some((m) => m.kind === 'TEST' && m.url === '/settings'), `the push service got ${JSON.stringify(svc.messages)}`);
      await checkScreen(page, 'push-test-notice-zh');
      await notice.getByRole('button', { name: '关闭' }).click();

      // A visit planned 30 minutes from now: the reminder job sends VISIT_SOON within a run or two.
      const acct = await ownAccount(own);
      await page.goto(`/customers/${acct.id}/plan`);
      await page.getByRole('button', { name: '保存拜访计划' }).waitFor();
      const at = new Date(Date.now() + 30 * 60_000);
      await page.getByLabel('日期', { exact: true }).fill(at.toISOString().slice(0, 10));
      await page.getByLabel('时间', { exact: true }).fill(at.toISOString().slice(11, 16));
      await page.getByLabel('拜访目的').fill(`e2e 提醒 ${stamp()}`);
      await page.getByRole('button', { name: '保存拜访计划' }).click();
      await page.getByText('拜访已计划').waitFor();
      const soon = await until(() => svc.messages.find((m) => m.kind === 'VISIT_SOON' && m.title.includes('分钟后拜访') && m.title.includes(acct.name)), {
        timeout: 40_000,
        message: `a VISIT_SOON push for ${acct.name} (got ${JSON.stringify(svc.messages.map((m) => m.title))}; errors ${JSON.stringify(svc.errors)})`,
      });
      await page.locator('.push-notice').filter({ hasText: soon.title }).waitFor({ timeout: 15_000 });
      await until(async () => (await titles()).includes(soon.title), { message: 'the VISIT_SOON notification' });
      await checkScreen(page, 'push-visit-soon-zh');
      // The in-page notice leads where the reminder points.
      await page.locator('.push-notice a').filter({ hasText: soon.title }).click();
      await until(() => new URL(page.url()).pathname === soon.url, { message: `the app to open ${soon.url}` });
      assert(!svc.errors.length, `the push service refused: ${svc.errors.join('; ')}`);

      // At each start the app gives the server its subscription again: a device the server
      // lost comes back with the next start, with the same endpoint.
      await gql(own, 'mutation($id: ID!) { unsubscribePush(id: $id) }', { id: s1.devices[0].id }, rep);
      assert((await settings()).devices.length === 0, 'the device was not removed on the server');
      await page.reload();
      await until(async () => (await settings()).devices.length === 1, { message: 'the app to send its subscription again at start' });

      // Off: the server forgets the browser, the browser its subscription.
      await page.goto('/settings');
      await section.getByRole('button', { name: '在此设备上关闭提醒' }).click();
      await section.getByText('此设备未开启提醒。').waitFor();
      await section.getByText('还没有设备接收你的提醒。').waitFor();
      assert((await settings()).devices.length === 0, 'the server still lists a device');
      assert((await page.evaluate(() => localStorage.getItem('e2e.fakePush'))) === null, 'the browser kept its subscription');

      // In English: the same section in words, no Chinese, no codes.
      const en = await phone({ locale: 'en-US', server: own });
      await en.context.grantPermissions(['notifications'], { origin: own.url });
      await signInFast(en.page, own, { path: '/settings' });
      await heading(en.page, 'Settings').waitFor();
      const sec = en.page.locator('section[aria-labelledby="reminders-h"]');
      await sec.getByRole('heading', { name: 'Reminders', exact: true }).waitFor();
      await sec.getByRole('button', { name: 'Turn reminders on for this device' }).waitFor();
      for (const k of ['Visit coming up', 'Sample follow-up', 'Problem service level', 'Change notice to acknowledge', 'Daily digest']) {
        await sec.getByRole('button', { name: k, exact: true }).waitFor();
      }
      await sec.getByText('No device receives your reminders yet.').waitFor();
      assert(await sec.getByRole('button', { name: 'Send a test notification' }).isDisabled(), 'the test is offered with no device');
      const text = await sec.innerText();
      assert(!/[\u4e00-\u9fff]/.test(text), `Chinese in the English reminders: ${text}`);
      assert(!/\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/.test(text), `a raw code in the reminders: ${text}`);
      await checkScreen(en.page, 'reminders-en');
    } finally {
      await own.stop();
      await svc.stop();
    }
  },
  { timeout: 240_000 },
);

// ---------------------------------------------------------------------------------------
/** A real JPEG, drawn by the browser (no fixture in the repo). */
async function jpeg(page) {
  const url = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 120;
    c.height = 90;
    const g = c.getContext('2d');
    g.fillStyle = '#0f5c4d';
    g.fillRect(0, 0, 120, 90);
    g.fillStyle = '#f5f7f8';
    g.fillRect(20, 20, 80, 50);
    return c.toDataURL('image/jpeg', 0.9);
  });
  return Buffer.from(url.split(',')[1], 'base64');
}

/** A browser of its own with a fake microphone (a tone), and a phone in it. */
async function micPhone(server, opts) {
  const browser = await launchBrowser({ args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] });
  const context = await phoneContext(browser, server, opts);
  await context.grantPermissions(['microphone'], { origin: server.url });
  const errors = [];
  context.on('page', (p) => p.on('pageerror', (e) => errors.push(e.message)));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text()) && errors.push(`CSP: ${m.text()}`));
  return { browser, context, page, errors };
}

journey(
  'visit-media',
  async ({ server }) => {
    const { browser, context, page, errors } = await micPhone(server, { locale: 'zh-CN' });
    try {
      const acct = await ownAccount(server);
      await signInFast(page, server, { path: `/customers/${acct.id}` });
      await heading(page, acct.name).waitFor();
      await page.getByRole('link', { name: '拜访模式' }).click();
      await page.getByRole('heading', { name: '记录拜访' }).waitFor();

      const capture = page.getByRole('group', { name: '现场照片和语音备忘' });
      await capture.getByTestId('visit-media-gallery').setInputFiles({ name: 'line.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page) });
      await capture.getByRole('img', { name: '照片 1' }).waitFor();
      await capture.getByRole('button', { name: '录语音备忘' }).click();
      await capture.getByRole('timer').filter({ hasText: '正在录音' }).waitFor();
      await page.waitForTimeout(2300);
      await capture.getByRole('button', { name: '停止录音' }).click();
      const voice = capture.locator('.voice-list li').filter({ hasText: /^语音备忘 1 · 0:0[23]/ });
      await voice.waitFor();
      // Played back before it is saved (Web Audio: the page's CSP takes no blob: media).
      await voice.getByRole('button', { name: /^播放语音备忘 1/ }).click();
      await voice.getByRole('button', { name: '停止' }).waitFor();
      await voice.getByRole('button', { name: '停止' }).click();
      await checkScreen(page, 'visit-media-zh');

      await context.setOffline(true);
      await page.getByRole('status').filter({ hasText: /^离线/ }).waitFor();
      const findings = `e2e 现场照片 ${stamp()}：产线换了新模具`;
      await page.getByLabel('了解到的情况').fill(findings);
      await page.getByRole('button', { name: '保存拜访记录' }).click();
      await page.getByText('拜访记录已保存在手机上').waitFor();
      await page.getByRole('button', { name: '返回客户' }).click();
      await heading(page, acct.name).waitFor();
      const talks = page.locator('section[aria-labelledby="talks-h"] .card').filter({ hasText: findings });
      await talks.filter({ hasText: '等待发送' }).filter({ hasText: '1 张照片 · 1 条语音' }).waitFor();
      await checkScreen(page, 'visit-media-waiting-zh');

      await context.setOffline(false);
      await page.getByRole('status').filter({ hasText: '已同步 1 条' }).waitFor({ timeout: 30_000 });

      const admin = await token(server);
      const q = `query($f: String!) { interactions(first: 5, where: { findings: $f }) { totalCount edges { node { id media { id kind contentType durationSeconds sizeBytes } } } } }`;
      const check = async () => {
        const d = await gql(server, q, { f: findings }, admin);
        assert(d.interactions.totalCount === 1, `${d.interactions.totalCount} interactions with the findings, want 1`);
        const media = d.interactions.edges[0].node.media;
        assert(media.length === 2, `the visit has ${media.length} media notes, want 2: ${JSON.stringify(media)}`);
        const photo = media.find((m) => m.kind === 'PHOTO');
        const vn = media.find((m) => m.kind === 'VOICE');
        assert(photo?.contentType === 'image/jpeg', `photo: ${JSON.stringify(photo)}`);
        assert(vn?.contentType === 'audio/webm' && vn.durationSeconds >= 1, `voice note: ${JSON.stringify(vn)}`);
      };
      await check();

      // The account shows them: the photo (large on a tap) and a player.
      const card = page.locator('section[aria-labelledby="talks-h"] .card').filter({ hasText: findings });
      await card.filter({ hasNotText: '等待发送' }).waitFor({ timeout: 15_000 });
      const thumb = card.getByRole('button', { name: '放大查看照片 1' });
      await thumb.scrollIntoViewIfNeeded(); // loading="lazy"
      await until(() => thumb.locator('img').evaluate((img) => img.complete && img.naturalWidth === 120), { message: 'the thumbnail to load from the server' });
      const audio = card.locator('audio');
      await audio.waitFor();
      await until(() => audio.evaluate((a) => a.readyState >= 1), { message: 'the voice note to load from the server' });
      assert((await card.getByText(/语音备忘 1 · 0:0[23]/).count()) === 1, 'the voice note’s length is not shown');
      await checkScreen(page, 'visit-media-account-zh');
      await thumb.click();
      const dialog = page.getByRole('dialog', { name: '照片 1 / 1' });
      await dialog.waitFor();
      await checkScreen(page, 'visit-media-photo-zh');
      await dialog.getByRole('button', { name: '关闭' }).click();
      await dialog.waitFor({ state: 'detached' });

      // Another sync (a reload flushes the queue again) stores nothing twice.
      await page.reload();
      await heading(page, acct.name).waitFor();
      await page.waitForTimeout(1500);
      await check();
      assert(!errors.length, errors.join('\n'));
    } catch (e) {
      await shot(page, 'FAIL-visit-media').catch(() => {});
      throw e;
    } finally {
      await browser.close();
    }
  },
  { timeout: 180_000 },
);

// ---------------------------------------------------------------------------------------
journey('trial-media', async ({ server, phone }) => {
  const acct = await ownAccount(server);
  const d = await gql(
    server,
    `query($o: ID!) { samples(first: 1, where: { hasTrials: true, hasCustomerWith: [{ ownerID: $o }] }) { edges { node { id product { name } trials(first: 1, orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { id } } } } } } }`,
    { o: acct.me },
    acct.tok,
  );
  const sample = d.samples.edges[0]?.node;
  assert(sample, 'rep1 has no sample with a trial in the demo data');
  const trialID = sample.trials.edges[0].node.id;
  const { page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { path: `/samples/${sample.id}` });
  await heading(page, sample.product.name).waitFor();
  const card = page.getByTestId(`trial-${trialID}`);
  await card.waitFor();
  const before = (await gql(server, `query($id: ID!) { node(id: $id) { ... on Trial { media { id } } } }`, { id: trialID }, acct.tok)).node.media.length;
  await card.locator('summary', { hasText: '添加照片或语音备忘' }).click(); // a trial keeps its capture folded
  const capture = card.getByRole('group', { name: '添加照片或语音备忘' });
  await capture.getByTestId(`trial-media-${trialID}-gallery`).setInputFiles({ name: 'panel.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page) });
  await capture.getByRole('img', { name: '照片 1' }).waitFor();
  await card.getByRole('button', { name: '发送 1 个' }).click();
  await card.getByText('已发送。').waitFor();
  const thumb = card.getByRole('button', { name: `放大查看照片 ${before + 1}` });
  await thumb.scrollIntoViewIfNeeded(); // loading="lazy"
  await until(() => thumb.locator('img').evaluate((img) => img.complete && img.naturalWidth === 120), { message: 'the trial photo to load' });
  const media = async () => (await gql(server, `query($id: ID!) { node(id: $id) { ... on Trial { media { kind contentType } } } }`, { id: trialID }, acct.tok)).node.media;
  const after = await media();
  assert(after.length === before + 1 && after.at(-1).kind === 'PHOTO' && after.at(-1).contentType === 'image/jpeg', `the trial's media: ${JSON.stringify(after)}`);
  await noRawCodes(page, 'trial-media-zh');
  await checkScreen(page, 'trial-media-zh');

  // Large on a tap, and deleted there after a question.
  const n = before + 1;
  await thumb.click();
  const dialog = page.getByRole('dialog', { name: `照片 ${n} / ${n}` });
  await dialog.getByRole('img').waitFor();
  await dialog.getByRole('button', { name: `删除照片 ${n}` }).click();
  await dialog.getByRole('group', { name: '确定删除这张照片？' }).getByRole('button', { name: '确定删除' }).click();
  await dialog.waitFor({ state: 'detached' });
  await card.getByText('已删除。').waitFor();
  await until(async () => (await media()).length === before, { message: 'the photo to be deleted on the server' });
  assert((await card.getByRole('button', { name: `放大查看照片 ${n}` }).count()) === 0, 'the deleted photo is still shown');
});
