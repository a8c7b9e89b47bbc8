// The phone app's journeys, in a real Chromium against the real server with demo data.
//
//   cd frontend && npm run build && cd .. && go build -o /tmp/tandem ./server
//   TANDEM_BIN=/tmp/tandem node frontend/e2e/journeys.mjs [name-filter ...]
//
// A journey written before its screen exists can be marked `{ pending: 'why' }`: it runs,
// but a failure is reported as PENDING instead of failing the run (E2E_STRICT=1 treats it
// as real). Remove the marker as soon as the screen lands. Every journey below runs against
// a screen that exists (none is pending).
// Screenshots land in frontend/e2e/screenshots/ (git-ignored).
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import {
  ADMIN,
  assert,
  checkScreen,
  gql,
  heading,
  journey,
  login,
  ownAccount,
  pageOffline,
  pngBuffer,
  REP,
  run,
  serviceWorkerReady,
  shot,
  signInFast,
  signInUI,
  stamp,
  startServer,
  token,
  until,
} from './lib.mjs';

/** Opens an account the rep owns (what their Today follows), not a teammate's: its name and ID. */
async function openOwnAccount(page, server) {
  const { id, name } = await ownAccount(server);
  await page.goto(`/customers/${id}`);
  await heading(page, name).waitFor();
  return { customerName: name, customerID: id };
}

/** From the account list (signed in, heading shown), opens the first account: its name and ID. */
async function openFirstAccount(page) {
  const first = page.locator('main a.row[href^="/customers/"]').first();
  await first.waitFor();
  const customerName = (await first.locator('.row-title').textContent()).trim();
  await first.click();
  await page.waitForURL(/\/customers\/[^/]+$/);
  await heading(page, customerName).waitFor();
  return { customerName, customerID: decodeURIComponent(new URL(page.url()).pathname.split('/')[2]) };
}

// ---------------------------------------------------------------------------------------
// (a) Sign in as a rep → Today, with the count badge on the Today tab.
journey('signin-today', async ({ server, phone }) => {
  const { page } = await phone({ locale: 'en-US' });
  await page.goto('/');
  await page.waitForURL(/\/signin\?next=/);
  await page.getByRole('heading', { level: 1, name: 'Sign in to Tandem' }).waitFor();
  await checkScreen(page, 'signin-en');

  // A wrong password is refused with an alert, not a crash.
  await page.getByLabel('Email').fill(REP);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'wrong' }).waitFor();

  await signInUI(page, REP);
  assert(new URL(page.url()).pathname === '/', `landed on ${page.url()}, not /`);
  await heading(page, 'Today').waitFor();
  await page.getByText(/^Hello, /).waitFor();

  const tok = (await login(server, REP)).accessToken;
  const { today } = await gql(server, '{ today { total } }', {}, tok);
  const tab = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Today/ });
  assert((await tab.getAttribute('aria-current')) === 'page', 'the Today tab is not marked current');
  const badge = tab.locator('.tab-badge');
  await badge.waitFor();
  const shown = Number((await badge.textContent()).trim());
  assert(shown > 0, `the Today badge shows "${await badge.textContent()}"`);
  assert(shown === today.total, `the Today badge shows ${shown}, the server says today.total = ${today.total}`);
  await checkScreen(page, 'today-en');

  // The server sends the five most urgent of each kind; the rest of a kind on request.
  const { today: full } = await gql(server, '{ today(first: 100) { counts { kind count } } }', {}, tok);
  const big = full.counts.find((c) => c.count > 5);
  assert(big, `no kind of rep1's Today has more than 5 items: ${JSON.stringify(full.counts)}`);
  const rows = page.locator(`li[data-kind="${big.kind}"]`);
  const kindRow = page.locator(`[data-more="${big.kind}"]`);
  assert((await rows.count()) === 5, `${big.kind} shows ${await rows.count()} items at first, not 5`);
  assert((await kindRow.locator('.count').textContent()).trim() === String(big.count), `${big.kind}'s count is not ${big.count}`);
  await kindRow.getByRole('button', { name: new RegExp(`: show ${big.count - 5} more$`) }).click();
  await until(async () => (await rows.count()) === big.count, { message: `${big.kind} never showed all ${big.count} items` });
  assert((await kindRow.getByRole('button').count()) === 0, `${big.kind} still offers more after showing all`);
});

// ---------------------------------------------------------------------------------------
// (b) Switch the language in Settings (zh ↔ en): the UI text follows, and it is kept.
journey('language', async ({ server, phone }) => {
  const { page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { path: '/' });
  await heading(page, '今日').waitFor();
  await page.getByText(/，你好$/).waitFor();
  await checkScreen(page, 'today-zh');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link', { name: '设置' }).click();
  await heading(page, '设置').waitFor();
  assert((await page.locator('html').getAttribute('lang')) === 'zh-CN', 'html lang is not zh-CN');
  await checkScreen(page, 'settings-zh');

  await page.getByRole('button', { name: 'English' }).click();
  await heading(page, 'Settings').waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).waitFor();
  assert((await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')) === 'true', 'English is not pressed');
  assert((await page.locator('html').getAttribute('lang')) === 'en', 'html lang is not en');
  await checkScreen(page, 'settings-en');

  await page.reload();
  await heading(page, 'Settings').waitFor(); // the choice outlives a reload (zh-CN browser)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await heading(page, 'Today').waitFor();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: '中文' }).click();
  await heading(page, '设置').waitFor();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '今日' }).waitFor();
});

// ---------------------------------------------------------------------------------------
// (c) Log a visit with no network: it waits in the queue, goes out when the network is
// back, and the server holds exactly one interaction with those findings.
journey('offline-visit', async ({ server, phone }) => {
  const { context, page } = await phone({ locale: 'en-US' });
  await signInFast(page, server, { path: '/accounts' });
  await heading(page, 'Accounts').waitFor();
  const first = page.locator('main a.row[href^="/customers/"]').first();
  await first.waitFor();
  await checkScreen(page, 'accounts-en');
  const customerName = (await first.locator('.row-title').textContent()).trim();
  await first.click();
  await page.waitForURL(/\/customers\/[^/]+$/);
  const customerID = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
  await heading(page, customerName).waitFor();
  await page.getByRole('link', { name: 'Visit mode' }).waitFor();
  await checkScreen(page, 'account-en');

  await page.getByRole('link', { name: 'Visit mode' }).click();
  await page.waitForURL(`**/customers/${encodeURIComponent(customerID)}/visit`);
  await page.getByRole('heading', { name: 'Log the visit' }).waitFor();
  await checkScreen(page, 'visit-en');

  await context.setOffline(true);
  await page.getByRole('status').filter({ hasText: /^Offline/ }).waitFor();

  const findings = `e2e offline visit ${stamp()}: they want a lower-VOC grade`;
  await page.getByRole('button', { name: 'Phone', exact: true }).click();
  assert((await page.getByRole('button', { name: 'Phone', exact: true }).getAttribute('aria-pressed')) === 'true', 'Phone is not pressed');
  await page.getByLabel('What we learned').fill(findings);
  await page.getByRole('textbox', { name: /^Next step/ }).fill('Send the TDS of the low-VOC grade');
  await page.getByRole('button', { name: 'Tomorrow' }).click();
  await page.getByRole('button', { name: 'Save visit log' }).click();
  await page.getByText('Visit saved on this phone').waitFor();
  await page.getByRole('status').filter({ hasText: '1 waiting to send' }).waitFor();
  await shot(page, 'visit-saved-offline');

  // The account shows the visit at once, marked as waiting (from the offline copy).
  await page.getByRole('button', { name: 'Back to the account' }).click();
  await heading(page, customerName).waitFor();
  const waitingCard = page.locator('section[aria-labelledby="talks-h"] .card').filter({ hasText: findings });
  await waitingCard.filter({ hasText: 'waiting to be sent' }).waitFor();
  await shot(page, 'account-visit-waiting');

  // The queue in Settings (client-side navigation: there is no network).
  // The status bar is a link to the queue (an <a href> with role="status").
  await page.getByRole('status').filter({ hasText: '1 waiting to send' }).click();
  await heading(page, 'Settings').waitFor();
  const queue = page.locator('#queue-h').locator('..');
  await queue.locator('.queue-item').filter({ hasText: customerName }).filter({ hasText: 'waiting' }).waitFor();
  assert((await queue.locator('.queue-item').count()) === 1, 'the queue does not hold exactly 1 item');
  await checkScreen(page, 'queue-offline-en');

  // Back online: the queue empties by itself, and the status bar says what was sent.
  await context.setOffline(false);
  await page.getByRole('status').filter({ hasText: 'Synced: 1 sent' }).waitFor({ timeout: 30_000 });
  await queue.getByText('Everything is sent.').waitFor({ timeout: 30_000 });
  await until(async () => (await page.getByRole('status').filter({ hasText: 'waiting' }).count()) === 0, { message: 'the status bar to clear' });

  // On the server: exactly one interaction with these findings, on that customer.
  const admin = await token(server, ADMIN);
  const q = `query($f: String!) { interactions(first: 10, where: { findings: $f }) { totalCount edges { node { id kind customer { id } nextStep } } } }`;
  const check = async () => {
    const d = await gql(server, q, { f: findings }, admin);
    assert(d.interactions.totalCount === 1, `the server has ${d.interactions.totalCount} interactions with the findings, want 1`);
    const n = d.interactions.edges[0].node;
    assert(n.customer.id === customerID, `the interaction is on ${n.customer.id}, not ${customerID}`);
    assert(n.kind === 'PHONE', `kind ${n.kind}, want PHONE`);
  };
  await check();
  // Reopening the app must not send it again.
  await page.reload();
  await heading(page, 'Settings').waitFor();
  await page.waitForTimeout(1500);
  await check();
});

// ---------------------------------------------------------------------------------------
// (c2) Plan a visit for later today (in Chinese) → Today lists it under 待拜访 → open it,
// log it → Today no longer lists it, and the plan itself holds the log (no second record).
journey('plan-visit', async ({ server, phone }) => {
  // Today is a UTC day on the server; near midnight the plan would fall tomorrow.
  const toMidnight = 86_400_000 - (Date.now() % 86_400_000);
  if (toMidnight < 10 * 60_000) await new Promise((r) => setTimeout(r, toMidnight + 5_000));
  const { page } = await phone({ locale: 'zh-CN', timezoneId: 'UTC' });
  await signInFast(page, server, { path: '/accounts' });
  await heading(page, '客户').waitFor();
  // Today follows the rep's own accounts: the first in the list may be a teammate's.
  await openOwnAccount(page, server);
  await page.getByRole('link', { name: '计划拜访' }).click();
  await page.waitForURL(/\/plan$/);
  await page.getByRole('button', { name: '保存拜访计划' }).waitFor();
  await checkScreen(page, 'plan-visit-zh');

  // Refused first: no purpose.
  await page.getByLabel('拜访目的').fill('');
  await page.getByRole('button', { name: '保存拜访计划' }).click();
  await page.getByRole('alert').filter({ hasText: '请填写拜访目的' }).waitFor();

  const purpose = `e2e 计划拜访 ${stamp()}：中试结果`;
  const at = new Date(Date.now() + 5 * 60_000);
  await page.getByLabel('日期', { exact: true }).fill(at.toISOString().slice(0, 10));
  await page.getByLabel('时间', { exact: true }).fill(at.toISOString().slice(11, 16));
  await page.getByLabel('拜访目的').fill(purpose);
  await page.getByRole('button', { name: '技术', exact: true }).click();
  const person = page.getByRole('group', { name: '将要见的人' }).getByRole('button').first();
  const personName = (await person.textContent()).trim();
  await person.click();
  await page.getByRole('button', { name: '保存拜访计划' }).click();
  await page.getByText('拜访已计划').waitFor();

  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link', { name: '今日' }).click();
  await heading(page, '今日').waitFor();
  const row = page.locator('section[aria-labelledby="u-TODAY"] li[data-kind="VISIT_DUE"] a.row').filter({ hasText: purpose });
  await row.waitFor();
  // A visit is listed with its time of day (the browser runs in UTC, as the server's day).
  const hhmm = at.toISOString().slice(11, 16);
  assert((await row.locator('.row-side').textContent()).trim() === hhmm, `the visit's row shows "${await row.locator('.row-side').textContent()}", not ${hhmm}`);
  await row.click();
  await page.waitForURL(/\/visit$/);
  await page.getByText('此记录将完成计划于').waitFor();
  // The lobby card: the stage and how long, and whom the plan says we meet.
  const lobby = page.getByRole('region', { name: '进门前看一眼' });
  await lobby.getByText(/，已 \d+ 天/).waitFor();
  await lobby.getByRole('listitem').filter({ hasText: personName }).waitFor();
  // The preparation card names the topics in Chinese, not by their codes.
  await page.locator('.prep li').filter({ hasText: /^技术$/ }).waitFor();
  assert(!/TECHNICAL/.test(await page.locator('.prep').innerText()), 'the preparation card shows a raw topic code');
  await checkScreen(page, 'visit-plan-zh');

  const findings = `e2e 拜访记录 ${stamp()}：下周开始中试`;
  await page.getByLabel('了解到的情况').fill(findings);
  await page.getByRole('textbox', { name: /^下一步/ }).fill('寄中试样品');
  await page.getByText('未选期限：一周后到期。').waitFor();
  await page.getByRole('button', { name: '保存拜访记录' }).click();
  await page.getByText('拜访已记录。').waitFor();

  await nav.getByRole('link', { name: '今日' }).click();
  await heading(page, '今日').waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading'));
  await until(async () => (await page.locator('a.row').filter({ hasText: purpose }).count()) === 0, {
    message: 'the logged visit to leave Today',
  });

  const admin = await token(server, ADMIN);
  const d = await gql(
    server,
    `query($s: String!) { interactions(first: 5, where: { summary: $s }) { totalCount edges { node { findings loggedAt nextStepDue } } } }`,
    { s: purpose },
    admin,
  );
  assert(d.interactions.totalCount === 1, `${d.interactions.totalCount} contacts carry the plan's purpose, want 1`);
  const n = d.interactions.edges[0].node;
  assert(n.findings === findings && n.loggedAt, `the plan after its log: ${JSON.stringify(n)}`);
  const days = (Date.parse(n.nextStepDue) - Date.now()) / 86_400_000;
  assert(days > 6.9 && days < 7.1, `the next step without a date is due in ${days.toFixed(2)} days, want 7`);
});

// ---------------------------------------------------------------------------------------
// (c3) Done in one tap on Today: the task goes through the queue, the status bar says it
// was sent, Today asks again and the task is gone; the server holds it DONE.
journey('today-done', async ({ server, phone }) => {
  const { page } = await phone({ locale: 'en-US' });
  await signInFast(page, server, { path: '/' });
  await heading(page, 'Today').waitFor();
  const group = page.locator('[data-more="TASK_OVERDUE"]');
  const count = Number((await group.locator('.count').textContent()).trim());
  const first = page.locator('li[data-kind="TASK_OVERDUE"]').first();
  const title = (await first.locator('.row-title').textContent()).trim();
  await first.getByRole('button', { name: `Done: ${title}` }).click();
  await page.getByRole('status').filter({ hasText: 'Synced: 1 sent' }).waitFor({ timeout: 30_000 });
  await until(async () => (await page.locator('a.row').filter({ hasText: title }).count()) === 0, { message: 'the done task to leave Today' });
  await until(async () => Number((await group.locator('.count').textContent()).trim()) === count - 1, {
    message: `the overdue count to go from ${count} to ${count - 1}`,
  });
  await checkScreen(page, 'today-after-done-en');
  const admin = await token(server, ADMIN);
  const d = await gql(server, `query($t: String!) { tasks(first: 5, where: { title: $t }) { edges { node { status doneAt } } } }`, { t: title }, admin);
  assert(d.tasks.edges.some((e) => e.node.status === 'DONE' && e.node.doneAt), `the task "${title}" is not done on the server: ${JSON.stringify(d)}`);
});

// ---------------------------------------------------------------------------------------
// (c4) Today as a plan (in Chinese): act first, today's schedule, this week's follow-ups,
// in that order; an account's overdue key persons are one row, with a number to call; a
// row snoozed until tomorrow leaves the list here and on the server, and Undo brings it back.
journey('today-plan', async ({ server, phone }) => {
  const { page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { path: '/' });
  await heading(page, '今日').waitFor();
  // The heading shows before Today's answer; the plan's parts come with it.
  const parts = page.locator('section[aria-labelledby^="u-"] > h2');
  await parts.first().waitFor();
  const heads = await parts.allTextContents();
  const order = ['先处理', '今天的安排', '本周跟进'];
  assert(heads.length >= 2 && heads.every((h, i) => i === 0 || order.indexOf(h) > order.indexOf(heads[i - 1])), `the plan's parts: ${heads}`);
  const kp = page.locator('li[data-kind="KEY_PERSON_OVERDUE"]');
  const accounts = (await kp.locator('.row-sub').allTextContents()).map((s) => s.split(' · ')[1]);
  assert(accounts.length > 0 && new Set(accounts).size === accounts.length, `key-person rows are not one per account: ${accounts}`);
  const call = page.locator('li.today-row a[href^="tel:"]').first();
  await call.waitFor();
  assert(/^致电：/.test(await call.getAttribute('aria-label')), `the call button is named "${await call.getAttribute('aria-label')}"`);
  await checkScreen(page, 'today-plan-zh');

  const row = page.locator('section[aria-labelledby="u-LATER"] li.today-row').first();
  const title = (await row.locator('.row-title').textContent()).trim();
  const kind = await row.getAttribute('data-kind');
  await row.getByRole('button', { name: `推迟：${title}` }).click();
  await row.getByRole('group', { name: '推迟到' }).getByRole('button', { name: '明天' }).click();
  await page.getByRole('status').filter({ hasText: `“${title}”已推迟到` }).waitFor();
  const listed = async () => (await page.locator(`li[data-kind="${kind}"] .row-title`).allTextContents()).includes(title);
  await until(async () => !(await listed()), { message: 'the snoozed row to leave Today' });
  await page.getByRole('status').filter({ hasText: '已同步 1 条' }).waitFor({ timeout: 30_000 });
  const rep = await token(server, REP);
  const onServer = async () => (await gql(server, `query($k: TodayKind!) { today(kind: $k, first: 100) { items { title } } }`, { k: kind }, rep)).today.items.some((i) => i.title === title);
  assert(!(await onServer()), `the server still lists "${title}" after the snooze`);
  await checkScreen(page, 'today-snoozed-zh');

  await page.getByRole('button', { name: '撤销' }).click();
  await until(onServer, { message: 'the server to list the row again after Undo', timeout: 30_000 });
  await until(listed, { message: 'the row to come back on Today after Undo', timeout: 30_000 });
});

// ---------------------------------------------------------------------------------------
// (c4) Add a contact with no network (in Chinese): it shows on the account at once, marked
// as waiting, goes out when the network is back, and the server holds exactly one.
journey('offline-contact', async ({ server, phone }) => {
  const { context, page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { path: '/accounts' });
  await heading(page, '客户').waitFor();
  const { customerName, customerID } = await openFirstAccount(page);
  await page.getByRole('link', { name: '+ 新建联系人' }).click();
  await page.getByRole('button', { name: '保存联系人' }).waitFor();
  await checkScreen(page, 'contact-new-zh');

  await context.setOffline(true);
  await page.getByRole('status').filter({ hasText: /^离线/ }).waitFor();
  await page.getByRole('button', { name: '保存联系人' }).click();
  await page.getByRole('alert').filter({ hasText: '请填写联系人姓名。' }).waitFor();

  const name = `王经理 e2e${stamp()}`;
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('职务').fill('仓库经理');
  await page.getByRole('button', { name: '仓库', exact: true }).click();
  await page.getByLabel('手机').fill('138 0013 8000');
  await page.getByRole('button', { name: '保存联系人' }).click();
  await page.getByText('联系人已保存在手机上').waitFor();
  await page.getByRole('link', { name: '返回客户' }).click();
  await heading(page, customerName).waitFor();
  await page.locator('.contact').filter({ hasText: name }).filter({ hasText: '等待发送' }).waitFor();

  await context.setOffline(false);
  await page.getByRole('status').filter({ hasText: '已同步 1 条' }).waitFor({ timeout: 30_000 });
  // Asked again after the sync: the contact is the server's now, with its number.
  await page.locator('.contact').filter({ hasText: name }).filter({ hasText: '138 0013 8000' }).waitFor();
  assert((await page.locator('.contact').filter({ hasText: '等待发送' }).count()) === 0, 'a contact is still marked waiting after the sync');
  // Saved to the phone's address book as a vCard, with the account as the company.
  const [card] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.contact').filter({ hasText: name }).getByRole('button', { name: `存入手机：${name}` }).click(),
  ]);
  const vcf = await readFile(await card.path(), 'utf8');
  assert(card.suggestedFilename() === `${name}.vcf` && vcf.includes(`FN:${name}`) && vcf.includes(`ORG:${customerName}`) && vcf.includes('TEL;TYPE=CELL:138 0013 8000'),
    `the vCard ${card.suggestedFilename()}: ${vcf}`);

  const admin = await token(server, ADMIN);
  const d = await gql(server, `query($n: String!) { contacts(first: 5, where: { name: $n }) { totalCount edges { node { department mobile customer { id } } } } }`, { n: name }, admin);
  assert(d.contacts.totalCount === 1, `the server has ${d.contacts.totalCount} contacts named ${name}, want 1`);
  const c = d.contacts.edges[0].node;
  assert(c.customer.id === customerID && c.department === 'WAREHOUSE' && c.mobile === '138 0013 8000', `the contact: ${JSON.stringify(c)}`);

  // Search finds the account by its contact's name, and another by an order number.
  const rep = (await login(server, REP)).accessToken;
  const o = (await gql(server, `{ orders(first: 1, orderBy: { field: ORDERED_AT, direction: DESC }) { edges { node { number customer { name } } } } }`, {}, rep))
    .orders.edges[0].node;
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '客户' }).click();
  await heading(page, '客户').waitFor();
  const search = page.getByRole('searchbox', { name: '搜索客户' });
  for (const [q, want] of [
    [name, customerName],
    [o.number, o.customer.name],
  ]) {
    await search.fill(q);
    await until(async () => {
      const titles = await page.locator('main a.row .row-title').allTextContents();
      return titles.length === 1 && titles[0].trim() === want; // that account alone
    }, { message: `searching "${q}" to list ${want} alone` });
  }
  await search.fill('');
});

// ---------------------------------------------------------------------------------------
// (c6) Search as people in China type: pinyin initials, whole pinyin with a space,
// traditional characters with a space, full-width letters — each finds 嘉兴瑞丰塑胶 alone
// among the accounts called 瑞丰 — in English and in Chinese.
journey('search-pinyin', async ({ server, phone }) => {
  for (const [locale, label, nav, tab] of [
    ['en-US', 'Search accounts', 'Main', 'Accounts'],
    ['zh-CN', '搜索客户', '主导航', '客户'],
  ]) {
    const { page } = await phone({ locale });
    await signInFast(page, server, { email: ADMIN, path: '/' });
    await page.getByRole('navigation', { name: nav }).getByRole('link', { name: tab }).click();
    await heading(page, tab).waitFor();
    const search = page.getByRole('searchbox', { name: label });
    for (const q of ['jxrfsj', 'ruifeng suJiao', '瑞豐 塑膠', 'ＪＸＲＦ']) {
      await search.fill(q);
      await until(
        async () => {
          const titles = (await page.locator('main a.row .row-title').allTextContents()).map((x) => x.trim());
          return titles.length === 1 && titles[0] === '嘉兴瑞丰塑胶有限公司';
        },
        { message: `${locale}: searching "${q}" to list 嘉兴瑞丰塑胶有限公司 alone` },
      );
    }
    await checkScreen(page, `search-pinyin-${locale.slice(0, 2)}`);
    await search.fill('rfxx');
    await page.getByText(locale === 'en-US' ? 'No account matches' : '没有匹配的客户').waitFor();
    await search.fill('');
  }
});

// ---------------------------------------------------------------------------------------
// (c7) Place (in Chinese): a visit logged with "签到" puts the account where the phone
// was; "附近" lists it first with the map apps' links at that point; its profile opens
// the same maps.
journey('place', async ({ server, phone }) => {
  const at = { latitude: 30.7731, longitude: 120.7395, accuracy: 20 };
  const { page } = await phone({ locale: 'zh-CN', geolocation: at, permissions: ['geolocation'] });
  await signInFast(page, server, { path: '/accounts' });
  await heading(page, '客户').waitFor();
  const { customerName, customerID } = await openFirstAccount(page);
  await page.goto(`/customers/${customerID}/visit`);
  await page.getByLabel('了解到的情况').fill(`e2e 签到 ${stamp()}`);
  await page.getByLabel('签到：记录我现在的位置').check();
  await page.getByRole('button', { name: '保存拜访记录' }).click();
  await page.getByText('拜访已记录。').waitFor({ timeout: 20_000 });
  const admin = await token(server, ADMIN);
  await until(async () => {
    const d = await gql(server, `query($id: ID!) { node(id: $id) { ... on Customer { latitude longitude } } }`, { id: customerID }, admin);
    return Math.abs(d.node.latitude - at.latitude) < 1e-6 && Math.abs(d.node.longitude - at.longitude) < 1e-6;
  }, { message: 'the account to take the check-in as its place', timeout: 30_000 });

  await page.goto('/accounts');
  await page.getByRole('link', { name: '附近' }).click();
  await heading(page, '附近的客户').waitFor();
  const first = page.locator('li.nearby-row').first();
  await first.locator('.row-title').filter({ hasText: customerName }).waitFor({ timeout: 20_000 });
  assert((await first.locator('.row-side').textContent()).trim() === '10 米', `the account is "${await first.locator('.row-side').textContent()}" away`);
  const amap = await first.getByRole('link', { name: '高德地图' }).getAttribute('href');
  assert(amap.includes('position=120.739500,30.773100') && amap.includes('coordinate=wgs84'), `the 高德 link: ${amap}`);
  await checkScreen(page, 'nearby-zh');

  await page.goto(`/customers/${customerID}/profile`);
  await page.getByRole('group', { name: '在地图中打开' }).getByRole('link', { name: '百度地图' }).waitFor();
});

// ---------------------------------------------------------------------------------------
// (c8) The printed report (in Chinese) opens with a summary; key persons' personal needs
// are printed only when chosen; the margins carry page numbers and the confidentiality
// mark; the page prints to a PDF.
journey('printed-report', async ({ server, phone }) => {
  const admin = await token(server, ADMIN);
  const d = await gql(server, '{ keyPersons(first: 50, where: { activeToIsNil: true }) { edges { node { personalNeeds customer { id name } } } } }', {}, admin);
  const withNeeds = d.keyPersons.edges.map((e) => e.node).filter((n) => n.personalNeeds);
  // An account with a long English name when the demo has one: the PDF wraps it at spaces.
  const kp = withNeeds.find((n) => /^[A-Za-z].* /.test(n.customer.name)) ?? withNeeds[0];
  assert(kp, 'no key person of the demo has personal needs');
  const { page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { email: ADMIN, path: `/customers/${kp.customer.id}/report` });
  const summary = page.getByRole('region', { name: '摘要' });
  await summary.waitFor();
  assert(/，已 \d+ 天/.test(await summary.locator('dd').first().textContent()), `the summary's stage: ${await summary.locator('dd').first().textContent()}`);
  await summary.getByText(/^\d{4} 年至今$/).waitFor();
  await summary.getByText('下一个里程碑').waitFor();
  // Neither on the key persons' cards nor among the needs (a PERSONAL need) until chosen.
  const kpCards = page.locator('section[aria-labelledby="rp-kp"]');
  await kpCards.locator('.rp-card').first().waitFor();
  assert((await kpCards.locator('dt', { hasText: '个人需求' }).count()) === 0, 'personal needs are printed without being chosen');
  assert((await page.getByText(kp.personalNeeds, { exact: false }).count()) === 0, `"${kp.personalNeeds}" is printed without being chosen`);
  const personalNeed = page.locator('section[aria-labelledby="rp-needs"] .rp-tags', { hasText: '个人' });
  assert((await personalNeed.count()) === 0, 'a personal need is listed without being chosen');
  // Shared as a PDF file (saved here: headless Chromium has no share sheet): the
  // report's text as shown, with the mark and page numbers, without the personal needs.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '分享 PDF' }).click()]);
  assert(download.suggestedFilename() === `客户报告-${kp.customer.name}.pdf`, `the PDF's name: ${download.suggestedFilename()}`);
  // Lines wrap at spaces (a long English name), so the text is read with its spaces folded.
  const pdfText = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', await download.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const fold = (x) => x.replace(/\s+/g, ' ').trim();
  for (const want of [kp.customer.name, '摘要', '内部资料 · 注意保密', '第 1 页 / 共']) assert(pdfText.includes(fold(want)), `the shared PDF lacks "${want}": ${pdfText.slice(0, 300)}`);
  assert(!pdfText.includes(fold(kp.personalNeeds)), 'the shared PDF carries personal needs that were not chosen');
  await page.getByText('PDF 已保存到下载。').waitFor();
  await page.getByLabel('包含个人需求').check();
  await kpCards.locator('dd', { hasText: kp.personalNeeds }).first().waitFor();
  const { needs } = await gql(server, `query($c: ID!) { needs(first: 1, where: { customerID: $c, level: PERSONAL, statusIn: [IDENTIFIED, ADDRESSED] }) { totalCount } }`, { c: kp.customer.id }, admin);
  if (needs.totalCount) await personalNeed.first().waitFor();
  const marks = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.textContent).join('\n'));
  assert(marks.includes('内部资料 · 注意保密') && marks.includes('counter(pages)'), 'the page margins carry no mark or page numbers');
  await checkScreen(page, 'report-zh');
  const pdf = await page.pdf({ format: 'A4' });
  assert(pdf.subarray(0, 4).toString() === '%PDF' && pdf.length > 10_000, `the report does not print to a PDF (${pdf.length} bytes)`);
});

// ---------------------------------------------------------------------------------------
// (c9) People on the phone (in Chinese): edit a contact; make another one a key person
// (role, attitude, interval, personal needs); edit that key person. Each lands on the
// server once, through the queue.
journey('people-edit', async ({ server, phone }) => {
  const { page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { path: '/accounts' });
  await heading(page, '客户').waitFor();
  const { customerID } = await openFirstAccount(page);
  const admin = await token(server, ADMIN);
  const name = `e2e 钱 ${stamp()}`;
  await gql(server, `mutation($in: CreateContactInput!) { createContact(input: $in) { id } }`, { in: { customerID, name, mobile: '139 0000 0001' } }, admin);
  await page.reload();
  const card = page.locator('.contact').filter({ hasText: name });
  await card.waitFor();

  await card.getByRole('link', { name: `编辑：${name}` }).click();
  await heading(page, '编辑联系人').waitFor();
  await page.getByLabel('职务').fill('采购总监');
  await page.getByRole('button', { name: '保存联系人' }).click();
  await page.getByText('联系人已保存。').waitFor();
  const contactOf = async () =>
    (await gql(server, `query($n: String!) { contacts(first: 2, where: { name: $n }) { edges { node { id title mobile keyPersons(first: 2) { edges { node { id decisionRole attitude contactIntervalDays personalNeeds version } } } } } } }`, { n: name }, admin)).contacts.edges;
  await until(async () => (await contactOf())[0]?.node.title === '采购总监', { message: 'the contact to get its new title', timeout: 30_000 });
  assert((await contactOf())[0].node.mobile === '139 0000 0001', 'the edit lost the mobile');

  await page.goto(`/customers/${customerID}`);
  await page.locator('.contact').filter({ hasText: name }).getByRole('link', { name: `关键人：${name}` }).click();
  await heading(page, '新建关键人').waitFor();
  await page.getByRole('group', { name: '决策中的角色' }).getByRole('button', { name: '决策者' }).click();
  await page.getByRole('group', { name: '对我们的态度' }).getByRole('button', { name: '支持', exact: true }).click();
  await page.getByRole('button', { name: '14 天' }).click();
  await page.getByLabel(/^个人需求/).fill('孩子明年高考');
  await checkScreen(page, 'keyperson-new-zh');
  await page.getByRole('button', { name: '保存关键人' }).click();
  await page.getByText('关键人已保存。').waitFor();
  let kp;
  await until(async () => (kp = (await contactOf())[0]?.node.keyPersons.edges[0]?.node), { message: 'the key person to reach the server', timeout: 30_000 });
  assert(kp.decisionRole === 'DECISION_MAKER' && kp.attitude === 'SUPPORTER' && kp.contactIntervalDays === 14 && kp.personalNeeds === '孩子明年高考',
    `the key person: ${JSON.stringify(kp)}`);

  await page.goto(`/customers/${customerID}`);
  await page.getByRole('link', { name: `编辑关键人：${name}` }).click();
  await heading(page, '关键人').waitFor();
  await page.getByRole('group', { name: '对我们的态度' }).getByRole('button', { name: '支持者(内线)' }).click();
  await page.getByRole('button', { name: '保存关键人' }).click();
  await page.getByText('关键人已保存。').waitFor();
  await until(async () => (await contactOf())[0].node.keyPersons.edges[0].node.attitude === 'CHAMPION', { message: 'the key person to become a champion', timeout: 30_000 });
  const after = (await contactOf())[0].node.keyPersons.edges;
  assert(after.length === 1 && after[0].node.version === kp.version + 1 && after[0].node.personalNeeds === '孩子明年高考', `after the edit: ${JSON.stringify(after)}`);

  // A need of the company, a technical problem, whose it is: one need on the server.
  await page.goto(`/customers/${customerID}`);
  await page.getByRole('link', { name: '添加需求' }).click();
  await heading(page, '新建需求').waitFor();
  await page.getByRole('button', { name: '保存需求' }).click();
  await page.getByRole('alert').filter({ hasText: '请选择需求层次' }).waitFor();
  await page.getByRole('group', { name: '需求层次' }).getByRole('button', { name: '公司' }).click();
  await page.getByRole('group', { name: '公司需要' }).getByRole('button', { name: '技术' }).click();
  await page.getByRole('group', { name: '可能的问题' }).getByRole('button', { name: '技术问题' }).click();
  const need = `e2e 需求 ${stamp()}：新产线需要耐候配方`;
  await page.getByLabel('需求内容（客户的原话）').fill(need);
  await page.getByLabel('关键人').selectOption({ label: name });
  await checkScreen(page, 'need-new-zh');
  await page.getByRole('button', { name: '保存需求' }).click();
  await page.getByText('需求已保存。').waitFor();
  const needs = async () =>
    (await gql(server, `query($c: ID!) { needs(first: 100, where: { customerID: $c }) { edges { node { description level companyAspect likelyProblem keyPerson { contact { name } } } } } }`, { c: customerID }, admin))
      .needs.edges.map((e) => e.node).filter((n) => n.description === need);
  await until(async () => (await needs()).length === 1, { message: 'the need to reach the server once', timeout: 30_000 });
  const n = (await needs())[0];
  assert(n.level === 'COMPANY' && n.companyAspect === 'TECHNOLOGY' && n.likelyProblem === 'TECHNICAL' && n.keyPerson?.contact.name === name, `the need: ${JSON.stringify(n)}`);
});

// ---------------------------------------------------------------------------------------
// (d) Advance a sample one step (SampleDetail at /samples/:id: one "Mark as <status>" button
// per forward move; the step goes through the offline queue).
journey('advance-sample', async ({ server, phone }) => {
  const s = await login(server, REP);
  const d = await gql(
    server,
    `{ samples(first: 50, where: { statusIn: [PREPARED, SHIPPED] }) { edges { node {
        id status version allowedNextStatuses product { name } docManual docMsds docLabel docPrecautions } } } }`,
    {},
    s.accessToken,
  );
  const next = { PREPARED: ['SHIPPED', 'Shipped'], SHIPPED: ['RECEIVED', 'Received'] };
  // SHIPPED → RECEIVED first; PREPARED → SHIPPED only with every document ticked (the server
  // refuses to ship without them; the demo data is random).
  const ready = (n) => n.status === 'SHIPPED' || (n.docManual && n.docMsds && n.docLabel && n.docPrecautions);
  const candidates = d.samples.edges.map((e) => e.node).filter((n) => ready(n) && n.allowedNextStatuses.includes(next[n.status][0]));
  const sample = candidates.find((n) => n.status === 'SHIPPED') ?? candidates[0];
  assert(sample, 'rep1 has no SHIPPED sample, nor a PREPARED one with all documents, in the demo data');
  const [to, toLabel] = next[sample.status];

  const { page } = await phone({ locale: 'en-US' });
  await signInFast(page, server, { path: `/samples/${encodeURIComponent(sample.id)}` });
  await page.getByRole('heading', { level: 1 }).filter({ hasText: sample.product.name }).waitFor();
  await checkScreen(page, 'sample-en');
  await page.getByRole('button', { name: `Mark as: ${toLabel}` }).click();
  await until(
    async () => (await gql(server, `query($id: ID!) { node(id: $id) { ... on Sample { status } } }`, { id: sample.id }, s.accessToken)).node.status === to,
    { message: `sample ${sample.id} to reach ${to} on the server` },
  );
  await page.getByText(toLabel).first().waitFor();
  await shot(page, 'sample-advanced');
});

// ---------------------------------------------------------------------------------------
// (e) Tick an order checklist step (OrderDetail at /orders/:id: a "Done" button per step that
// can be done now, named "Done: <step>"; the step goes through the offline queue).
journey('order-step', async ({ server, phone }) => {
  const s = await login(server, REP);
  const d = await gql(
    server,
    `{ orders(first: 100, where: { statusNotIn: [CLOSED, CANCELLED] }) { edges { node { id number checklist { nextSteps } } } } }`,
    {},
    s.accessToken,
  );
  const labels = {
    CONFIRMED: 'Confirm order',
    CONTRACT_SIGNED: 'Sign contract',
    LABELLING_CHECKED: 'Check labelling',
    PRODUCTION_DATE_CHECKED: 'Check production date',
    PACKAGING_CHECKED: 'Check packaging',
    BATCH_CHECKED: 'Check batch',
  };
  // The simplest step the demo data (random) offers: paperwork before checks (BATCH_CHECKED
  // may need a COA).
  const orders = d.orders.edges.map((e) => e.node);
  const step = Object.keys(labels).find((st) => orders.some((o) => o.checklist.nextSteps.includes(st)));
  assert(step, 'rep1 has no open order with a checklist step to tick');
  const order = orders.find((o) => o.checklist.nextSteps.includes(step));

  const { page } = await phone({ locale: 'en-US' });
  await signInFast(page, server, { path: `/orders/${encodeURIComponent(order.id)}` });
  await page.getByRole('heading', { level: 1 }).filter({ hasText: order.number }).waitFor();
  await checkScreen(page, 'order-en');
  await page.getByRole('button', { name: `Done: ${labels[step]}` }).click();
  await until(
    async () => {
      const n = (await gql(server, `query($id: ID!) { node(id: $id) { ... on Order { checklist { items { step done } } } } }`, { id: order.id }, s.accessToken)).node;
      return n.checklist.items.some((i) => i.step === step && i.done);
    },
    { message: `order ${order.number} step ${step} to be done on the server` },
  );
  await until(async () => (await page.getByRole('button', { name: `Done: ${labels[step]}` }).count()) === 0, { message: 'the Done button to go' });
  await shot(page, 'order-step-ticked');
});

// ---------------------------------------------------------------------------------------
// (f) Report a problem with a photo (ProblemNew at /customers/:id/problems/new; report and
// photo go through the offline queue as one item; online, the app opens the new problem).
journey('problem-photo', async ({ server, phone }) => {
  const s = await login(server, REP);
  const c = (await gql(server, `{ customers(first: 1, orderBy: { field: NAME, direction: ASC }) { edges { node { id name } } } }`, {}, s.accessToken))
    .customers.edges[0].node;
  const title = `e2e problem ${stamp()}: drums arrived dented`;

  const { page } = await phone({ locale: 'en-US' });
  await signInFast(page, server, { path: `/customers/${encodeURIComponent(c.id)}/problems/new` });
  await heading(page, 'Report a problem').waitFor();
  await page.getByRole('textbox', { name: /^What is wrong/ }).fill(title);
  await page.getByRole('button', { name: 'Short quantity' }).click();
  await page.getByRole('textbox', { name: /^Description/ }).fill('Three of twenty drums dented; photo attached.');
  // Two ways in, each its own button: the camera, or the gallery (a photo taken before).
  await page.getByRole('button', { name: 'Take a photo' }).waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Choose from the gallery' }).click(),
  ]);
  assert(chooser.isMultiple(), 'the gallery does not let the rep choose several photos');
  await chooser.setFiles({ name: 'dent.png', mimeType: 'image/png', buffer: pngBuffer() });
  await page.getByRole('img', { name: /^Photo 1: dent\.png/ }).waitFor(); // the preview
  await checkScreen(page, 'problem-new-en');
  await page.getByRole('button', { name: 'Save problem report' }).click();
  await page.waitForURL(/\/problems\/[^/?]+\?saved=sent/, { timeout: 30_000 });

  const d = await gql(
    server,
    `query($t: String!) { issues(first: 5, where: { title: $t }) { totalCount edges { node { id customer { id } attachments(first: 5) { totalCount edges { node { fileName } } } } } } }`,
    { t: title },
    s.accessToken,
  );
  assert(d.issues.totalCount === 1, `the server has ${d.issues.totalCount} problems titled "${title}", want 1`);
  const issue = d.issues.edges[0].node;
  assert(issue.customer.id === c.id, 'the problem is on another customer');
  assert(issue.attachments.totalCount === 1, `the problem has ${issue.attachments.totalCount} attachments, want 1`);
  assert(new URL(page.url()).pathname === `/problems/${issue.id}`, `the app opened ${page.url()}, not the new problem`);
  await heading(page, title).waitFor();
  await page.getByRole('link', { name: 'Open dent.png' }).waitFor(); // the photo, from the server
  await checkScreen(page, 'problem-en');
});

// ---------------------------------------------------------------------------------------
// (g) After one online visit the app opens with no network at all (service worker shell,
// saved copies in IndexedDB). Uses its own server and stops it, so nothing can come from
// it, and cuts the new page's network (see pageOffline in lib.mjs for why not setOffline).
journey('opens-offline', async ({ phone }) => {
  const own = await startServer();
  try {
    const { context, page } = await phone({ locale: 'en-US', server: own });
    await signInFast(page, own, { path: '/' });
    await heading(page, 'Today').waitFor();
    await page.getByText(/^Hello, /).waitFor();
    await serviceWorkerReady(page);
    const nav = (p) => p.getByRole('navigation', { name: 'Main' });
    await nav(page).getByRole('link', { name: 'Accounts' }).click();
    await page.locator('main a.row[href^="/customers/"]').first().waitFor();
    await nav(page).getByRole('link', { name: 'Today' }).click();
    await page.getByText(/^Hello, /).waitFor();
    await page.close();

    await own.stop();
    const again = await context.newPage();
    await pageOffline(again);
    await again.goto('/');
    await heading(again, 'Today').waitFor();
    assert((await again.evaluate(() => navigator.onLine)) === false, 'navigator.onLine is not false');
    await again.getByText(/^Hello, /).waitFor(); // the saved copy of Today
    await again.getByRole('status').filter({ hasText: /^Offline/ }).waitFor();
    await again.getByRole('status').filter({ hasText: /^Saved copy/ }).waitFor();
    await checkScreen(again, 'today-offline-en');

    await again.reload(); // a reload with no network opens the app too
    await heading(again, 'Today').waitFor();
    await nav(again).getByRole('link', { name: 'Accounts' }).click();
    await heading(again, 'Accounts').waitFor();
    await again.locator('main a.row[href^="/customers/"]').first().waitFor(); // lazy chunk from the worker, saved copy
    await shot(again, 'accounts-offline-en');
  } finally {
    await own.stop();
  }
});

// ---------------------------------------------------------------------------------------
// The explorer is open to whom the server's access table says (AuthPayload.access), not
// to a role list kept in the app: a rep is turned away, an analyst gets GraphiQL — also
// with a session saved by an older app version, which one refresh brings up to date.
journey('explorer-gate', async ({ server, phone }) => {
  const { page } = await phone({ locale: 'en-US' });
  await signInFast(page, server, { email: REP, path: '/explorer' });
  await page.getByTestId('explorer-not-allowed').waitFor();
  await checkScreen(page, 'explorer-not-allowed-en');

  const s = await login(server, 'analyst@demo.tandem');
  assert(s.access?.explorer === true, `the server does not let the analyst explore: ${JSON.stringify(s.access)}`);
  delete s.access; // as an older version stored it
  await page.evaluate((v) => localStorage.setItem('tandem.session', v), JSON.stringify(s));
  // The analyst's Today has no visits to suggest: it leads to the explorer.
  await page.goto('/');
  await page.getByText('Your questions about the book are asked in the explorer.').waitFor();
  assert((await page.getByText('A good day to visit a customer').count()) === 0, 'the analyst is told to visit a customer');
  // …and lands on the dashboards, each drawn, said in words, and one tap from its query.
  const pipeline = page.getByRole('region', { name: 'Accounts by stage' });
  await pipeline.locator('.chart svg .ct-bar').first().waitFor({ state: 'attached', timeout: 20_000 });
  assert(/^Accounts by stage: Prospect \d+, /.test(await pipeline.locator('.chart').getAttribute('aria-label')), 'the pipeline chart is not said in words');
  for (const title of ['Sample funnel', 'Median days in each stage', 'Problems by category', 'Orders per month (last 12)']) {
    await page.getByRole('region', { name: title }).waitFor();
  }
  await checkScreen(page, 'analyst-home-en');
  await pipeline.getByRole('link', { name: 'Open the query' }).click();
  await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
  await page.getByText('pipelineStats').first().waitFor();
  await page.goto('/');
  await page.getByRole('link', { name: 'Open the GraphQL explorer' }).click();
  await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('tandem.session')));
  assert(kept.access?.explorer === true, 'the refreshed session has no access');
});

// ---------------------------------------------------------------------------------------
// The manager's home (in Chinese): the team tab, each person's Today counted and opened
// read only, stuck accounts, and the team's dashboards; a rep has no team tab.
journey('team', async ({ server, phone }) => {
  const { page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { email: 'manager@demo.tandem', path: '/' });
  await heading(page, '今日').waitFor();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '团队' }).click();
  await heading(page, '团队').waitFor();
  const mgr = await token(server, 'manager@demo.tandem');
  const { team } = await gql(server, '{ team { user { id name } total urgent } }', {}, mgr);
  assert(team.length >= 2, `the demo manager's team: ${JSON.stringify(team)}`);
  const person = team.find((m) => m.total > 0);
  const row = page.locator(`li[data-user="${person.user.id}"]`);
  await row.getByText(`共 ${person.total} 项`).waitFor();
  await page.getByRole('region', { name: '各阶段客户数' }).locator('.chart svg').waitFor({ timeout: 20_000 });
  await page.getByRole('heading', { name: /在同一阶段停留超过 60 天/ }).waitFor();
  await checkScreen(page, 'team-zh');

  await row.getByRole('link').click();
  await heading(page, `${person.user.name}的今日`).waitFor();
  await page.locator('li.today-row').first().waitFor();
  assert((await page.getByRole('button', { name: /^推迟：/ }).count()) === 0, "another person's Today offers snooze");
  assert((await page.getByRole('button', { name: /^完成：/ }).count()) === 0, "another person's Today offers done");
  await checkScreen(page, 'their-today-zh');

  const rep = await phone({ locale: 'zh-CN' });
  await signInFast(rep.page, server, { email: REP, path: '/' });
  await heading(rep.page, '今日').waitFor();
  assert((await rep.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '团队' }).count()) === 0, 'a rep has the team tab');
});

// Journeys of other areas live in their own files (journeys-<area>.mjs) and register
// themselves with journey() when imported; they run after the ones above.
{
  const { readdirSync } = await import('node:fs');
  const here = new URL('.', import.meta.url);
  for (const f of readdirSync(here).filter((n) => /^journeys-[a-z0-9-]+\.mjs$/.test(n)).sort()) {
    await import(new URL(f, here).href);
  }
}

await run();
