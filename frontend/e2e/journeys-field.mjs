// What a rep records about an account on a visit: competitors, entry points with our
// advantages, and a new order. Registered by journeys.mjs
// (node frontend/e2e/journeys.mjs competitor pitch order-new):
//   competitor — in Chinese, on rep1's own account: adds a competitor with no network (a
//           missing name and a share of 120 refused next to their fields first); it shows on
//           the account at once, marked 等待发送; back online, "已同步 1 条" and it is the
//           server's row; the server holds exactly one, with its fields. Then edits its share
//           (the server holds the new share, one version on); an edit made meanwhile by
//           someone else makes the next save show the conflict with what is saved now, and
//           taking theirs then deleting (after the confirmation) removes it on the server.
//   pitch — in English: adds an entry point (none chosen refused first) with two advantages,
//           the server holds it; edits it (one advantage swapped, no longer pursued), the
//           server holds that; then the account and the form in Chinese, without raw codes.
//   order-new — in Chinese, from the account's orders: a new order refused for its missing
//           number, a bad currency, payment days of 400 and a delivery before the order date,
//           each next to its field; saved, it opens the order page, where a line is added;
//           the server holds the order (evaluation, terms, dates, contract) and its line. The
//           same number again is refused next to the number, and nothing waits in the queue.
import { ADMIN, assert, checkScreen, gql, heading, journey, ownAccount, signInFast, stamp, token, until } from './lib.mjs';

const COMPETITOR = `query($c: ID!, $n: String!) { competitors(first: 5, where: { customerID: $c, name: $n }) { totalCount edges { node { id name product pricePosition sharePercent notes version } } } }`;

journey('competitor', async ({ server, phone }) => {
  const { tok, id, name: account } = await ownAccount(server);
  const admin = await token(server, ADMIN);
  const { context, page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { path: `/customers/${id}` });
  await heading(page, account).waitFor();
  await page.locator('#competitors-h').waitFor();
  await page.getByRole('link', { name: '＋ 添加竞争对手' }).click();
  await heading(page, '新建竞争对手').waitFor();
  await checkScreen(page, 'competitor-new-zh');

  await context.setOffline(true);
  await page.getByRole('status').filter({ hasText: /^离线/ }).waitFor();
  await page.getByLabel('占客户采购的份额（%）').fill('120');
  await page.getByRole('button', { name: '保存竞争对手' }).click();
  await page.getByRole('alert').filter({ hasText: '请检查上方标出的内容。' }).waitFor();
  await page.getByText('请填写竞争对手名称。').waitFor();
  await page.getByText('份额须在 0 到 100（%）之间。').waitFor();
  assert((await page.getByLabel(/^竞争对手（公司或品牌）/).getAttribute('aria-invalid')) === 'true', 'the name is not marked invalid');
  await checkScreen(page, 'competitor-errors-zh');

  const name = `e2e 竞品 ${stamp()}`;
  await page.getByLabel(/^竞争对手（公司或品牌）/).fill(name);
  await page.getByLabel('对方产品').fill('PE 蜡 W-200');
  await page.getByRole('group', { name: '对方价格' }).getByRole('button', { name: '低于我方' }).click();
  await page.getByLabel('占客户采购的份额（%）').fill('35');
  await page.getByLabel('备注').fill('价格低 8%，交期不稳');
  await page.getByRole('button', { name: '保存竞争对手' }).click();
  await page.getByText('竞争对手已保存在手机上，联网后自动发送。').waitFor();
  await page.getByRole('link', { name: '返回客户' }).click();
  await heading(page, account).waitFor();
  const waiting = page.locator('[data-waiting="competitor"] .row').filter({ hasText: name });
  await waiting.filter({ hasText: '等待发送' }).waitFor();
  await waiting.filter({ hasText: '份额 35%' }).waitFor();
  await page.locator('#competitors-h').scrollIntoViewIfNeeded();
  await checkScreen(page, 'competitor-waiting-zh');

  await context.setOffline(false);
  await page.getByRole('status').filter({ hasText: '已同步 1 条' }).waitFor({ timeout: 30_000 });
  const row = page.getByTestId('competitors').getByRole('link', { name: new RegExp(`^编辑竞争对手：\\s*${name}`) });
  await row.waitFor();
  await until(async () => (await waiting.count()) === 0, { message: 'the waiting row to go after the sync' });
  let d = await gql(server, COMPETITOR, { c: id, n: name }, admin);
  assert(d.competitors.totalCount === 1, `the server has ${d.competitors.totalCount} competitors named ${name}, want 1`);
  const c = d.competitors.edges[0].node;
  assert(c.product === 'PE 蜡 W-200' && c.pricePosition === 'LOWER' && c.sharePercent === 35 && c.notes === '价格低 8%，交期不稳', `the competitor: ${JSON.stringify(c)}`);

  // Its share changes.
  await row.click();
  await heading(page, '编辑竞争对手').waitFor();
  assert((await page.getByLabel(/^占客户采购的份额/).inputValue()) === '35', 'the form does not show the share read');
  await page.getByLabel('占客户采购的份额（%）').fill('40');
  await checkScreen(page, 'competitor-edit-zh');
  await page.getByRole('button', { name: '保存竞争对手' }).click();
  await page.getByText('修改已保存。').waitFor();
  d = await gql(server, COMPETITOR, { c: id, n: name }, admin);
  const edited = d.competitors.edges[0].node;
  assert(edited.sharePercent === 40 && edited.version === c.version + 1 && edited.product === c.product, `after the edit: ${JSON.stringify(edited)}`);

  // Someone else changes it while the rep has the form open: the save shows the conflict.
  await page.getByRole('link', { name: '返回客户' }).click();
  await heading(page, account).waitFor();
  await page.getByTestId('competitors').getByRole('link', { name: new RegExp(`^编辑竞争对手：\\s*${name}`) }).click();
  await heading(page, '编辑竞争对手').waitFor();
  await gql(server, `mutation($id: ID!, $in: UpdateCompetitorInput!) { updateCompetitor(id: $id, input: $in) { version } }`, { id: c.id, in: { version: edited.version, sharePercent: 55 } }, tok);
  await page.getByLabel('占客户采购的份额（%）').fill('45');
  await page.getByRole('button', { name: '保存竞争对手' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: '其他人修改了此记录' });
  await conflict.filter({ hasText: '份额 55%' }).waitFor();
  await checkScreen(page, 'competitor-conflict-zh');
  d = await gql(server, COMPETITOR, { c: id, n: name }, admin);
  assert(d.competitors.edges[0].node.sharePercent === 55, 'the stale edit overwrote the other change');
  await conflict.getByRole('button', { name: '采用对方的版本' }).click();
  assert((await page.getByLabel(/^占客户采购的份额/).inputValue()) === '55', 'taking theirs did not load their share');

  // Deleting asks first.
  await page.getByRole('button', { name: '删除竞争对手' }).click();
  const ask = page.getByRole('group', { name: `确定从该客户删除${name}？删除后无法恢复。` });
  await ask.waitFor();
  await checkScreen(page, 'competitor-delete-zh');
  await ask.getByRole('button', { name: '删除', exact: true }).click();
  await page.getByRole('status').filter({ hasText: `已删除${name}。` }).waitFor();
  d = await gql(server, COMPETITOR, { c: id, n: name }, admin);
  assert(d.competitors.totalCount === 0, `the competitor is still on the server: ${JSON.stringify(d.competitors)}`);
});

const PITCHES = `query($c: ID!) { pitches(first: 50, where: { customerID: $c }) { edges { node { id entryPoint advantages detail active version } } } }`;

journey('pitch', async ({ server, phone }) => {
  const { id, name: account } = await ownAccount(server);
  const admin = await token(server, ADMIN);
  const { page } = await phone({ locale: 'en-US' });
  await signInFast(page, server, { path: `/customers/${id}` });
  await heading(page, account).waitFor();
  await page.getByRole('link', { name: '＋ Add an entry point' }).click();
  await heading(page, 'New entry point').waitFor();
  await page.getByRole('button', { name: 'Save entry point' }).click();
  await page.getByRole('alert').filter({ hasText: 'Choose the entry point.' }).waitFor();

  const detail = `e2e ${stamp()}: lab support for their new line`;
  await page.getByRole('group', { name: 'Entry point' }).getByRole('button', { name: 'Technology' }).click();
  const adv = page.getByRole('group', { name: 'Our advantages to stress' });
  await adv.getByRole('button', { name: 'Technology' }).click();
  await adv.getByRole('button', { name: 'Price' }).click();
  assert((await adv.getByRole('button', { name: 'Price' }).getAttribute('aria-pressed')) === 'true', 'Price is not pressed');
  await page.getByLabel('How we go in').fill(detail);
  await checkScreen(page, 'pitch-new-en');
  await page.getByRole('button', { name: 'Save entry point' }).click();
  await page.getByText('Entry point saved.').waitFor();
  const mine = async () => (await gql(server, PITCHES, { c: id }, admin)).pitches.edges.map((e) => e.node).filter((p) => p.detail === detail);
  let p = await mine();
  assert(p.length === 1, `the server has ${p.length} entry points with that detail, want 1`);
  assert(p[0].entryPoint === 'TECHNOLOGY' && p[0].advantages.join() === 'TECHNOLOGY,PRICE' && p[0].active === true, `the entry point: ${JSON.stringify(p[0])}`);
  const v = p[0].version;

  // Edited: one advantage for another, and no longer the way in.
  await page.getByRole('link', { name: 'Back to the account' }).click();
  await heading(page, account).waitFor();
  const row = page.getByTestId('pitches').locator('a.row').filter({ hasText: detail });
  await row.getByText('Technology · Price').waitFor();
  await row.click();
  await heading(page, 'Edit entry point').waitFor();
  assert((await page.getByLabel('How we go in').inputValue()) === detail, 'the form does not show the detail read');
  await adv.getByRole('button', { name: 'Price' }).click();
  await adv.getByRole('button', { name: 'People (expertise)' }).click();
  await page.getByLabel('Still the way we go in').uncheck();
  await checkScreen(page, 'pitch-edit-en');
  await page.getByRole('button', { name: 'Save entry point' }).click();
  await page.getByText('Changes saved.').waitFor();
  p = await mine();
  assert(p.length === 1 && p[0].advantages.join() === 'TECHNOLOGY,PEOPLE' && p[0].active === false && p[0].version === v + 1, `after the edit: ${JSON.stringify(p)}`);
  await page.getByRole('link', { name: 'Back to the account' }).click();
  await row.filter({ hasText: 'No longer pursued' }).waitFor();

  // The same in Chinese: words, not codes.
  const zh = await phone({ locale: 'zh-CN' });
  await signInFast(zh.page, server, { path: `/customers/${id}` });
  await heading(zh.page, account).waitFor();
  const zrow = zh.page.getByTestId('pitches').locator('a.row').filter({ hasText: detail });
  await zrow.filter({ hasText: '技术优势 · 人员优势（专业）' }).filter({ hasText: '已不再采用' }).waitFor();
  await zh.page.locator('#pitches-h').scrollIntoViewIfNeeded();
  await checkScreen(zh.page, 'pitch-account-zh');
  await zrow.click();
  await heading(zh.page, '编辑切入点').waitFor();
  await checkScreen(zh.page, 'pitch-edit-zh');
});

journey('order-new', async ({ server, phone }) => {
  const { tok, id, name: account } = await ownAccount(server);
  const { products } = await gql(server, '{ products(first: 1, where: { active: true }, orderBy: { field: CODE, direction: ASC }) { edges { node { id code } } } }', {}, tok);
  const product = products.edges[0].node;
  const { page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { path: `/customers/${id}/orders` });
  await heading(page, account).waitFor();
  await page.getByRole('link', { name: '＋ 新建订单' }).click();
  await heading(page, '新建订单').waitFor();
  await checkScreen(page, 'order-new-zh');

  const today = new Date();
  const day = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const later = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 30);
  const earlier = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 3);
  assert((await page.getByLabel('下单日期').inputValue()) === day(today), 'the order date is not today');
  assert((await page.getByLabel(/^币种/).inputValue()) === 'CNY', 'the currency is not CNY');
  await page.getByLabel(/^币种/).fill('RM');
  await page.getByLabel(/^账期/).fill('400');
  await page.getByLabel('交期').fill(day(earlier));
  await page.getByRole('button', { name: '保存订单，然后添加订单行' }).click();
  await page.getByRole('alert').filter({ hasText: '请检查上方标出的内容。' }).waitFor();
  for (const text of ['请填写订单号。', '币种为三个字母，如 CNY。', '请填写 0 到 365 之间的整数天数。', '交期不能早于下单日期。']) await page.getByText(text).waitFor();
  await checkScreen(page, 'order-new-errors-zh');

  const number = `E2E-NEW-${stamp()}`.toUpperCase();
  await page.getByLabel(/^订单号/).fill(number);
  await page.getByRole('group', { name: '订单类型' }).getByRole('button', { name: '考核订单' }).click();
  await page.getByLabel('交期').fill(day(later));
  await page.getByLabel('合同号').fill('HT-2025-017');
  await page.getByLabel(/^币种/).fill('cny');
  await page.getByLabel(/^账期/).fill('60');
  await page.getByLabel('备注').fill('首单，先发 100 kg');
  await page.getByRole('button', { name: '保存订单，然后添加订单行' }).click();
  await page.waitForURL(/\/orders\/[^/]+$/);
  await heading(page, number).waitFor();
  const orderID = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
  await checkScreen(page, 'order-created-zh');

  await page.getByRole('button', { name: '+ 添加订单行' }).click();
  await page.getByRole('combobox', { name: /^产品/ }).selectOption(product.id);
  await page.getByLabel(/^数量/).fill('100');
  await page.getByRole('button', { name: '添加此行' }).click();
  await page.getByRole('status').filter({ hasText: '订单行已添加。' }).waitFor();

  const o = (await gql(
    server,
    `query($id: ID!) { node(id: $id) { ... on Order { number isEvaluation currency paymentDays contractNo notes orderedAt deliveryDate customer { id } lines(first: 5) { edges { node { quantity product { id } } } } } } }`,
    { id: orderID },
    tok,
  )).node;
  const lines = o.lines.edges.map((e) => e.node);
  assert(o.number === number && o.customer.id === id && o.isEvaluation === true && o.currency === 'CNY' && o.paymentDays === 60 && o.contractNo === 'HT-2025-017' && o.notes === '首单，先发 100 kg',
    `the order: ${JSON.stringify(o)}`);
  assert(day(new Date(o.orderedAt)) === day(today) && day(new Date(o.deliveryDate)) === day(later), `the order's dates: ${o.orderedAt}, ${o.deliveryDate}`);
  assert(lines.length === 1 && lines[0].quantity === 100 && lines[0].product.id === product.id, `the order's lines: ${JSON.stringify(lines)}`);
  const { orders } = await gql(server, `query($n: String!) { orders(first: 5, where: { number: $n }) { totalCount } }`, { n: number }, tok);
  assert(orders.totalCount === 1, `${orders.totalCount} orders numbered ${number}`);

  // The same number again: refused next to the number, and nothing left waiting.
  await page.goto(`/customers/${id}/orders/new`);
  await heading(page, '新建订单').waitFor();
  await page.getByLabel(/^订单号/).fill(number);
  await page.getByRole('button', { name: '保存订单，然后添加订单行' }).click();
  await page.getByText('此订单号已被使用：每个订单的编号不能相同。').waitFor();
  assert((await page.getByLabel(/^订单号/).getAttribute('aria-invalid')) === 'true', 'the number is not marked invalid');
  assert((await page.getByRole('status').filter({ hasText: /条待发送|条需要处理/ }).count()) === 0, 'the refused order is left in the queue');
  await checkScreen(page, 'order-new-taken-zh');
});
