// Credit, projects and dependence on the phone. Registered by journeys.mjs
// (node frontend/e2e/journeys.mjs credit project concentration):
//   credit         — a manager sets an account's credit limit (English) and sees it on the
//                    account's card; rep1 sees the limit, read only.
//   project        — rep1, in Chinese, starts a joint project on one of their accounts, adds
//                    a milestone and marks it done, adds a member, starts and finishes it
//                    with its outcome; the server holds it DONE with its milestone done.
//   concentration  — the analyst's Today shows the revenue concentration, with its table.
import { assert, checkScreen, gql, journey, REP, signInFast, token } from './lib.mjs';

const heading = (page, name) => page.locator('h1').filter({ hasText: name });

/** One of rep1's own accounts (the first by name, or the `nth`): its ID and name. */
async function ownAccount(server, nth = 0) {
  const tok = await token(server, REP);
  const { me } = await gql(server, '{ me { id } }', {}, tok);
  const d = await gql(
    server,
    `query($o: ID!) { customers(first: 5, where: { ownerID: $o }, orderBy: { field: NAME, direction: ASC }) { edges { node { id name } } } }`,
    { o: me.id },
    tok,
  );
  return { tok, ...d.customers.edges[nth].node };
}

journey('credit', async ({ server, phone }) => {
  const { id, name } = await ownAccount(server, 1);
  const path = `/customers/${encodeURIComponent(id)}`;

  // The manager, in English: the card, then the form with the limit editable.
  const m = await phone({ locale: 'en-US' });
  await signInFast(m.page, server, { email: 'manager@demo.tandem', path });
  await heading(m.page, name).waitFor();
  const card = m.page.locator('section[aria-labelledby="credit-h"]');
  await card.locator('h2', { hasText: 'Credit & terms' }).waitFor();
  await card.getByText('Their share of our revenue').waitFor();
  await card.getByRole('link', { name: 'Edit credit & terms' }).click();
  await heading(m.page, 'Credit & terms').waitFor();
  await m.page.getByLabel('Payment terms (days)').fill('45');
  await m.page.getByLabel('Limit', { exact: true }).fill('abc');
  await m.page.getByRole('button', { name: 'Save credit & terms' }).click();
  await m.page.getByText('A number of zero or more.').waitFor();
  await m.page.getByLabel('Limit', { exact: true }).fill('800,000');
  await m.page.getByLabel('Currency', { exact: true }).fill('CNY');
  await checkScreen(m.page, 'credit-form-manager-en');
  await m.page.getByRole('button', { name: 'Save credit & terms' }).click();
  await m.page.waitForURL((u) => u.pathname === path);
  const limit = m.page.locator('section[aria-labelledby="credit-h"] [data-testid="credit-limit"]');
  await limit.filter({ hasText: '800,000 CNY' }).waitFor();
  await m.page.locator('section[aria-labelledby="credit-h"]').getByText('45 days').waitFor();
  await checkScreen(m.page, 'credit-card-manager-en');

  // The server holds it.
  const tok = await token(server, REP);
  const d = await gql(server, `query($id: ID!) { node(id: $id) { ... on Customer { paymentDays creditLimit creditCurrency creditLine { limit } } } }`, { id }, tok);
  assert(d.node.creditLimit === 800000 && d.node.paymentDays === 45 && d.node.creditLine.limit === 800000, `the server holds ${JSON.stringify(d.node)}`);

  // rep1, in Chinese: the limit on the card and, in the form, read only.
  const r = await phone({ locale: 'zh-CN' });
  await signInFast(r.page, server, { email: REP, path });
  await heading(r.page, name).waitFor();
  const rcard = r.page.locator('section[aria-labelledby="credit-h"]');
  await rcard.locator('h2', { hasText: '信用与账期' }).waitFor();
  await rcard.locator('[data-testid="credit-limit"]').filter({ hasText: '800,000 CNY' }).waitFor();
  await rcard.getByRole('link', { name: '编辑信用与账期' }).click();
  await heading(r.page, '信用与账期').waitFor();
  await r.page.getByTestId('credit-limit-readonly').filter({ hasText: '800,000' }).waitFor();
  await r.page.getByText('信用额度仅由经理设置。').waitFor();
  assert((await r.page.getByLabel('额度', { exact: true }).count()) === 0, 'a rep may edit the credit limit');
  await r.page.getByLabel('估计年用量（kg，同类材料）').fill('120000');
  await checkScreen(r.page, 'credit-form-rep-zh');
  await r.page.getByRole('button', { name: '保存信用与账期' }).click();
  await r.page.waitForURL((u) => u.pathname === path);
  await r.page.locator('section[aria-labelledby="credit-h"]').getByText('估计年用量 120,000 kg', { exact: false }).waitFor();
});

journey('project', async ({ server, phone }) => {
  const { tok, id: customerID, name } = await ownAccount(server);
  const { page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { path: `/customers/${encodeURIComponent(customerID)}` });
  await heading(page, name).waitFor();

  const section = page.locator('section[aria-labelledby="projects-h"]');
  await section.locator('h2', { hasText: '合作项目' }).waitFor();
  await section.getByRole('link', { name: '+ 新建项目' }).click();
  await heading(page, '新建项目').waitFor();

  // Nothing chosen: the form says what is missing.
  await page.getByRole('button', { name: '保存项目' }).click();
  await page.getByText('请选择项目类型。').waitFor();
  await page.getByText('请填写项目名称。').waitFor();
  await page.getByRole('button', { name: '共同开发' }).click();
  const title = `阻燃母粒共同开发 ${Date.now() % 100000}`;
  await page.getByLabel('项目名称').fill(title);
  await page.getByLabel('目标（要达成什么，双方如何确认）').fill('UL94 V-0，双方以第三方检测报告确认。');
  await page.getByLabel('预算').fill('200000');
  await checkScreen(page, 'project-new-zh');
  await page.getByRole('button', { name: '保存项目' }).click();

  await page.waitForURL((u) => /^\/projects\/[^/]+$/.test(u.pathname));
  const pid = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
  await heading(page, title).waitFor();
  await page.locator('.badge', { hasText: '提议中' }).first().waitFor();

  // A milestone, then done.
  const ms = page.locator('section[aria-labelledby="pj-milestones-h"]');
  await ms.getByRole('button', { name: '+ 添加里程碑' }).click();
  await ms.getByLabel('里程碑', { exact: true }).fill('小试配方定型');
  const due = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
  await ms.getByLabel('到期日').fill(due);
  await ms.getByRole('button', { name: '添加里程碑', exact: true }).click();
  await ms.getByTestId('pj-milestone').filter({ hasText: '小试配方定型' }).waitFor();
  await ms.getByRole('button', { name: '完成里程碑：小试配方定型' }).click();
  await ms.getByTestId('pj-milestone').filter({ hasText: '完成' }).filter({ hasText: '小试配方定型' }).waitFor();
  await ms.getByRole('button', { name: '完成里程碑：小试配方定型' }).waitFor({ state: 'detached' });

  // A member of ours.
  const mem = page.locator('section[aria-labelledby="pj-members-h"]');
  await mem.getByRole('button', { name: '+ 添加成员' }).click();
  await mem.getByRole('button', { name: '我方人员' }).click();
  const pick = mem.getByRole('combobox', { name: '我方人员' });
  const who = (await pick.locator('option').nth(1).textContent()).trim();
  await pick.selectOption({ index: 1 });
  await mem.getByLabel('角色（如项目负责人、配方工程师）').fill('配方工程师');
  await mem.getByRole('button', { name: '添加成员', exact: true }).click();
  await mem.getByTestId('pj-member').filter({ hasText: who }).filter({ hasText: '配方工程师' }).waitFor();
  await checkScreen(page, 'project-proposed-zh');

  // Started, after the confirmation; then finished with what came of it.
  const life = page.locator('section[aria-labelledby="pj-lifecycle-h"]');
  await life.getByRole('button', { name: '开始', exact: true }).click();
  await life.getByRole('button', { name: '确认开始' }).click();
  await page.locator('.badge', { hasText: '进行中' }).first().waitFor();
  await life.getByRole('button', { name: '完成', exact: true }).click();
  await life.getByRole('button', { name: '确认完成' }).click();
  await life.getByText('请填写项目结果。').waitFor();
  await life.getByLabel('项目结果').fill('配方通过客户认证，转入批量供货。');
  await life.getByRole('button', { name: '确认完成' }).click();
  await page.locator('.badge', { hasText: '已完成' }).first().waitFor();
  await page.getByText('配方通过客户认证，转入批量供货。').waitFor();
  await checkScreen(page, 'project-done-zh');

  const d = await gql(
    server,
    `query($id: ID!) { node(id: $id) { ... on Project { status outcome milestones { title doneAt } members { role user { name } } customer { id } } } }`,
    { id: pid },
    tok,
  );
  const p = d.node;
  assert(p.status === 'DONE', `the project is ${p.status}`);
  assert(p.outcome === '配方通过客户认证，转入批量供货。', `outcome: ${p.outcome}`);
  assert(p.customer.id === customerID, 'the project is on another account');
  assert(p.milestones.length === 1 && p.milestones[0].doneAt, `milestones: ${JSON.stringify(p.milestones)}`);
  assert(p.members.some((x) => x.role === '配方工程师' && x.user?.name === who), `members: ${JSON.stringify(p.members)}`);

  // The account lists it, with its status and milestones.
  await page.goto(`/customers/${encodeURIComponent(customerID)}`);
  const row = page.locator('section[aria-labelledby="projects-h"] a.row', { hasText: title });
  await row.filter({ hasText: '里程碑 1/1' }).filter({ hasText: '已完成' }).waitFor();
});

journey('concentration', async ({ server, phone }) => {
  const { page } = await phone({ locale: 'en-US' });
  await signInFast(page, server, { email: 'analyst@demo.tandem', path: '/' });
  const region = page.getByRole('region', { name: 'Revenue concentration' });
  await region.waitFor({ timeout: 20_000 });
  const said = await region.getByRole('img').getAttribute('aria-label');
  assert(/^Revenue concentration: .+ \d+(\.\d)?%/.test(said) && /Threshold \d+%/.test(said), `not said in words: ${said}`);
  await region.getByText('Data').click();
  const rows = region.locator('table tbody tr');
  assert((await rows.count()) >= 3, `the table has ${await rows.count()} rows`);
  assert((await region.locator('table thead th').allTextContents()).join('|') === 'Account|Share of our revenue|Revenue (12 months)|Risk', 'the table headings');
  // The demo has one account over the threshold: marked in the chart and the table.
  await region.locator('.badge', { hasText: 'risk' }).first().waitFor();
  await rows.filter({ hasText: 'Concentration risk' }).first().waitFor();
  await checkScreen(page, 'concentration-analyst-en');

  // The manager's Team screen has it too (in Chinese).
  const m = await phone({ locale: 'zh-CN' });
  await signInFast(m.page, server, { email: 'manager@demo.tandem', path: '/team' });
  await m.page.getByRole('region', { name: '客户集中度' }).waitFor({ timeout: 20_000 });
});
