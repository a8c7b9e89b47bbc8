// The stock plan (库存计划) on the phone. Registered by journeys.mjs
// (node frontend/e2e/journeys.mjs stock):
//   stock — the manager, in Chinese, goes from the Team screen to the stock plan, finds a
//           product still without stock, enters 5000 kg on hand, safety stock 500 and a
//           lead time of 30 days, saves, and sees the plan's status and its reasons; the
//           server holds stockOnHand 5000. A bad quantity is refused first.
import { assert, checkScreen, gql, journey, signInFast, token } from './lib.mjs';

const MANAGER = 'manager@demo.tandem';
const heading = (page, name) => page.locator('h1').filter({ hasText: name });

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
