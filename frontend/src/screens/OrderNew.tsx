// A new order on the phone (订单): its number, whether it is an evaluation order, when it
// was ordered and the promised delivery date (交期), the contract, the currency and the
// payment terms. It goes through the offline queue under its own clientMutationId (a
// retry never makes two); online, the order page opens to add its lines, and offline it
// shows among the account's orders as waiting.
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { newId, online } from '../lib/api';
import { useQuery } from '../lib/query';
import { enqueueAndWait } from '../lib/queueSend';
import { navigate } from '../lib/router';
import { FormStatus, SavedCard } from '../ui/FormStatus';
import { Header } from '../ui/Layout';
import { accountName } from './AccountTabs';
import { TextField, focusFirst, problemOf } from './fieldForm';
import { blankOrder, localDay, orderErrors, orderInput, type OrderFields } from './fieldLogic';
import { tf } from './field.i18n';
import { orderKeys, to } from './orderNew.i18n';

const FIELDS = ['number', 'orderedAt', 'deliveryDate', 'contractNo', 'currency', 'paymentDays', 'notes'] as const;
const KINDS = [
  ['auto', 'evalAuto'],
  ['yes', 'evalYes'],
  ['no', 'evalNo'],
] as const;

const OrderAccount = graphql(`
  query OrderNewAccount($id: ID!) { node(id: $id) { id ... on Customer { name } } }
`);

/** The form's own text for a key, the shared one otherwise. */
const text = (k: string) => (orderKeys.has(k) ? to(k as 'title') : tf(k as 'fixErrors'));

export function OrderNew({ id }: { id: string }) {
  const name = accountName(useQuery(OrderAccount, { id }).data);
  const [f, setF] = useState<OrderFields>(() => blankOrder(localDay(new Date())));
  const [errs, setErrs] = useState<Record<string, string>>({});
  const [formErr, setFormErr] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<'queued' | 'sending' | null>(null);
  const [cmid, setCmid] = useState(newId);
  const set = (k: keyof OrderFields) => (v: string) => setF({ ...f, [k]: v });
  const orders = `/customers/${id}/orders`;

  async function save(e: Event) {
    e.preventDefault();
    if (busy) return;
    const found = orderErrors(f);
    const texts: Record<string, string> = Object.fromEntries(Object.entries(found).map(([k, v]) => [k, to(v!)]));
    setErrs(texts);
    setFormErr(Object.keys(texts).length ? tf('fixErrors') : '');
    if (Object.keys(texts).length) return focusFirst(texts, FIELDS);
    setBusy(true);
    try {
      const input = orderInput(f, id, new Date());
      const out = await enqueueAndWait({ id: cmid, kind: 'order', label: `${to('title')} ${input.number}${name ? ' — ' + name : ''}`, customerID: id, vars: { input } });
      if (out.state === 'sent') {
        const created = (out.result as { createOrder?: { id: string } })?.createOrder?.id;
        if (created) return navigate(`/orders/${encodeURIComponent(created)}`, true);
        return setSaved('sending');
      }
      if (out.state === 'queued') return setSaved(online.get() ? 'sending' : 'queued');
      setCmid(newId());
      const p = problemOf(out.error, FIELDS, text);
      setErrs(p.errs);
      setFormErr(p.form);
      focusFirst(p.errs, FIELDS);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Header title={name ? `${to('title')} · ${name}` : to('title')} back={orders} />
      <main class="content">
        {saved ? (
          <SavedCard saved="offline" online="" offline={to(saved)}>
            <div class="btn-row">
              <a class="btn primary" href={orders}>
                {to('backToOrders')}
              </a>
              <a class="btn" href={`/customers/${id}`}>
                {tf('backToAccount')}
              </a>
            </div>
          </SavedCard>
        ) : (
          <form onSubmit={(e) => void save(e)} noValidate>
            <TextField name="number" label={to('number')} value={f.number} onInput={set('number')} error={errs.number} hint={to('numberHint')} maxLength={40} required />
            <fieldset aria-describedby="kind-hint">
              <legend>{to('kind')}</legend>
              <div class="chips">
                {KINDS.map(([v, k]) => (
                  <button key={v} type="button" class="chip" aria-pressed={f.evaluation === v} onClick={() => setF({ ...f, evaluation: v })}>
                    {to(k)}
                  </button>
                ))}
              </div>
              <p class="hint small muted" id="kind-hint">
                {to('evalAutoHint')}
              </p>
            </fieldset>
            <div class="field-row">
              <TextField name="orderedAt" type="date" label={to('orderedAt')} value={f.orderedAt} onInput={set('orderedAt')} error={errs.orderedAt} />
              <TextField name="deliveryDate" type="date" label={to('deliveryDate')} value={f.deliveryDate} onInput={set('deliveryDate')} error={errs.deliveryDate} />
            </div>
            <TextField name="contractNo" label={to('contractNo')} value={f.contractNo} onInput={set('contractNo')} error={errs.contractNo} maxLength={80} />
            <TextField
              name="currency"
              label={to('currency')}
              value={f.currency}
              onInput={(v) => setF({ ...f, currency: v.toUpperCase() })}
              error={errs.currency}
              hint={to('currencyHint')}
              maxLength={3}
            />
            <TextField name="paymentDays" label={to('paymentDays')} value={f.paymentDays} onInput={set('paymentDays')} error={errs.paymentDays} hint={to('paymentHint')} inputMode="numeric" />
            <TextField name="notes" label={to('notes')} value={f.notes} onInput={set('notes')} rows={3} />
            <FormStatus err={formErr} />
            <button type="submit" class="btn primary block" disabled={busy} aria-busy={busy}>
              {to('save')}
            </button>
          </form>
        )}
      </main>
    </>
  );
}
