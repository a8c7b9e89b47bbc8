// The stock plan (库存计划) on the phone. Registered by journeys.mjs
// (node frontend/e2e/journeys.mjs stock; also stock-prices, stock-availability):
//   stock — the manager, in Chinese, goes from the Team screen to the stock plan, finds a
//           product still without stock, enters 5000 kg on hand, safety stock 500 and a
//           lead time of 30 days, saves, and sees the plan's status and its reasons; the
//           server holds stockOnHand 5000. A bad quantity is refused first.
//   stock-prices — the manager, in Chinese, on the stock page of a product in a price
//           agreement (an accepted demo quotation in force): the price history with its
//           kinds in words, the agreement under the newest list price; records a new list
//           price (a price of zero and a bad currency refused first) and sees the agreement
//           it leaves as agreed, which opens the quotation; the server holds the price. The
//           analyst reads the prices but records none.
//   stock-availability — the manager asks whether 100 of a product with stock can be
//           promised (a quantity of zero and a unit that does not convert refused in
//           Chinese) and sees the status chip, the answer and the date; rep1 adding a line
//           to an order of theirs sees the answer for the account under the quantity.
import { assert, checkScreen, gql, heading, journey, REP, signInFast, token, until } from './lib.mjs';

const MANAGER = 'manager@demo.tandem';

journey('stock', async ({ server, phone }) => {
  // A product customers order, with no stock on file yet.
  const tok = await token(server, MANAGER);
  const d = await gql(
    server,
    `{ products(first: 1, where: { active: true, stockOnHandIsNil: true, hasOrderLines: true }, orderBy: { field: CODE, direction: ASC }) { edges { node { id code name unit } } } }`,
    {},
    tok,
  );
  const product = d.products.edges[0].node;

  const { page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { email: MANAGER, path: '/team' });
  await heading(page, '团队').waitFor();
  await page.getByRole('link', { name: '库存计划' }).click();
  await page.waitForURL((u) => u.pathname === '/stock');
  await heading(page, '库存计划').waitFor();
  await page.locator('#stock-enter-h').waitFor();
  await checkScreen(page, 'stock-plans-zh');

  // Find the product among those without stock and open it.
  await page.getByLabel('产品编号或名称').fill(product.code);
  const row = page.getByTestId('stock-products').locator('a.row').filter({ hasText: product.code });
  await row.first().click();
  await page.waitForURL((u) => u.pathname === `/stock/${encodeURIComponent(product.id)}`);
  await heading(page, product.code).waitFor();
  await page.getByTestId('stock-plan').waitFor();
  await page.locator('.badge', { hasText: '未录入库存' }).first().waitFor();

  // A bad quantity, refused; then the stock.
  const onHand = page.getByLabel(`现有库存（${product.unit}）`);
  await onHand.fill('-5');
  await page.getByRole('button', { name: '保存库存' }).click();
  await page.getByText('请填写大于或等于零的数量。').waitFor();
  await onHand.fill('5000');
  await page.getByLabel(`安全库存（${product.unit}）`).fill('500');
  await page.getByLabel('交货周期（天）').fill('30');
  await checkScreen(page, 'stock-form-zh');
  await page.getByRole('button', { name: '保存库存' }).click();
  await page.getByText('库存已保存。').waitFor();

  // A status other than "no stock on file", and its reasons.
  const statuses = ['无需求预测', '立即下单', '即将下单', '充足'];
  await page.locator('#st-plan-h .badge').filter({ hasText: new RegExp(statuses.join('|')) }).waitFor();
  await page.getByTestId('stock-plan').getByText('5,000').waitFor();
  assert((await page.getByTestId('stock-reasons').locator('li').count()) > 0, 'no reasons shown');
  await checkScreen(page, 'stock-product-zh');

  // The server holds it.
  const p = await gql(server, `query($id: ID!) { node(id: $id) { ... on Product { stockOnHand safetyStock leadTimeDays stockCountedAt } } }`, { id: product.id }, tok);
  assert(p.node.stockOnHand === 5000 && p.node.safetyStock === 500 && p.node.leadTimeDays === 30 && p.node.stockCountedAt, `the server holds ${JSON.stringify(p.node)}`);

  // Back on the plan, the product is listed with its status.
  await page.goto('/stock');
  await page.getByTestId('stock-plans').locator('a.row').filter({ hasText: product.code }).waitFor();
  await checkScreen(page, 'stock-plans-filled-zh');
});

const STATUS_ZH = /^(现货|在途可供|需补货|无库存记录)$/;

journey('stock-prices', async ({ server, phone }) => {
  // An accepted agreement still in force, and a product of it.
  const tok = await token(server, MANAGER);
  const { quotations } = await gql(
    server,
    `query($now: Time!) { quotations(first: 1, where: { status: ACCEPTED, validUntilGTE: $now }, orderBy: { field: VALID_UNTIL, direction: DESC }) { edges { node { id number customer { name } lines { product { id code unit } } } } } }`,
    { now: new Date().toISOString() },
    tok,
  );
  const agreement = quotations.edges[0]?.node;
  assert(agreement, 'the demo has no accepted agreement in force');
  const product = agreement.lines[0].product;

  const { page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { email: MANAGER, path: `/stock/${encodeURIComponent(product.id)}` });
  await heading(page, product.code).waitFor();
  const sec = page.locator('section[aria-labelledby="pr-h"]');
  await sec.locator('h2', { hasText: '价格' }).waitFor();
  const points = sec.getByTestId('price-point');
  await points.first().waitFor();
  await sec.locator('[data-kind="LIST"] .badge', { hasText: '目录价' }).first().waitFor();
  await sec.locator('[data-kind="LIST"]').first().getByTestId('affected-agreements').getByRole('link', { name: new RegExp(`^价格协议 ${agreement.number}`) }).waitFor();
  await checkScreen(page, 'stock-prices-zh');

  // A price of zero and a currency of two letters are refused; then the new list price.
  await sec.getByRole('button', { name: '+ 记录价格' }).click();
  const price = sec.getByRole('textbox', { name: /^价格(?!协议)/ });
  await price.fill('0');
  await sec.getByLabel('币种').fill('CN');
  await sec.getByRole('button', { name: '保存价格' }).click();
  await sec.getByText('请填写大于零的价格。').waitFor();
  await sec.getByText('请填写三位币种代码，如 CNY。').waitFor();
  await price.fill('88.8');
  await sec.getByLabel('币种').fill('cny');
  await sec.getByLabel(/^来源/).fill('E2E 价目表');
  assert((await sec.getByLabel('类型').inputValue()) === 'LIST', 'a new price is not a list price by default');
  await checkScreen(page, 'stock-price-form-zh');
  await sec.getByRole('button', { name: '保存价格' }).click();
  const saved = sec.getByTestId('price-saved');
  await saved.getByText(/价格已保存：.+ 起 88\.8 CNY。/).waitFor();
  await saved.getByText('以下价格协议在到期前仍按协议价执行：').waitFor();
  const link = saved.getByRole('link', { name: new RegExp(`^价格协议 ${agreement.number}`) });
  await link.waitFor();
  await saved.getByText(agreement.customer.name, { exact: false }).first().waitFor();
  await points.first().getByText('88.8 CNY').waitFor();
  await points.first().getByText('E2E 价目表', { exact: false }).waitFor();
  await checkScreen(page, 'stock-price-saved-zh');

  // The server holds it.
  const p = await gql(
    server,
    `query($id: ID!) { node(id: $id) { ... on Product { pricePoints(first: 1, orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { kind price currency source affectedAgreements { id } } } } } } }`,
    { id: product.id },
    tok,
  );
  const held = p.node.pricePoints.edges[0].node;
  assert(held.kind === 'LIST' && held.price === 88.8 && held.currency === 'CNY' && held.source === 'E2E 价目表', `the server holds ${JSON.stringify(held)}`);
  assert(held.affectedAgreements.some((a) => a.id === agreement.id), `the agreement is not affected on the server: ${JSON.stringify(held.affectedAgreements)}`);

  // The agreement opens its quotation.
  await link.click();
  await page.waitForURL((u) => u.pathname === `/quotations/${agreement.id}`);
  await heading(page, agreement.number).waitFor();

  // The analyst reads the prices, records none.
  const a = await phone({ locale: 'zh-CN' });
  await signInFast(a.page, server, { email: 'analyst@demo.tandem', path: `/stock/${encodeURIComponent(product.id)}` });
  await heading(a.page, product.code).waitFor();
  const asec = a.page.locator('section[aria-labelledby="pr-h"]');
  await asec.getByTestId('price-point').first().getByText('88.8 CNY').waitFor();
  await asec.getByText('价格仅由经理记录。').waitFor();
  assert((await asec.getByRole('button', { name: '+ 记录价格' }).count()) === 0, 'an analyst may record prices');
  await checkScreen(a.page, 'stock-prices-analyst-zh');
});

journey('stock-availability', async ({ server, phone }) => {
  const tok = await token(server, MANAGER);
  const d = await gql(
    server,
    `{ products(first: 1, where: { active: true, stockOnHandNotNil: true }, orderBy: { field: CODE, direction: ASC }) { edges { node { id code name unit } } } }`,
    {},
    tok,
  );
  const product = d.products.edges[0]?.node;
  assert(product, 'the demo has no product with stock on file');

  const { page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { email: MANAGER, path: `/stock/${encodeURIComponent(product.id)}` });
  await heading(page, product.code).waitFor();
  const box = page.locator('section[aria-labelledby="av-h"]');
  await box.locator('h2', { hasText: '可供货查询' }).waitFor();
  assert((await box.getByLabel(/^单位/).inputValue()) === product.unit, 'the unit is not the product’s');

  // A quantity of zero, then a unit that does not convert: refused in Chinese.
  const qty = box.getByLabel(/^数量/);
  await qty.fill('0');
  await box.getByRole('button', { name: '查询' }).click();
  await box.getByText('请填写大于零的数量。').waitFor();
  await qty.fill('100');
  await box.getByLabel(/^单位/).fill('pcs');
  await box.getByRole('button', { name: '查询' }).click();
  await box.getByText(`此单位无法换算为产品的单位（${product.unit}）。`).waitFor();

  // The answer: its status chip in words, the server's sentence, the date.
  await box.getByLabel(/^单位/).fill(product.unit);
  await box.getByRole('button', { name: '查询' }).click();
  const answer = box.getByTestId('availability');
  await answer.getByText(`100 ${product.unit}：`, { exact: false }).waitFor();
  const chip = (await answer.locator('.badge').textContent()).trim();
  assert(STATUS_ZH.test(chip), `the status chip says ${chip}`);
  await answer.getByText(/最早发货：|暂时无法承诺发货日期。/).waitFor();
  await checkScreen(page, 'stock-availability-zh');

  // In English, the same question is answered in English.
  const en = await phone({ locale: 'en-US' });
  await signInFast(en.page, server, { email: MANAGER, path: `/stock/${encodeURIComponent(product.id)}` });
  const ebox = en.page.locator('section[aria-labelledby="av-h"]');
  await ebox.getByLabel(/^Quantity/).fill('100');
  await ebox.getByRole('button', { name: 'Ask' }).click();
  await ebox.getByTestId('availability').locator('.badge').filter({ hasText: /^(In stock|On its way|To replenish|No stock on file)$/ }).waitFor();
  await ebox.getByTestId('availability').getByText(`100 ${product.unit}:`, { exact: false }).waitFor();

  // rep1 writing an order line of the product for one of their accounts: the answer under the quantity.
  const rtok = await token(server, REP);
  const { me } = await gql(server, '{ me { id } }', {}, rtok);
  const c = await gql(server, `query($o: ID!) { customers(first: 1, where: { ownerID: $o }, orderBy: { field: NAME, direction: ASC }) { edges { node { id } } } }`, { o: me.id }, rtok);
  const orderNo = `E2E-AV-${Date.now().toString(36)}`;
  const { createOrder } = await gql(
    server,
    `mutation($in: CreateOrderInput!) { createOrder(input: $in) { id } }`,
    { in: { customerID: c.customers.edges[0].node.id, number: orderNo, currency: 'CNY' } },
    rtok,
  );
  const r = await phone({ locale: 'zh-CN' });
  await signInFast(r.page, server, { path: `/orders/${encodeURIComponent(createOrder.id)}` });
  await heading(r.page, orderNo).waitFor();
  await r.page.getByRole('button', { name: '+ 添加订单行' }).click();
  await r.page.getByRole('combobox', { name: /^产品/ }).selectOption(product.id);
  await r.page.getByLabel(/^数量/).fill('50');
  const hint = r.page.getByTestId('availability-hint');
  await hint.filter({ hasText: `50 ${product.unit}：` }).waitFor();
  assert(await hint.isVisible(), 'the availability hint is hidden');
  await checkScreen(r.page, 'order-line-availability-zh');
  // A quantity of zero: the hint goes, and saving is not blocked by it.
  await r.page.getByLabel(/^数量/).fill('0');
  await until(async () => !(await hint.isVisible()), { message: 'the hint to go for a quantity of zero' });
});
