// Administration journeys (src/screens/admin): an admin adds a user, who signs in with
// the temporary password and must choose their own before anything else; the admin
// resets it and reads the changes in the audit log under their own name. Every admin
// screen passes axe and the touch-target check.
import { ADMIN, assert, checkScreen, gql, journey, login, signInFast, stamp } from './lib.mjs';

journey('admin-users', async ({ server, phone }) => {
  const { page } = await phone({ locale: 'en-US' });
  await signInFast(page, server, { email: ADMIN, path: '/settings' });
  await page.evaluate(() => localStorage.setItem('tandem.lang', 'en'));
  await page.reload();
  await page.getByRole('link', { name: /Administration/ }).click();
  await page.waitForURL(/\/admin$/);
  await checkScreen(page, 'admin-home');

  // Add a user: the temporary password is shown once.
  await page.getByRole('link', { name: 'Users' }).click();
  await page.waitForURL(/\/admin\/users$/);
  await checkScreen(page, 'admin-users');
  const email = `e2e.${stamp()}@demo.tandem`;
  await page.getByRole('button', { name: 'Add user' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Zhou Min');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.locator('form.card').getByRole('button', { name: 'Add user' }).click();
  const secret = page.locator('[data-secret]');
  await secret.waitFor();
  const temp = (await secret.textContent()).trim();
  assert(temp.length >= 20, `temporary password "${temp}"`);
  await checkScreen(page, 'admin-users-temp');
  await page.getByRole('button', { name: 'Done' }).click();

  // The other admin screens.
  for (const [link, name] of [['Teams', 'admin-teams'], ['Partner tokens', 'admin-tokens'], ['Webhooks', 'admin-webhooks'], ['Audit log', 'admin-audit']]) {
    await page.goto('/admin');
    await page.getByRole('link', { name: link }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/admin/'));
    await checkScreen(page, name);
  }

  // Sign out; the new user signs in and is made to choose a password first.
  await page.evaluate(() => localStorage.removeItem('tandem.session'));
  await signInUIAllowingChange(page, email, temp);
  await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
  await checkScreen(page, 'admin-forced-change');
  await page.getByLabel('Temporary password').fill(temp);
  await page.getByLabel(/^New password \(/).fill('my own passphrase 1');
  await page.getByLabel('New password again').fill('my own passphrase 1');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  const fresh = await login(server, email, 'my own passphrase 1');
  assert(fresh && !fresh.mustChangePassword, 'the new password does not sign in cleanly');

  // The admin resets the password; the audit log lists the changes with the admin's name.
  await page.evaluate(() => localStorage.removeItem('tandem.session'));
  await signInFast(page, server, { email: ADMIN, path: '/admin/users' });
  await page.getByLabel('Search name or email').fill(email);
  // The unfiltered list shows the user too, and is replaced by the filtered one (a
  // click in between lands on a row that goes): wait for the filtered list.
  await page.waitForFunction(() => document.querySelectorAll('li[data-user]').length === 1);
  const row = page.locator(`li[data-user="${email}"]`);
  await row.getByRole('button', { name: 'Reset password' }).click();
  await row.getByRole('button', { name: 'Yes, reset' }).click();
  await page.locator('[data-secret]').waitFor();
  const admin = (await login(server, ADMIN)).user;
  const q = `query($e: String!) { users(first: 1, where: { email: $e }) { edges { node { id } } } }`;
  const { users } = await gql(server, q, { e: email }, (await login(server, ADMIN)).accessToken);
  const userID = users.edges[0].node.id;
  await page.goto('/admin/audit');
  await page.getByLabel('Record ID').fill(userID);
  await page.getByRole('button', { name: 'Filter' }).click();
  const entries = page.locator(`li[data-audit="${userID}"]`);
  // The unfiltered list may show some of them before the filtered one replaces it: wait
  // for the filtered list (no loading) to hold the three, or fail on what it holds.
  await page
    .waitForFunction((id) => !document.querySelector('.loading') && document.querySelectorAll(`li[data-audit="${id}"]`).length >= 3, userID, { timeout: 15_000 })
    .catch(() => {});
  const n = await entries.count();
  assert(n >= 3, `the audit log lists ${n} changes of the user (create, password change, reset)`);
  const actors = await entries.locator('.audit-actor').allTextContents();
  assert(actors.some((a) => a.includes(admin.name) && a.includes(ADMIN)), `no entry names the admin: ${actors.join(' | ')}`);
  assert(actors.some((a) => a.includes('Zhou Min')), `the user's own password change is not theirs: ${actors.join(' | ')}`);
  await entries.first().getByRole('button', { name: /Show changes/ }).click();
  const text = await entries.first().textContent();
  assert(!/password_hash|argon/i.test(text), 'a password hash shows in the audit log');
  await checkScreen(page, 'admin-audit-filtered');

  // The only admin cannot deactivate themselves: the question says it is their own
  // account, and the server refuses (LAST_ADMIN), said in the app's language.
  const adminTok = (await login(server, ADMIN)).accessToken;
  const admins = await gql(server, `{ users(first: 5, where: { role: ADMIN, active: true }) { totalCount } }`, {}, adminTok);
  assert(admins.users.totalCount === 1, `the demo has ${admins.users.totalCount} active admins: this check would deactivate one`);
  await page.goto('/admin/users');
  await page.getByLabel('Search name or email').fill(ADMIN);
  const own = page.locator(`li[data-user="${ADMIN}"]`);
  // The search answers after a pause: act once the list holds this one row, so it
  // does not move under the pointer (or under the tab bar) as the list reloads.
  await page.waitForFunction(() => document.querySelectorAll('li[data-user]').length === 1);
  await own.getByRole('button', { name: 'Deactivate' }).click();
  await own.getByText('Deactivate your own account?').waitFor();
  const yes = own.getByRole('button', { name: 'Yes, deactivate' });
  await yes.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await yes.click();
  await own.getByText('Tandem needs at least one active admin').waitFor();
  assert((await login(server, ADMIN)).accessToken, 'the admin can no longer sign in');
});

/** Signs in through the form without waiting to leave /signin (the forced change screen stays there). */
async function signInUIAllowingChange(page, email, password) {
  await page.goto('/signin');
  await page.getByLabel(/^(Email|邮箱)$/).fill(email);
  await page.getByLabel(/^(Password|密码)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
}

// The admin screens in Chinese: headings and buttons in Chinese, axe and touch targets.
journey('admin-zh', async ({ server, phone }) => {
  const { page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { email: ADMIN, path: '/admin' });
  await page.evaluate(() => localStorage.setItem('tandem.lang', 'zh'));
  for (const [path, h1] of [['/admin', '系统管理'], ['/admin/users', '用户'], ['/admin/teams', '团队'], ['/admin/tokens', '合作伙伴令牌'], ['/admin/webhooks', '推送接口'], ['/admin/classification', '分类权重'], ['/admin/audit', '操作日志']]) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: h1 }).waitFor();
    await checkScreen(page, 'zh' + path.replaceAll('/', '-'));
    const main = await page.locator('main').innerText();
    for (const en of ['Add user', 'Search name', 'Issue token', 'Add endpoint', 'Load more', 'Filter', 'Deactivate', 'Save weights']) {
      assert(!main.includes(en), `${path} shows “${en}” in Chinese`);
    }
  }
  // The add-user form offers the functions by name, not by code.
  await page.goto('/admin/users');
  await page.getByRole('button', { name: '添加用户' }).first().click();
  const funcs = await page.getByRole('combobox', { name: '职能' }).locator('option').allInnerTexts();
  assert(funcs.join() === '销售,技术,管理,支持', `the 职能 select offers ${funcs.join()}`);
});

// An admin changes a classification weight: the form shows the weights in force, a
// mistake is named at its field, the save asks first and answers how many accounts
// changed tier, and a reload shows the new value. The weights are put back at the end.
journey('admin-classification', async ({ server, phone }) => {
  const adminToken = (await login(server, ADMIN)).accessToken;
  const read = `{ classificationWeights { version weightScale weightTechnicalLevel weightCredit weightDemand weightEaseOfClosing tierA tierB minInputs } }`;
  const before = (await gql(server, read, {}, adminToken)).classificationWeights;

  const { page } = await phone({ locale: 'en-US' });
  await signInFast(page, server, { email: ADMIN, path: '/admin' });
  await page.evaluate(() => localStorage.setItem('tandem.lang', 'en'));
  await page.reload();
  await page.getByRole('link', { name: 'Classification weights' }).click();
  await page.waitForURL(/\/admin\/classification$/);
  await checkScreen(page, 'admin-classification');
  const demand = page.locator('input[name=weightDemand]');
  assert(Number(await demand.inputValue()) === before.weightDemand, 'the form does not show the demand weight in force');
  await page.locator('[data-preview]').filter({ hasText: `${before.tierA} or more is tier A` }).waitFor();

  // A tier B above tier A is named at its field, and the save is not offered.
  await page.locator('input[name=tierB]').fill(String(before.tierA + 0.5));
  await page.getByRole('alert').filter({ hasText: 'Tier B cannot start above tier A' }).waitFor();
  assert(await page.getByRole('button', { name: 'Save weights' }).isDisabled(), 'a bad form may be saved');
  await page.locator('input[name=tierB]').fill(String(before.tierB));

  const next = before.weightDemand + 1;
  await demand.fill(String(next));
  await page.getByRole('button', { name: 'Save weights' }).click();
  await page.getByRole('button', { name: 'Yes, save' }).click();
  await page.getByRole('status').filter({ hasText: /^Saved; \d+ accounts changed tier\.$/ }).waitFor();
  await checkScreen(page, 'admin-classification-saved');
  await page.reload();
  await page.locator('input[name=weightDemand]').waitFor();
  assert(Number(await page.locator('input[name=weightDemand]').inputValue()) === next, 'the reload does not show the saved weight');
  await page.getByText(/Last saved by /).waitFor();

  const now = (await gql(server, read, {}, adminToken)).classificationWeights;
  const { version, ...weights } = before;
  await gql(server, `mutation($in: SetClassificationWeightsInput!) { setClassificationWeights(input: $in) { changedTier } }`,
    { in: { ...weights, expectedVersion: now.version } }, adminToken);
});
