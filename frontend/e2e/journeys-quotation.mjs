// Quotations (报价) and the price agreements they become, on the phone in Chinese as rep1:
// draft a quotation with two quantity breaks on one of rep1's accounts, send it, record
// the customer's acceptance, and print it for the customer; then an order line of that
// product takes the agreed price, and a different one asks for a reason. Registered by
// journeys.mjs (node frontend/e2e/journeys.mjs quotation).
import {
  assert,
  checkScreen,
  gql,
  heading,
  journey,
  ownAccount,
  pageOffline,
  serviceWorkerReady,
  signInFast,
  until,
} from './lib.mjs';

journey('quotation', async ({ server, phone }) => {
  const { tok, id: customerID, name } = await ownAccount(server);
  const { page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { path: `/customers/${encodeURIComponent(customerID)}` });
  await heading(page, name).waitFor();

  // The account's section, and the way to a new quotation.
  const section = page.locator('section[aria-labelledby="quotations-h"]');
  await section.locator('h2', { hasText: '报价' }).waitFor();
  await section.getByRole('link', { name: '+ 新建报价' }).click();
  await heading(page, '新建报价').waitFor();
  await page.getByRole('group', { name: '价格 1' }).waitFor();
  assert((await page.getByRole('button', { name: 'CNY' }).getAttribute('aria-pressed')) === 'true', 'the currency is not CNY by default');
  const from = await page.getByLabel('有效期自').inputValue();
  const until90 = await page.getByLabel('有效期至').inputValue();
  assert(Math.round((Date.parse(until90) - Date.parse(from)) / 86400_000) === 90, `the default period: ${from} – ${until90}`);

  // Nothing filled in: the form says what is missing, at the field.
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByRole('alert').filter({ hasText: '请检查下面标出的内容。' }).waitFor();
  const line1 = page.getByRole('group', { name: '价格 1' });
  await line1.getByText('请选择产品。').waitFor();
  await line1.getByText('请填写大于零的价格。').waitFor();

  // Terms, then two quantity breaks of one product.
  await page.getByLabel('贸易术语').selectOption('FOB');
  await page.getByLabel('指定地点（如 宁波）').fill('宁波');
  await page.getByLabel('账期（天）').fill('60');
  await page.getByLabel('付款条件').fill('月结 60 天，银行承兑汇票');
  await page.getByLabel('备注（打印在报价单上）').fill('价格含 13% 增值税。');
  // (Its label now also holds the error under it.)
  const productSelect = line1.getByRole('combobox', { name: /^产品/ });
  const option = productSelect.locator('option').nth(1);
  const productID = await option.getAttribute('value');
  const productLabel = (await option.textContent()).trim();
  await productSelect.selectOption(productID);
  await line1.getByRole('textbox', { name: /^单价/ }).fill('42.5');
  await page.getByRole('button', { name: '+ 添加价格' }).click();
  const line2 = page.getByRole('group', { name: '价格 2' });
  assert((await line2.getByRole('combobox', { name: /^产品/ }).inputValue()) === productID, 'the new line does not start with the product of the last one');
  await line2.getByLabel('起订量').fill('1000');
  await line2.getByLabel(/^单价/).fill('41');
  await checkScreen(page, 'quotation-new-zh');
  await page.getByRole('button', { name: '保存草稿' }).click();

  // The draft's page: number, status, the breaks of the product.
  await page.waitForURL((u) => /^\/quotations\/[^/]+$/.test(u.pathname));
  const qid = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
  const h1 = heading(page, '报价 Q-');
  await h1.waitFor();
  const number = (await h1.textContent()).replace('报价', '').trim();
  await page.locator('.badge', { hasText: '草稿' }).first().waitFor();
  const prices = page.locator('section[aria-labelledby="qt-prices-h"]');
  await prices.getByText('1,000 kg 以下').waitFor();
  await prices.getByText('1,000 kg 及以上').waitFor();
  await checkScreen(page, 'quotation-draft-zh');

  // Sent, after the confirmation.
  await page.getByRole('button', { name: '标记为已发送' }).click();
  await page.getByRole('button', { name: '确认已发送' }).click();
  await page.getByRole('status').filter({ hasText: '已标记为已发送。' }).waitFor();
  await page.locator('.badge', { hasText: '已发送' }).first().waitFor();
  assert((await page.getByRole('link', { name: '编辑草稿' }).count()) === 0, 'a sent quotation still offers editing');

  // The customer accepts: who at the customer is asked for.
  await page.getByRole('button', { name: '客户接受' }).click();
  await page.getByRole('button', { name: '确认接受' }).click();
  await page.getByText('请填写客户方答复人。').waitFor();
  await page.getByLabel('客户方答复人').fill('王经理');
  await page.getByLabel('客户的理由或条件（选填）').fill('按此价格执行到期');
  await checkScreen(page, 'quotation-answer-zh');
  await page.getByRole('button', { name: '确认接受' }).click();
  await page.getByRole('status').filter({ hasText: '已记录客户接受' }).waitFor();
  await page.locator('.badge', { hasText: '价格协议执行中' }).first().waitFor();
  await checkScreen(page, 'quotation-accepted-zh');

  const held = (await gql(
    server,
    `query($id: ID!) { node(id: $id) { ... on Quotation { number status inForce decidedBy currency incoterm paymentDays lines { minQuantity unitPrice unit product { id } } } } }`,
    { id: qid },
    tok,
  )).node;
  assert(Array.isArray(held.lines), `the quotation on the server: ${JSON.stringify(held)}`);
  const lines = [...held.lines].sort((a, b) => a.minQuantity - b.minQuantity);
  assert(held.status === 'ACCEPTED' && held.inForce && held.decidedBy === '王经理', `the quotation on the server: ${JSON.stringify(held)}`);
  assert(held.number === number && held.currency === 'CNY' && held.incoterm === 'FOB' && held.paymentDays === 60, `its terms: ${JSON.stringify(held)}`);
  assert(
    lines.length === 2 &&
      lines.every((l) => l.product.id === productID && l.unit === 'kg') &&
      lines[0].minQuantity === 0 &&
      lines[0].unitPrice === 42.5 &&
      lines[1].minQuantity === 1000 &&
      lines[1].unitPrice === 41,
    `its lines: ${JSON.stringify(held.lines)}`,
  );

  // On the account: listed, as the agreement in force.
  await page.goto(`/customers/${encodeURIComponent(customerID)}`);
  const row = section.locator('li.qt-in-force', { hasText: number });
  await row.waitFor();
  await row.locator('.badge', { hasText: '已接受' }).waitFor();
  await checkScreen(page, 'account-quotations-zh');

  // Printed for the customer: number, lines and terms, nothing internal; in English on request.
  await page.goto(`/quotations/${encodeURIComponent(qid)}/print`);
  await heading(page, '报价单').waitFor();
  const sheet = page.locator('main.report');
  await sheet.getByText(number).first().waitFor();
  const text = await sheet.innerText();
  for (const s of ['42.5 / kg', '41 / kg', '1,000 kg 以下', '1,000 kg 及以上', 'FOB（船上交货） 宁波', '发票开具后 60 天内付款', '价格含 13% 增值税。', productLabel.split(' ').slice(1).join(' ')])
    assert(text.includes(s), `the printed quotation lacks "${s}":\n${text}`);
  for (const s of ['王经理', '按此价格执行到期', '已接受', '制作人'])
    assert(!text.includes(s), `the printed quotation shows the internal "${s}"`);
  await checkScreen(page, 'quotation-print-zh');
  const css = await page.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
  assert(/@page\s*\{[^}]*margin/.test(css), 'the print view sets no @page margins');
  await page.getByRole('button', { name: 'English' }).click();
  await heading(page, 'Quotation').waitFor();
  await sheet.getByText('1,000 kg and above').waitFor();
  assert((await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')) === 'true', 'English is not pressed');
  await checkScreen(page, 'quotation-print-en');
  const pdf = await page.pdf({ format: 'A4' });
  assert(pdf.subarray(0, 4).toString() === '%PDF' && pdf.length > 5_000, `the quotation does not print to a PDF (${pdf.length} bytes)`);

  // An order line of the product now takes the agreed price; another price asks why.
  const orderNo = `E2E-QT-${Date.now().toString(36)}`;
  const { createOrder } = await gql(
    server,
    `mutation($in: CreateOrderInput!) { createOrder(input: $in) { id } }`,
    { in: { customerID, number: orderNo, currency: 'CNY' } },
    tok,
  );
  await page.goto(`/orders/${encodeURIComponent(createOrder.id)}`);
  await heading(page, orderNo).waitFor();
  await page.getByRole('button', { name: '+ 添加订单行' }).click();
  await page.getByRole('combobox', { name: /^产品/ }).selectOption(productID);
  await page.getByLabel('数量').fill('2000');
  await page.getByTestId('agreed-price').filter({ hasText: `价格协议 ${number}` }).waitFor();
  await until(async () => (await page.getByLabel(/^单价/).inputValue()) === '41', { message: 'the agreed price to be filled in' });
  await page.getByLabel(/^单价/).fill('39');
  await page.getByText('只有经理可以保存改价。').waitFor();
  await page.getByLabel('改价原因').waitFor();
  await checkScreen(page, 'order-line-agreed-zh');
  await page.getByRole('button', { name: '使用协议价' }).click();
  assert((await page.getByLabel('改价原因').count()) === 0, 'the reason is still asked for at the agreed price');
  await page.getByRole('button', { name: '添加此行' }).click();
  await page.getByRole('status').filter({ hasText: '订单行已添加。' }).waitFor();
  await page.getByRole('link', { name: new RegExp(`^价格协议 ${number}`) }).waitFor();
  const order = (await gql(server, `query($id: ID!) { node(id: $id) { ... on Order { lines(first: 5) { edges { node { unitPrice agreement { id } } } } } } }`, { id: createOrder.id }, tok)).node;
  const ol = order.lines.edges.map((e) => e.node);
  assert(ol.length === 1 && ol[0].unitPrice === 41 && ol[0].agreement?.id === qid, `the order line: ${JSON.stringify(ol)}`);
});

// Today names the agreements that end soon (in Chinese), and the row opens the quotation:
// one of rep1's accounts gets an agreement ending in ten days (drafted, sent and accepted
// through the API), whatever the demo data holds by then.
journey('quotation-today', async ({ server, phone }) => {
  const { tok, id: customerID } = await ownAccount(server);
  const { products } = await gql(server, '{ products(first: 1, where: { active: true }) { edges { node { id } } } }', {}, tok);
  const now = Date.now();
  const { draftQuotation: q } = await gql(
    server,
    `mutation($in: QuotationDraftInput!) { draftQuotation(input: $in) { id version } }`,
    {
      in: {
        customerID,
        validFrom: new Date(now - 86400_000).toISOString(),
        validUntil: new Date(now + 10 * 86400_000).toISOString(),
        lines: [{ productID: products.edges[0].node.id, minQuantity: 5, unitPrice: 12.5 }],
      },
    },
    tok,
  );
  const sent = (await gql(server, `mutation($id: ID!, $v: Int) { sendQuotation(id: $id, version: $v) { version } }`, { id: q.id, v: q.version }, tok)).sendQuotation;
  await gql(server, `mutation($in: QuotationAnswerInput!) { acceptQuotation(input: $in) { id } }`, { in: { id: q.id, version: sent.version, decidedBy: '采购部 李工' } }, tok);

  const { page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { path: '/' });
  await heading(page, '今日').waitFor();
  const kind = page.locator('[data-more="AGREEMENT_EXPIRING"]');
  await kind.waitFor();
  const more = kind.getByRole('button');
  if (await more.count()) await more.click();
  const row = page.locator(`li[data-kind="AGREEMENT_EXPIRING"]:has(a.row[href="/quotations/${q.id}"])`);
  await row.waitFor();
  assert((await row.locator('.row-sub').textContent()).startsWith('价格协议即将到期'), `the row's kind: ${await row.locator('.row-sub').textContent()}`);
  await checkScreen(page, 'today-agreement-zh');
  await row.locator('a.row').click();
  await page.waitForURL((u) => u.pathname === `/quotations/${q.id}`);
  await heading(page, '报价 Q-').waitFor();
  await page.locator('.badge', { hasText: '价格协议执行中' }).first().waitFor();
  await checkScreen(page, 'quotation-from-today-zh');
});

// A quotation drafted with no network: the account's page kept what the form needs, the
// draft waits on the phone (shown on the account as waiting), goes out when the network
// is back, and the server holds exactly one draft.
journey('quotation-offline', async ({ server, phone }) => {
  const { tok, id: customerID, name } = await ownAccount(server);
  const { page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { path: '/' });
  await heading(page, '今日').waitFor();
  await serviceWorkerReady(page);
  const kept = page.waitForResponse((r) => r.url().endsWith('/graphql') && /QuotationFormAccount/.test(r.request().postData() ?? ''));
  await page.goto(`/customers/${encodeURIComponent(customerID)}`);
  await heading(page, name).waitFor();
  await kept;
  await page.waitForTimeout(300); // the answer is written to IndexedDB

  const cdp = await pageOffline(page);
  const section = page.locator('section[aria-labelledby="quotations-h"]');
  await section.getByRole('link', { name: '+ 新建报价' }).click();
  const line1 = page.getByRole('group', { name: '价格 1' });
  await line1.waitFor();
  await line1.getByRole('combobox', { name: /^产品/ }).selectOption({ index: 1 });
  await line1.getByRole('textbox', { name: /^单价/ }).fill('37.25');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByText('报价草稿已保存在手机上，联网后自动发送。').waitFor();
  await checkScreen(page, 'quotation-saved-offline-zh');
  await page.getByRole('link', { name: '返回客户' }).click();
  await heading(page, name).waitFor();
  await section.locator('.badge', { hasText: '等待发送' }).waitFor();

  const drafts = async () =>
    (await gql(server, `query($id: ID!) { node(id: $id) { ... on Customer { quotations(first: 100) { edges { node { status lines { unitPrice } } } } } } }`, { id: customerID }, tok))
      .node.quotations.edges.map((e) => e.node)
      .filter((q) => q.status === 'DRAFT' && q.lines.some((l) => l.unitPrice === 37.25));
  assert((await drafts()).length === 0, 'the draft reached the server while offline');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await until(async () => (await drafts()).length === 1, { message: 'the draft to reach the server once', timeout: 45_000 });
  await until(async () => (await section.locator('.badge', { hasText: '等待发送' }).count()) === 0, { message: 'the waiting row to go', timeout: 15_000 });
  await section.locator('a.row', { hasText: '草稿' }).first().waitFor();
  assert((await drafts()).length === 1, 'the draft was made twice');
});
