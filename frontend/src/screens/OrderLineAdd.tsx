// An order's lines and the customer's price agreement (价格协议): adding a line shows
// the agreed price for the product and quantity (agreedPrice) and takes it; a different
// price needs a reason (priceNote) and is a manager's decision (the server refuses it to
// a rep). A line priced under an agreement names it, with the reason of a different
// price. Online only, like the other corrections on an order. Under the quantity, whether
// it can be promised to the account, and from when (availability; a hint, never a block).
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { ApiError, OfflineError, newId, request, session } from '../lib/api';
import { useDebounced } from '../lib/hooks';
import { formatNumber, lang, messages } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { Badge } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import { FormStatus } from '../ui/FormStatus';
import { AvailabilityHint } from './Availability';
import { linePrice, num } from './quotationLogic';

const t = messages(
  'orderLineAdd',
  {
    add: 'Add a line',
    title: 'New line',
    product: 'Product',
    pickProduct: 'Choose a product',
    quantity: 'Quantity',
    unit: 'Unit',
    unitPrice: 'Unit price ({currency})',
    priceHint: 'Empty: the agreed price, if there is one.',
    agreed: 'Price agreement {number}: {price} {currency}/{unit} from {min} {unit}.',
    agreedOther: 'Price agreement {number} sets {price} {currency}/{unit}: enter the line in {unit} and {currency} to take it.',
    useAgreed: 'Use the agreed price',
    differs: 'This price differs from the agreed {price}: say why. A different price is a manager’s decision.',
    managersOnly: 'Only a manager can save it.',
    priceNote: 'Why the price differs',
    needProduct: 'Choose the product.',
    needQuantity: 'A quantity above zero.',
    needPrice: 'A price above zero, or empty.',
    needNote: 'Say why the price differs from the agreement.',
    forbidden: 'A price other than the agreed one is a manager’s decision: ask your manager, or keep the agreed price.',
    save: 'Add the line',
    added: 'Line added.',
    agreement: 'Agreement {number}',
    agreementOf: 'Agreement {number}, revision {n}',
    note: 'Price note: {note}',
  },
  {
    add: '添加订单行',
    title: '新订单行',
    product: '产品',
    pickProduct: '选择产品',
    quantity: '数量',
    unit: '单位',
    unitPrice: '单价（{currency}）',
    priceHint: '留空：按价格协议（如有）。',
    agreed: '价格协议 {number}：{min} {unit} 起 {price} {currency}/{unit}。',
    agreedOther: '价格协议 {number} 的价格为 {price} {currency}/{unit}：按 {unit}、{currency} 下单即可适用。',
    useAgreed: '使用协议价',
    differs: '此价格与协议价 {price} 不同：请说明原因。改价需经理决定。',
    managersOnly: '只有经理可以保存改价。',
    priceNote: '改价原因',
    needProduct: '请选择产品。',
    needQuantity: '请填写大于零的数量。',
    needPrice: '请填写大于零的价格，或留空。',
    needNote: '请说明与协议价不同的原因。',
    forbidden: '与协议价不同的价格需由经理决定：请联系经理，或使用协议价。',
    save: '添加此行',
    added: '订单行已添加。',
    agreement: '价格协议 {number}',
    agreementOf: '价格协议 {number}，第 {n} 版',
    note: '改价原因：{note}',
  },
);

const LineProducts = graphql(`
  query OrderLineProducts {
    products(first: 100, where: { active: true }, orderBy: { field: CODE, direction: ASC }) { edges { node { id code name unit } } }
  }
`);

const AgreedPriceQuery = graphql(`
  query AgreedPrice($customerID: ID!, $productID: ID!, $quantity: Float!, $at: Time) {
    agreedPrice(customerID: $customerID, productID: $productID, quantity: $quantity, at: $at) {
      unitPrice currency unit minQuantity agreement { id number revision }
    }
  }
`);

const CreateOrderLine = graphql(`
  mutation CreateOrderLine($input: CreateOrderLineInput!, $cmid: String) {
    createOrderLine(input: $input, clientMutationId: $cmid) { id unitPrice priceNote agreement { id number } }
  }
`);

/** A line's agreement and the reason its price differs, when it has them. */
export function LinePriceInfo({ line }: { line: { priceNote?: string | null; agreement?: { id: string; number: string; revision: number } | null } }) {
  useStore(lang);
  if (!line.agreement && !line.priceNote) return null;
  return (
    <>
      {line.agreement && (
        <a class="btn ghost" style={{ alignSelf: 'flex-start', padding: '0 8px' }} href={`/quotations/${encodeURIComponent(line.agreement.id)}`} aria-label={t('agreementOf', { number: line.agreement.number, n: line.agreement.revision })}>
          {t('agreement', { number: line.agreement.number })}
        </a>
      )}
      {line.priceNote && <span class="small">{t('note', { note: line.priceNote })}</span>}
    </>
  );
}

type Order = { id: string; currency: string; orderedAt: string; customer: { id: string } };

export function OrderLineAdd({ o, onSaved }: { o: Order; onSaved: () => void }) {
  const manages = !!useStore(session)?.access?.manages;
  const [open, setOpen] = useState(false);
  const [cmid, setCmid] = useState(() => newId());
  const [product, setProduct] = useState('');
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState('kg');
  const [price, setPrice] = useState('');
  const [priceTouched, setPriceTouched] = useState(false);
  const [note, setNote] = useState('');
  const [errs, setErrs] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState('');
  const products = useQuery(LineProducts, {}, { skip: !open });
  const qty = num(useDebounced(quantity, 300));
  const ask = open && !!product && qty > 0;
  const agreedQ = useQuery(AgreedPriceQuery, { customerID: o.customer.id, productID: product, quantity: ask ? qty : 0, at: o.orderedAt }, { skip: !ask, keep: false });
  const agreed = ask ? agreedQ.data?.agreedPrice ?? null : null;
  const p = linePrice(agreed, price, unit, o.currency);

  // The agreed price, until the rep types their own (and none where no agreement applies).
  const known = ask && agreedQ.data !== undefined;
  useEffect(() => {
    if (!known || priceTouched) return;
    setPrice(agreed && p.applies ? String(agreed.unitPrice) : '');
  }, [known, agreed?.unitPrice, agreed?.agreement.id, p.applies]);

  if (!open)
    return (
      <>
        {flash && (
          <p class="notice" role="status">
            {flash}
          </p>
        )}
        <button type="button" class="btn" onClick={() => (setOpen(true), setFlash(''))}>
          + {t('add')}
        </button>
      </>
    );

  const list = (products.data?.products.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const err = (k: string) => (errs[k] ? { 'aria-invalid': true, 'aria-describedby': `ol-err-${k}` } : {});
  const Err = ({ k }: { k: string }) =>
    errs[k] ? (
      <span class="field-error" id={`ol-err-${k}`} style={{ display: 'block' }}>
        {errs[k]}
      </span>
    ) : null;

  async function save(e: Event) {
    e.preventDefault();
    const out: Record<string, string> = {};
    const q = num(quantity);
    const pr = price.trim() ? num(price) : null;
    if (!product) out.product = t('needProduct');
    if (!(q > 0)) out.quantity = t('needQuantity');
    if (pr != null && !(pr > 0)) out.price = t('needPrice');
    if (p.needsNote && !note.trim()) out.note = t('needNote');
    setErrs(out);
    if (Object.keys(out).length) return;
    setBusy(true);
    try {
      await request(CreateOrderLine, {
        cmid,
        input: { orderID: o.id, productID: product, quantity: q, unit: unit.trim() || 'kg', unitPrice: pr, priceNote: p.needsNote ? note.trim() : null },
      });
      setOpen(false);
      setProduct('');
      setQuantity('');
      setPrice('');
      setPriceTouched(false);
      setNote('');
      setCmid(newId());
      setFlash(t('added'));
      onSaved();
    } catch (x) {
      if (x instanceof OfflineError) setErrs({ form: tc('onlineOnly') });
      else if (x instanceof ApiError && x.code === 'FORBIDDEN') setErrs({ form: t('forbidden') });
      else if (x instanceof ApiError && x.extensions.field === 'priceNote') setErrs({ note: t('needNote') });
      else setErrs({ form: (x as Error)?.message ?? String(x) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card" onSubmit={save} noValidate aria-labelledby="ol-add-h">
      <h3 id="ol-add-h">{t('title')}</h3>
      <label class="field">
        <span>{t('product')}</span>
        <select
          value={product}
          onChange={(e) => {
            const id = e.currentTarget.value;
            setProduct(id);
            const u = list.find((x) => x.id === id)?.unit;
            if (u) setUnit(u);
          }}
          {...err('product')}
        >
          <option value="">{t('pickProduct')}</option>
          {list.map((x) => (
            <option key={x.id} value={x.id}>
              {x.code} {x.name}
            </option>
          ))}
        </select>
        <Err k="product" />
      </label>
      <div class="field-row">
        <label class="field" style={{ flex: 2 }}>
          <span>{t('quantity')}</span>
          <input type="text" inputMode="decimal" value={quantity} autocomplete="off" onInput={(e) => setQuantity(e.currentTarget.value)} {...err('quantity')} />
          <Err k="quantity" />
        </label>
        <label class="field" style={{ flex: 1 }}>
          <span>{t('unit')}</span>
          <input value={unit} maxLength={16} autocapitalize="off" autocomplete="off" onInput={(e) => setUnit(e.currentTarget.value)} />
        </label>
      </div>
      <AvailabilityHint productID={product} quantity={quantity} unit={unit} customerID={o.customer.id} />
      {agreed && (
        <p class="notice small" role="status" data-testid="agreed-price">
          {p.applies
            ? t('agreed', { number: agreed.agreement.number, price: formatNumber(agreed.unitPrice, 4), currency: agreed.currency, unit: agreed.unit, min: formatNumber(agreed.minQuantity, 3) })
            : t('agreedOther', { number: agreed.agreement.number, price: formatNumber(agreed.unitPrice, 4), currency: agreed.currency, unit: agreed.unit })}
        </p>
      )}
      <label class="field">
        <span>{t('unitPrice', { currency: o.currency })}</span>
        <input
          type="text"
          inputMode="decimal"
          value={price}
          autocomplete="off"
          onInput={(e) => (setPrice(e.currentTarget.value), setPriceTouched(true))}
          {...(errs.price ? err('price') : { 'aria-describedby': 'ol-price-hint' })}
        />
        <span class="hint" id="ol-price-hint">
          {t('priceHint')}
        </span>
        <Err k="price" />
      </label>
      {p.needsNote && agreed && (
        <>
          <p class="warning small" id="ol-differs">
            {t('differs', { price: `${formatNumber(agreed.unitPrice, 4)} ${agreed.currency}/${agreed.unit}` })}
            {!manages && ` ${t('managersOnly')}`}
          </p>
          {p.applies && (
            <button type="button" class="btn" onClick={() => (setPrice(String(agreed.unitPrice)), setPriceTouched(false), setNote(''))}>
              {t('useAgreed')}
            </button>
          )}
          <label class="field">
            <span>{t('priceNote')}</span>
            <textarea rows={2} maxLength={500} required value={note} onInput={(e) => setNote(e.currentTarget.value)} {...(errs.note ? err('note') : { 'aria-describedby': 'ol-differs' })} />
            <Err k="note" />
          </label>
        </>
      )}
      <FormStatus err={errs.form} />
      <div class="btn-row">
        <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
          {busy ? tc('saving') : t('save')}
        </button>
        <button type="button" class="btn" onClick={() => setOpen(false)}>
          {tc('cancel')}
        </button>
      </div>
    </form>
  );
}
