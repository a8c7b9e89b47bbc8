// Merging a duplicate account (issue 11), as a manager in a real Chromium: the duplicate
// is created through the API, the survivor's page offers the merge, one field is taken
// from the duplicate, and the merge is then on the survivor's timeline.
import { assert, checkScreen, gql, journey, login, REP, signInFast, stamp, until } from './lib.mjs';

const MANAGER = 'manager@demo.tandem';
const ANALYST = 'analyst@demo.tandem';

journey('merge-duplicate', async ({ server, phone }) => {
  const tok = (await login(server, MANAGER)).accessToken;
  const { customers } = await gql(server, `{ customers(first: 1, orderBy: {field: NAME}) { edges { node { id name region } } } }`, {}, tok);
  const survivor = customers.edges[0]?.node;
  assert(survivor, 'the demo manager sees no account');
  const region = `Journey-${stamp()}`;
  const { createCustomer: dup } = await gql(
    server,
    `mutation($in: CreateCustomerInput!) { createCustomer(input: $in) { id name } }`,
    { in: { name: survivor.name, region } },
    tok,
  );

  // In Chinese first: the same screen, no English left.
  const zh = (await phone({ locale: 'zh-CN' })).page;
  await signInFast(zh, server, { email: MANAGER, path: `/customers/${encodeURIComponent(survivor.id)}/merge/${encodeURIComponent(dup.id)}` });
  await zh.getByRole('heading', { level: 1, name: '合并重复客户' }).waitFor();
  await zh.getByText('将转到本客户的记录').waitFor();
  await checkScreen(zh, 'merge-zh');

  const { page } = await phone({ locale: 'en-US' });
  await signInFast(page, server, { email: MANAGER, path: `/customers/${encodeURIComponent(survivor.id)}` });
  await page.getByRole('heading', { level: 1 }).filter({ hasText: survivor.name }).waitFor();
  const link = page.getByRole('link', { name: `Merge ${dup.name} into this account` }).first();
  await link.waitFor();
  await link.click();
  await page.waitForURL(/\/merge\//);
  await page.getByRole('heading', { level: 1, name: 'Merge duplicate' }).waitFor();
  // The other way round is one tap away: keep the duplicate, fold this one into it.
  const swap = await page.getByRole('link', { name: `Keep ${dup.name} instead` }).getAttribute('href');
  assert(swap === `/customers/${dup.id}/merge/${survivor.id}`, `the swap link goes to ${swap}`);
  await page.getByText('What moves to this account').waitFor();
  await checkScreen(page, 'merge-en');

  await page.getByRole('radio', { name: new RegExp(`Duplicate: ${region}`) }).check();
  await page.getByLabel('Reason').fill('Entered twice at the trade show');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  await page.waitForURL(/\/timeline$/);
  // The entry's title is in the manager's own language (the demo's are Chinese); its kind badge in the app's.
  const entry = page.locator('li').filter({ hasText: 'Merge or reassignment' }).first();
  await entry.waitFor();
  assert((await entry.textContent()).includes(dup.name), `the timeline entry does not name the duplicate: ${await entry.textContent()}`);
  await checkScreen(page, 'merge-timeline-en');

  await until(
    async () => {
      const d = await gql(server, `query($id: ID!) { node(id: $id) { ... on Customer { region } } }`, { id: survivor.id }, tok);
      return d.node.region === region;
    },
    { message: 'the survivor to keep the region taken from the duplicate' },
  );
  const gone = await gql(server, `query($id: ID!) { mergedAccount(id: $id) { id } }`, { id: dup.id }, tok);
  assert(gone.mergedAccount?.id === survivor.id, `the duplicate's ID leads to ${JSON.stringify(gone.mergedAccount)}`);

  // The survivor's timeline in Chinese: stages by name, no raw code.
  await zh.goto(`/customers/${encodeURIComponent(survivor.id)}/timeline`);
  await zh.locator('li').filter({ hasText: dup.name }).first().waitFor();
  const text = await zh.locator('main').innerText();
  const raw = text.match(/\b(PROSPECT|CONTACTED|VISITED|SAMPLING|TRIAL|EVALUATION|MAIN_SUPPLIER|PARTNER|DORMANT|LOST)\b/);
  assert(!raw, `the Chinese timeline shows the raw stage ${raw?.[0]}`);
  await checkScreen(zh, 'merge-timeline-zh');
});

// A manager gives two of a rep's accounts to another rep of the team from the accounts list.
journey('reassign-accounts', async ({ server, phone }) => {
  const tok = (await login(server, MANAGER)).accessToken;
  const { customers } = await gql(
    server,
    `{ customers(first: 2, where: { hasOwnerWith: [{ email: "rep1@demo.tandem" }] }) { edges { node { id name teamID owner { id } } } } }`,
    {},
    tok,
  );
  const accts = customers.edges.map((e) => e.node);
  assert(accts.length === 2, 'the demo rep1 has fewer than two accounts');
  const { users } = await gql(
    server,
    `query($team: ID!, $from: ID!) { users(first: 10, where: { role: REP, teamID: $team, idNEQ: $from }) { edges { node { id name } } } }`,
    { team: accts[0].teamID, from: accts[0].owner.id },
    tok,
  );
  const target = users.edges[0]?.node;
  assert(target, 'rep1 has no teammate rep in the demo');

  const { page } = await phone({ locale: 'en-US' });
  await signInFast(page, server, { email: MANAGER, path: '/accounts' });
  await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
  await page.getByRole('button', { name: 'Select', exact: true }).click();
  for (const a of accts) {
    await page.getByLabel('Search accounts').fill(a.name);
    await page.getByRole('checkbox', { name: `Select ${a.name}` }).check();
  }
  await page.getByText('2 selected').waitFor();
  await checkScreen(page, 'reassign-en');
  await page.getByRole('combobox', { name: /Reassign to/ }).selectOption(target.id);
  await page.getByLabel('Reason').fill('rep1 takes over the key accounts');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Reassign the selected (2)' }).click();
  await page.getByRole('status').filter({ hasText: 'Accounts reassigned: 2;' }).waitFor();
  for (const a of accts) {
    const d = await gql(server, `query($id: ID!) { node(id: $id) { ... on Customer { owner { id } } } }`, { id: a.id }, tok);
    assert(d.node.owner.id === target.id, `${a.name} is still ${d.node.owner.id}'s`);
  }

  // Then one of them to DORMANT in bulk: moved by setCustomerStage's rule, reported per account.
  await page.getByLabel('Search accounts').fill(accts[0].name);
  await page.getByRole('checkbox', { name: `Select ${accts[0].name}` }).check();
  await page.getByRole('combobox', { name: /Move the stage to/ }).selectOption('DORMANT');
  await page.getByLabel('Reason').fill('no demand this year');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Move the selected (1)' }).click();
  await page.getByRole('status').filter({ hasText: `Moved: ${accts[0].name}` }).waitFor();
  // The list reloads behind the panel; the results stay for the manager to read.
  await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 15_000 });
  await page.waitForTimeout(800);
  assert(await page.getByRole('status').filter({ hasText: `Moved: ${accts[0].name}` }).isVisible(), 'the bulk results vanished when the list reloaded');
  const d = await gql(server, `query($id: ID!) { node(id: $id) { ... on Customer { stage } } }`, { id: accts[0].id }, tok);
  assert(d.node.stage === 'DORMANT', `the account is at ${d.node.stage}`);
});

// Two contacts of one account with the same mobile: the merge screen is Chinese for the
// manager; the account's rep is offered the pair on the account page, the side-by-side
// choice takes the duplicate's title, and after the merge one contact is left and the
// merge is on the timeline. An analyst is offered nothing.
journey('merge-contacts', async ({ server, phone }) => {
  const tok = (await login(server, MANAGER)).accessToken;
  const { customers } = await gql(server, `{ customers(first: 1, where: { hasOwnerWith: [{ email: "${REP}" }] }) { edges { node { id name } } } }`, {}, tok);
  const acct = customers.edges[0]?.node;
  assert(acct, 'the demo rep1 has no account');
  const s = stamp();
  const mobile = `139${String(Date.now()).slice(-8)}`;
  const add = async (input) =>
    (await gql(server, `mutation($in: CreateContactInput!) { createContact(input: $in) { id name } }`, { in: { customerID: acct.id, ...input } }, tok))
      .createContact;
  const keep = await add({ name: `王经理 ${s}`, mobile, department: 'PURCHASING' });
  const fold = await add({ name: `王 经理 ${s}b`, mobile: `+86 ${mobile}`, title: `采购总监 ${s}`, department: 'PURCHASING' });

  // In Chinese: the pair is on the merge screen, no English left.
  const zh = (await phone({ locale: 'zh-CN' })).page;
  await signInFast(zh, server, { email: MANAGER, path: `/customers/${encodeURIComponent(acct.id)}/contacts/merge?keep=${keep.id}&merge=${fold.id}` });
  await zh.getByRole('heading', { level: 1, name: '合并重复联系人' }).waitFor();
  await zh.getByText('将转到保留联系人的记录').waitFor();
  await checkScreen(zh, 'merge-contacts-zh');

  // In English, the account's rep merges them (reps keep their own contact lists clean).
  const { page } = await phone({ locale: 'en-US' });
  await signInFast(page, server, { email: REP, path: `/customers/${encodeURIComponent(acct.id)}` });
  await page.getByRole('heading', { level: 1 }).filter({ hasText: acct.name }).waitFor();
  const pair = page.getByRole('link', { name: `${keep.name} and ${fold.name}: same mobile` });
  await pair.waitFor();
  await pair.click();
  await page.waitForURL(/\/contacts\/merge\?keep=/);
  await page.getByRole('heading', { level: 1, name: 'Merge duplicate contacts' }).waitFor();
  await page.getByText('What moves to the contact kept').waitFor();
  await checkScreen(page, 'merge-contacts-en');
  await page.getByRole('radio', { name: `Merged: 采购总监 ${s}` }).check();
  await page.getByLabel('Reason').fill('Entered twice from two business cards');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Merge contacts' }).click();
  await page.getByRole('status').filter({ hasText: `${fold.name} was merged into ${keep.name}.` }).waitFor();
  await page.getByRole('link', { name: 'See it on the timeline' }).click();
  await page.waitForURL(/\/timeline$/);
  await page.locator('li').filter({ hasText: fold.name }).first().waitFor();

  const d = await gql(server, `query($a: ID!) { a: node(id: $a) { ... on Contact { title } } }`, { a: keep.id }, tok);
  assert(d.a?.title === `采购总监 ${s}`, `the contact kept has the title ${d.a?.title}`);
  const gone = await gql(server, `query($b: ID!) { b: node(id: $b) { id } }`, { b: fold.id }, tok).then(
    (r) => r.b,
    (err) => (/NOT_FOUND/.test(String(err)) ? null : Promise.reject(err)),
  );
  assert(gone === null, 'the merged contact is still readable');

  // An analyst (who only reads) is offered no contact merge.
  const analyst = (await phone({ locale: 'en-US' })).page;
  await signInFast(analyst, server, { email: ANALYST, path: `/customers/${encodeURIComponent(acct.id)}` });
  await analyst.getByRole('heading', { level: 1 }).filter({ hasText: acct.name }).waitFor();
  await analyst.getByRole('heading', { name: 'Key persons' }).waitFor();
  assert((await analyst.getByRole('link', { name: 'Merge duplicate contacts' }).count()) === 0, 'an analyst is offered the contact merge');
  // The account page lists the contacts, the one kept with a tel: link to its mobile.
  await analyst.getByRole('heading', { name: 'Contacts' }).waitFor();
  const all = analyst.getByRole('button', { name: /^Show all/ });
  if (await all.count()) await all.click();
  const tel = analyst.locator(`a[href="tel:${mobile}"]`);
  await tel.first().waitFor();
  assert((await tel.first().getAttribute('aria-label')).includes(keep.name), 'the tel: link does not name the contact kept');
  await checkScreen(analyst, 'account-contacts-en');
});

// A manager sets one rating on two accounts in Chinese: each tier follows the rules and
// each account's result is in Chinese.
journey('bulk-rating', async ({ server, phone }) => {
  const tok = (await login(server, MANAGER)).accessToken;
  const { customers } = await gql(server, `{ customers(first: 2, where: { hasOwnerWith: [{ email: "${REP}" }] }) { edges { node { id name } } } }`, {}, tok);
  const accts = customers.edges.map((e) => e.node);
  assert(accts.length === 2, 'the demo rep1 has fewer than two accounts');
  const zh = (await phone({ locale: 'zh-CN' })).page;
  await signInFast(zh, server, { email: MANAGER, path: '/accounts' });
  await zh.getByRole('button', { name: '选择', exact: true }).click();
  for (const a of accts) {
    await zh.getByLabel('搜索客户').fill(a.name);
    await zh.getByRole('checkbox', { name: `选择 ${a.name}` }).check();
  }
  await zh.getByText('已选 2 个').waitFor();
  await zh.getByRole('combobox', { name: '调整评分' }).selectOption('DEMAND');
  await zh.getByRole('combobox', { name: '分值（1–5）' }).selectOption('5');
  await zh.getByLabel('原因').fill('新产品线上量');
  zh.once('dialog', (d) => void d.accept());
  await zh.getByRole('button', { name: '调整 2 个客户的评分' }).click();
  const results = zh.getByRole('status').filter({ hasText: accts[0].name }).filter({ hasText: '已修改' });
  await results.waitFor();
  const text = await results.textContent();
  await checkScreen(zh, 'bulk-rating-zh');
  await zh.waitForTimeout(800);
  assert(await results.isVisible(), 'the bulk results vanished when the list reloaded');
  assert(!/[A-Za-z]{3,}/.test(text.replaceAll(accts[0].name, '').replaceAll(accts[1].name, '')), `English in the Chinese results: ${text}`);
  for (const a of accts) {
    const d = await gql(server, `query($id: ID!) { node(id: $id) { ... on Customer { demand } } }`, { id: a.id }, tok);
    assert(d.node.demand === 5, `${a.name} has demand ${d.node.demand}`);
  }
});
