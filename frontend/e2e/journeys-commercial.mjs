// Credit, projects and dependence on the phone. Registered by journeys.mjs
// (node frontend/e2e/journeys.mjs credit project project-files concentration):
//   credit         — a manager sets an account's credit limit (English) and sees it on the
//                    account's card; rep1 sees the limit, read only.
//   project        — rep1, in Chinese, starts a joint project on one of their accounts, adds
//                    a milestone and marks it done, adds a member, starts and finishes it
//                    with its outcome; the server holds it DONE with its milestone done.
//   project-files  — rep1, in Chinese: a project without files says so; on a demo project of
//                    theirs, its files listed; a file of a kind the server refuses, said before
//                    sending; a small PDF uploaded (setInputFiles) as the agreement, listed with
//                    its kind, name and "ours alone"; its download link gives the same bytes
//                    (from node, and a tap in the page downloads it past the router and the
//                    service worker); shared after the confirmation (the server holds shared),
//                    deleted after the confirmation (the link answers no more); on the project
//                    without files, a file added and deleted leaves the empty state again.
//   concentration  — the analyst's Today shows the revenue concentration, with its table.
import { readFile } from 'node:fs/promises';
import {
  assert,
  checkScreen,
  gql,
  heading,
  journey,
  ownAccount,
  REP,
  serviceWorkerReady,
  signInFast,
  token,
  until,
} from './lib.mjs';

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

journey('project-files', async ({ server, phone }) => {
  const tok = await token(server, REP);
  const { me } = await gql(server, '{ me { id } }', {}, tok);
  const d = await gql(
    server,
    `query($o: ID!) { projects(first: 1, where: { hasCustomerWith: [{ ownerID: $o }] }) { edges { node { id title customer { id } } } } }`,
    { o: me.id },
    tok,
  );
  const project = d.projects.edges[0]?.node;
  assert(project, 'the demo gives rep1 no project');
  const files = async (id = project.id) =>
    (await gql(server, `query($id: ID!) { node(id: $id) { ... on Project { documents(first: 50) { edges { node { id kind title shared fileName sizeBytes } } } } } }`, { id }, tok)).node.documents.edges.map((e) => e.node);
  const before = await files();

  const { page } = await phone({ locale: 'zh-CN' });
  // A project with no file yet says so.
  const { createProject: bare } = await gql(
    server,
    `mutation($in: CreateProjectInput!) { createProject(input: $in) { id title } }`,
    { in: { customerID: project.customer.id, kind: 'OTHER', title: `无文件的项目 ${Date.now() % 100000}` } },
    tok,
  );
  await signInFast(page, server, { path: `/projects/${encodeURIComponent(bare.id)}` });
  await heading(page, bare.title).waitFor();
  const sec = page.locator('section[aria-labelledby="pj-files-h"]');
  await sec.locator('h2', { hasText: '文件' }).waitFor();
  await sec.getByText('暂无文件。').waitFor();
  await checkScreen(page, 'project-files-empty-zh');

  // The demo project: what it holds already is listed with its kind and sharing in words.
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await heading(page, project.title).waitFor();
  const rows = sec.getByTestId('pj-file');
  if (before.length) await until(async () => (await rows.count()) === before.length, { message: `the ${before.length} demo files to be listed` });
  else await sec.getByText('暂无文件。').waitFor();

  // Nothing given: the form says what is missing; a kind of file the server refuses is said first.
  await sec.getByRole('button', { name: '+ 添加文件' }).click();
  await sec.getByRole('button', { name: '上传', exact: true }).click();
  await sec.getByText('请选择文件。').waitFor();
  await sec.getByText('请填写文件标题。').waitFor();
  const input = sec.getByLabel(/^文件/);
  await input.setInputFiles({ name: 'tools.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\x03\x04') });
  await sec.getByText(/^不支持此类文件/).waitFor();

  // A small PDF, as the agreement: its title proposed from its name, then said.
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await input.setInputFiles({ name: '合作协议-签署版.pdf', mimeType: 'application/pdf', buffer: pdf });
  const title = sec.getByLabel(/^标题/);
  await until(async () => (await title.inputValue()) === '合作协议-签署版', { message: 'the title proposed from the file name' });
  assert((await sec.getByText(/^不支持此类文件/).count()) === 0, 'the refusal of the zip stays');
  await sec.getByLabel('类型').selectOption('AGREEMENT');
  await title.fill('合作协议（已签署）');
  await checkScreen(page, 'project-files-add-zh');
  await sec.getByRole('button', { name: '上传', exact: true }).click();
  await sec.getByText('“合作协议（已签署）”已添加。').waitFor();
  const row = rows.filter({ hasText: '合作协议（已签署）' });
  await row.waitFor();
  await row.locator('.badge', { hasText: '合作协议' }).waitFor();
  await row.locator('.badge', { hasText: '仅我方可见' }).waitFor();
  await row.getByText('合作协议-签署版.pdf').waitFor();
  await checkScreen(page, 'project-files-list-zh');
  let held = (await files()).filter((f) => !before.some((b) => b.id === f.id));
  assert(held.length === 1 && held[0].kind === 'AGREEMENT' && !held[0].shared && held[0].sizeBytes === pdf.length, `the server holds ${JSON.stringify(held)}`);

  // The link gives the same bytes, as an attachment, with no token.
  const link = row.getByRole('link', { name: '下载 合作协议-签署版.pdf' });
  const href = await link.getAttribute('href');
  assert(href.startsWith('/project-documents/'), `the download link is ${href}`);
  const res = await fetch(server.url + href);
  assert(res.ok, `the download link answers ${res.status}`);
  assert(/attachment/.test(res.headers.get('content-disposition') ?? ''), `Content-Disposition: ${res.headers.get('content-disposition')}`);
  assert(Buffer.from(await res.arrayBuffer()).equals(pdf), 'the downloaded bytes differ from the uploaded ones');
  // Tapped in the app (under its service worker), it downloads the file: neither the router nor the worker keep it.
  await serviceWorkerReady(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert(dl.suggestedFilename() === '合作协议-签署版.pdf', `downloaded as ${dl.suggestedFilename()}`);
  assert((await readFile(await dl.path())).equals(pdf), 'the file downloaded in the page differs');
  await heading(page, project.title).waitFor();

  // Shared with the customer, after the confirmation.
  await row.getByRole('button', { name: '与客户共享' }).click();
  await row.getByText(/客户将能通过其系统（合作伙伴接口）读取此文件。/).waitFor();
  await checkScreen(page, 'project-files-share-zh');
  await row.getByRole('button', { name: '确认共享' }).click();
  await row.locator('.badge', { hasText: '已与客户共享' }).waitFor();
  await sec.getByText('“合作协议（已签署）”已与客户共享。').waitFor();
  held = (await files()).filter((f) => f.id === held[0].id);
  assert(held.length === 1 && held[0].shared, `shared on the server: ${JSON.stringify(held)}`);

  // Deleted, after the confirmation: gone from the list and the server, and the link answers no more.
  await row.getByRole('button', { name: '删除', exact: true }).click();
  await row.getByText('删除“合作协议（已签署）”？文件将被永久删除。').waitFor();
  await row.getByRole('button', { name: '确认删除' }).click();
  await sec.getByText('“合作协议（已签署）”已删除。').waitFor();
  await row.waitFor({ state: 'detached' });
  if (before.length) await until(async () => (await rows.count()) === before.length, { message: 'the demo files alone to stay' });
  else await sec.getByText('暂无文件。').waitFor();
  await checkScreen(page, 'project-files-deleted-zh');
  assert((await files()).length === before.length, 'the file is still on the server');
  const gone = await fetch(server.url + href);
  assert(!gone.ok, `the link of a deleted file answers ${gone.status}`);

  // The same on the project with no file: uploaded, then deleted, and the empty state again.
  await page.goto(`/projects/${encodeURIComponent(bare.id)}`);
  await heading(page, bare.title).waitFor();
  await sec.getByRole('button', { name: '+ 添加文件' }).click();
  await sec.getByLabel(/^文件/).setInputFiles({ name: '会议纪要.txt', mimeType: 'text/plain', buffer: Buffer.from('启动会会议纪要\n') });
  await sec.getByLabel('类型').selectOption('MINUTES');
  await sec.getByRole('button', { name: '上传', exact: true }).click();
  const minutes = rows.filter({ hasText: '会议纪要' });
  await minutes.locator('.badge', { hasText: '会议纪要' }).waitFor();
  await minutes.getByRole('button', { name: '删除', exact: true }).click();
  await minutes.getByRole('button', { name: '确认删除' }).click();
  await sec.getByText('暂无文件。').waitFor();
  assert((await files(bare.id)).length === 0, 'the minutes are still on the server');
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
