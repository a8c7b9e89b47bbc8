// "Can we promise it?" (可供货查询), in both languages; its statuses are plain strings
// from the server (not a GraphQL enum), so their labels live here.
import { formatDate, formatNumber, messages } from '../lib/i18n';

export const tav = messages(
  'availability',
  {
    title: 'Can we promise it?',
    intro: 'Whether a quantity can be promised, and from when: stock on hand counts after the safety stock and what the other customers’ forecasts will use within the lead time.',
    quantity: 'Quantity',
    unit: 'Unit',
    ask: 'Ask',
    asking: 'Asking…',
    st_IN_STOCK: 'In stock',
    st_ON_ORDER: 'On its way',
    st_TO_REPLENISH: 'To replenish',
    st_UNKNOWN: 'No stock on file',
    say_IN_STOCK: '{q}: in stock, ships now.',
    say_ON_ORDER: '{q}: covered by stock on its way, ships from {date}.',
    say_TO_REPLENISH: '{q}: needs a replenishment; with {n} days’ lead time, ships from {date}.',
    say_UNKNOWN: '{q}: no stock on file, so it cannot be promised yet.',
    qty: '{n} {unit}',
    shipsFrom: 'Earliest shipping: {date}',
    noDate: 'No shipping date can be promised yet.',
    leadTime: 'Lead time {n} days',
    needQuantity: 'A quantity above zero.',
    badUnit: 'This unit cannot be converted to the product’s unit ({unit}).',
    notFound: 'This product is gone.',
    onlineOnly: 'This needs the network. Try again when online.',
  },
  {
    title: '可供货查询',
    intro: '某个数量能否承诺、最早何时发货：现有库存扣除安全库存以及其他客户在交货周期内的预测用量后计算。',
    quantity: '数量',
    unit: '单位',
    ask: '查询',
    asking: '查询中…',
    st_IN_STOCK: '现货',
    st_ON_ORDER: '在途可供',
    st_TO_REPLENISH: '需补货',
    st_UNKNOWN: '无库存记录',
    say_IN_STOCK: '{q}：现货，可立即发货。',
    say_ON_ORDER: '{q}：在途库存可满足，最早 {date} 发货。',
    say_TO_REPLENISH: '{q}：需要补货，交货期 {n} 天，最早 {date} 发货。',
    say_UNKNOWN: '{q}：没有库存记录，暂时无法承诺。',
    qty: '{n} {unit}',
    shipsFrom: '最早发货：{date}',
    noDate: '暂时无法承诺发货日期。',
    leadTime: '交货周期 {n} 天',
    needQuantity: '请填写大于零的数量。',
    badUnit: '此单位无法换算为产品的单位（{unit}）。',
    notFound: '此产品已不存在。',
    onlineOnly: '此操作需要联网，请联网后重试。',
  },
);

/** An answer's status in words; an unknown one as it came. */
export function availabilityLabel(status: string): string {
  const k = `st_${status}`;
  const s = tav(k as Parameters<typeof tav>[0]);
  return s === k ? status : s;
}

/**
 * The answer in the app's language, from its figures: the quantity grouped and the day
 * in the phone's own time zone and format, where the server's `message` (meant for
 * partners' systems) has plain figures and a UTC day. A status the app does not know
 * keeps the server's words.
 */
export function availabilityText(a: { status: string; quantity: number; unit: string; earliestShipAt?: string | null; leadTimeDays: number; message: string }): string {
  const k = `say_${a.status}`;
  const q = tav('qty', { n: formatNumber(a.quantity, 3), unit: a.unit });
  const needsDate = a.status === 'ON_ORDER' || a.status === 'TO_REPLENISH';
  if (needsDate && !a.earliestShipAt) return a.message;
  const s = tav(k as Parameters<typeof tav>[0], { q, date: formatDate(a.earliestShipAt), n: a.leadTimeDays });
  return s === k ? a.message : s;
}
