// Orders (订单): the account's orders, and one order's way from confirmation to payment
// along the seed's checklist (确认订单 → 合同 → 标签/生产日期/批号/包装 → 发货 → 签收 →
// 开票 → 回款 → 关闭), with its lines and shipments. Checklist steps go through the
// offline queue; cancelling and the shipment records are online writes.
import { useState } from 'preact/hooks';
import { graphql, type ResultOf, type VariablesOf } from '../graphql';
import { ApiError, newId, request, session } from '../lib/api';
import { formatDate, formatNumber } from '../lib/i18n';
import { useQueueRefresh, useSentVersion } from '../lib/hooks';
import { errorText, savedMessage } from '../ui/feedback';
import { queue } from '../lib/offline';
import { useQuery } from '../lib/query';
import type { QueueItem } from '../lib/queue';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Badge, Empty, ErrorBox, Query, Section } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import { Header } from '../ui/Layout';
import { FormStatus } from '../ui/FormStatus';
import { LoadMore, useMore } from '../ui/LoadMore';
import { AccountTabStrip, accountName } from './AccountTabs';
import { t } from './orders.i18n';
import { to } from './orderNew.i18n';
import { WaitingRows } from './AccountField';
import { Correction, LineWarnings } from './OrderRules';
import { Shipments } from './OrderShipments';
import { LinePriceInfo, OrderLineAdd } from './OrderLineAdd';
import { CreditHint, PaymentRows, refusalText } from './OrderCredit';
import { tcr } from './commercial.i18n';
import { beyondLimit, creditRefusal, orderAmount } from './commercialLogic';
import './commercial.css';

// ---------------------------------------------------------------------------
// Shared bits

export type Tone = 'warn' | 'bad' | 'good' | 'info' | undefined;

function orderTone(s: string): Tone {
  switch (s) {
    case 'OPEN':
      return 'info';
    case 'IN_PRODUCTION':
    case 'SHIPPED':
      return 'warn';
    case 'DELIVERED':
    case 'INVOICED':
      return 'good';
    case 'CANCELLED':
      return 'bad';
    default:
      return undefined;
  }
}

/** Delivery date passed and the goods have not left. */
function isLate(o: { status: string; deliveryDate?: string | null }): boolean {
  return !!o.deliveryDate && (o.status === 'OPEN' || o.status === 'IN_PRODUCTION') && Date.parse(o.deliveryDate) < Date.now();
}

function Progress({ done, total, name }: { done: number; total: number; name: string }) {
  const pct = total ? Math.round((done / total) * 100) : 0;
  return (
    <span style={{ display: 'block', marginTop: '6px' }}>
      <span
        class="progress"
        style={{ display: 'block' }}
        role="progressbar"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={t('stepsDone', { done, total })}
      >
        <span style={{ width: pct + '%' }} />
      </span>
      <span class="small muted">{t('stepsDone', { done, total })}</span>
    </span>
  );
}

const rowBadges = { display: 'flex', flexWrap: 'wrap', gap: '4px', marginTop: '4px' } as const;

// ---------------------------------------------------------------------------
// List

export const OrderListQuery = graphql(`
  query OrderList($id: ID!, $first: Int!, $after: Cursor) {
    node(id: $id) { id ... on Customer { name } }
    orders(first: $first, after: $after, where: { customerID: $id }, orderBy: { field: ORDERED_AT, direction: DESC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id number status orderedAt deliveryDate isEvaluation
          checklist { items { done } }
        }
      }
    }
  }
`);

export function OrderList({ id }: { id: string }) {
  const vars: VariablesOf<typeof OrderListQuery> = { id, first: 20, after: null };
  const q = useQuery(OrderListQuery, vars);
  const more = useMore(OrderListQuery, vars, q, (d) => ({
    items: (d.orders.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    hasNext: d.orders.pageInfo.hasNextPage,
    end: d.orders.pageInfo.endCursor,
  }));
  const items = useStore(queue.items);
  const name = accountName(q.data);
  useQueueRefresh((i) => (i.kind === 'orderStep' || i.kind === 'order') && i.customerID === id, q.refetch);

  return (
    <>
      <Header title={name ? `${name} · ${t('title')}` : t('title')} back={`/customers/${id}`} />
      <main class="content">
        <AccountTabStrip id={id} current="orders" />
        <div class="btn-row">
          <a class="btn primary" href={`/customers/${id}/orders/new`}>
            ＋ {to('add')}
          </a>
        </div>
        <WaitingRows id={id} kind="order" title={(i) => i.number} sub={(i) => (i.orderedAt ? t('orderedOn', { date: formatDate(i.orderedAt) }) : '')} />
        <Query q={q}>
          {(d) =>
            more.items.length === 0 ? (
              <Empty>{t('empty')}</Empty>
            ) : (
              <Section title={t('title')} count={d.orders.totalCount} id="orders">
                <ul class="list">
                  {more.items.map((o) => {
                    const mine = items.filter((i) => i.kind === 'orderStep' && i.vars.input?.id === o.id);
                    const parked = mine.some((i) => i.status === 'failed' || i.status === 'conflict');
                    const done = o.checklist.items.filter((i) => i.done).length;
                    return (
                      <li key={o.id}>
                        <a class="row" href={`/orders/${o.id}`}>
                          <span class="row-main">
                            <span class="row-title">{o.number}</span>
                            <span class="row-sub">
                              {t('orderedOn', { date: formatDate(o.orderedAt) })}
                              {o.deliveryDate ? ' · ' + t('deliveryOn', { date: formatDate(o.deliveryDate) }) : ''}
                            </span>
                            <span class="small" style={rowBadges}>
                              <Badge tone={orderTone(o.status)}>{label('OrderStatus', o.status)}</Badge>
                              {o.isEvaluation && <Badge tone="info">{t('evaluation')}</Badge>}
                              {isLate(o) && <Badge tone="bad">{t('late')}</Badge>}
                              {mine.length > 0 && <Badge tone={parked ? 'bad' : 'info'}>{parked ? t('attention') : t('waiting')}</Badge>}
                            </span>
                            {o.status !== 'CANCELLED' && o.status !== 'CLOSED' && (
                              <Progress done={done} total={o.checklist.items.length} name={t('progressOf', { number: o.number })} />
                            )}
                          </span>
                          <span class="row-side" aria-hidden="true">
                            ›
                          </span>
                        </a>
                      </li>
                    );
                  })}
                </ul>
                <LoadMore more={more} />
              </Section>
            )
          }
        </Query>
      </main>
    </>
  );
}

// ---------------------------------------------------------------------------
// Detail

export const OrderDetailQuery = graphql(`
  query OrderDetail($id: ID!) {
    node(id: $id) {
      __typename
      ... on Order {
        id version number status orderedAt deliveryDate contractNo currency notes isEvaluation
        shippedAt cancelledAt cancelReason paymentDays invoiceTerms paymentDueAt paidAt
        customer { id name creditLine { limit currency open available } }
        lines(first: 100) {
          edges { node { id version quantity unit unitPrice batchNo productionDate priceNote agreement { id number revision } product { id code name } } }
        }
        checklist {
          progress nextSteps warnings
          items { step done at note blockedBy by { id name } }
          lineWarnings {
            kind message productionDate maxAgeMonths needsAcknowledgement acknowledged acknowledgedAt acknowledgement
            acknowledgedBy { id name }
            line { id batchNo product { id code name } }
            document { id title validUntil }
          }
        }
        shipments(first: 20, orderBy: { field: CREATED_AT, direction: DESC }) {
          edges {
            node {
              id version carrier trackingNo status shippedAt eta deliveredAt deliveryNoteSigned signedBy createdAt
              events(first: 50, orderBy: { field: AT, direction: DESC }) {
                edges { node { id at location description } }
              }
            }
          }
        }
      }
    }
  }
`);

export const CancelOrder = graphql(`
  mutation CancelOrder($input: CancelOrderInput!) {
    cancelOrder(input: $input) { id status version cancelledAt cancelReason }
  }
`);

export type OrderNode = Extract<NonNullable<ResultOf<typeof OrderDetailQuery>['node']>, { __typename: 'Order' }>;
type ChecklistItem = OrderNode['checklist']['items'][number];
export type Shipment = NonNullable<NonNullable<NonNullable<OrderNode['shipments']['edges']>[number]>['node']>;

function asOrder(d: ResultOf<typeof OrderDetailQuery> | undefined): OrderNode | undefined {
  const n = d?.node;
  return n && n.__typename === 'Order' ? (n as OrderNode) : undefined;
}

export function OrderDetail({ id }: { id: string }) {
  const q = useQuery(OrderDetailQuery, { id });
  const o = asOrder(q.data);
  const items = useStore(queue.items);
  const mine = items.filter((i) => i.kind === 'orderStep' && i.vars.input?.id === id);
  useQueueRefresh((i) => i.kind === 'orderStep' && i.vars.input?.id === id, q.refetch);

  return (
    <>
      <Header title={o ? `${t('order')} ${o.number}` : t('order')} back={o ? `/customers/${o.customer.id}/orders` : '/accounts'} />
      <main class="content">
        <Query q={q}>
          {() =>
            !o ? (
              <ErrorBox error={new Error(t('notFound'))} />
            ) : (
              <>
                <Summary o={o} />
                <Checklist o={o} queued={mine} />
                <LineWarnings o={o} onSaved={() => void q.refetch()} />
                <Lines o={o} onSaved={() => void q.refetch()} />
                <Shipments o={o} refetch={q.refetch} />
                <Correction o={o} onSaved={() => void q.refetch()} />
                <Cancel o={o} locked={mine.some((i) => i.status === 'pending' || i.status === 'sending')} refetch={q.refetch} />
              </>
            )
          }
        </Query>
      </main>
    </>
  );
}

function Summary({ o }: { o: OrderNode }) {
  return (
    <div class="card">
      <p style={{ margin: '0 0 8px', display: 'flex', flexWrap: 'wrap', gap: '4px' }}>
        <Badge tone={orderTone(o.status)}>{label('OrderStatus', o.status)}</Badge>
        {o.isEvaluation && <Badge tone="info">{t('evaluation')}</Badge>}
        {isLate(o) && <Badge tone="bad">{t('late')}</Badge>}
      </p>
      <dl class="kv">
        <dt>{t('customer')}</dt>
        <dd>
          <a href={`/customers/${o.customer.id}`}>{o.customer.name}</a>
        </dd>
        <dt>{t('orderedAt')}</dt>
        <dd>{formatDate(o.orderedAt)}</dd>
        {o.deliveryDate && (
          <>
            <dt>{t('deliveryDate')}</dt>
            <dd>{formatDate(o.deliveryDate)}</dd>
          </>
        )}
        {o.contractNo && (
          <>
            <dt>{t('contractNo')}</dt>
            <dd>{o.contractNo}</dd>
          </>
        )}
        <dt>{t('currency')}</dt>
        <dd>{o.currency}</dd>
        <PaymentRows o={o} />
        {o.notes && (
          <>
            <dt>{t('notes')}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{o.notes}</dd>
          </>
        )}
        {o.cancelledAt && (
          <>
            <dt>{t('cancelledAt')}</dt>
            <dd>{formatDate(o.cancelledAt)}</dd>
          </>
        )}
        {o.cancelReason && (
          <>
            <dt>{t('cancelReason')}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{o.cancelReason}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

// The checklist: each step with ✓, who and when; what blocks the others; a "Done" button
// on each step that can be done now (also once the steps it needs are waiting to send).

function Checklist({ o, queued }: { o: OrderNode; queued: QueueItem[] }) {
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [flash, setFlash] = useState('');
  const [err, setErr] = useState('');
  const [discarding, setDiscarding] = useState<string | null>(null);
  const items = o.checklist.items;
  const total = items.length;
  const doneCount = items.filter((i) => i.done).length;
  const waiting = queued.filter((i) => i.status === 'pending' || i.status === 'sending');
  const waitingSteps = new Set<string>(waiting.map((i) => i.vars.input.step as string));
  const doneSteps = new Set<string>(items.filter((i) => i.done).map((i) => i.step));
  const open = o.status !== 'CANCELLED' && o.status !== 'CLOSED';
  const manager = !!useStore(session)?.access?.manages;
  const lines = (o.lines.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  // Confirming beyond the credit limit: a manager says why, a rep is told a manager confirms.
  const over = beyondLimit(o.customer.creditLine, o.currency, orderAmount(lines)) === true;

  function doable(i: ChecklistItem): boolean {
    if (!open || i.done || queued.some((q) => q.vars.input.step === i.step)) return false;
    if (o.checklist.nextSteps.includes(i.step)) return true;
    return i.blockedBy.every((b) => doneSteps.has(b) || waitingSteps.has(b));
  }

  const sentVersion = useSentVersion(
    (i) => i.kind === 'orderStep' && i.vars.input?.id === o.id,
    (r) => r?.completeOrderStep?.version ?? r?.version,
  );

  /**
   * The version to send with a new step: each step still waiting moves the order's
   * version on by one when it is sent, so steps ticked in a row (or offline) do not
   * collide with each other.
   */
  function nextVersion(): number {
    return Math.max(o.version, sentVersion) + waiting.length;
  }

  async function complete(step: string) {
    setErr('');
    setFlash('');
    try {
      const input: Record<string, unknown> = { id: o.id, step, version: nextVersion() };
      const note = (notes[step] ?? '').trim();
      if (note) input.note = note;
      if (step === 'CONFIRMED' && over && manager && !note) return setErr(tcr('creditNoteShort'));
      await queue.enqueue({
        id: newId(),
        kind: 'orderStep',
        label: t('queueLabel', { number: o.number, step: label('OrderEventStep', step) }),
        customerID: o.customer.id,
        recordID: o.id,
        vars: { input },
      });
      setNotes((n) => ({ ...n, [step]: '' }));
      setFlash(savedMessage());
    } catch (e) {
      setErr((e as Error).message);
    }
  }

  async function retryFailed(it: QueueItem) {
    const step = it.vars.input.step as string;
    const note = (notes[step] ?? '').trim();
    if (step === 'CONFIRMED' && manager && creditRefusal(it.error) && !note) return setErr(tcr('creditNoteShort'));
    await queue.discard(it.id);
    await queue.enqueue({ ...it, id: newId(), vars: { input: { ...it.vars.input, version: nextVersion(), ...(note ? { note } : {}) } } });
    setNotes((n) => ({ ...n, [step]: '' }));
    setFlash(savedMessage());
  }

  return (
    <Section title={t('checklist')} id="checklist">
      {open && <Progress done={doneCount} total={total} name={t('progressOf', { number: o.number })} />}
      {o.status === 'CANCELLED' && <p class="muted">{t('cancelledNote')}</p>}
      {o.status === 'CLOSED' && <p class="muted">{t('closedNote')}</p>}
      {o.checklist.warnings.length > 0 && (
        <div class="stale" role="note" style={{ marginTop: '8px' }}>
          <p style={{ margin: '0 0 4px', fontWeight: 600 }}>{t('warnings')}</p>
          <ul style={{ margin: 0, paddingLeft: '20px' }}>
            {o.checklist.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {flash && (
        <p class="notice" role="status">
          {flash}
        </p>
      )}
      <FormStatus err={err} />
      <ol class="list" style={{ marginTop: '8px' }}>
        {items.map((i) => {
          const stepName = label('OrderEventStep', i.step);
          const qi = queued.find((x) => x.vars.input.step === i.step);
          const can = doable(i);
          return (
            <li key={i.step} class="row" data-testid={`step-${i.step}`} style={{ alignItems: 'flex-start' }}>
              <span aria-hidden="true" style={mark(i.done)}>
                {i.done ? '✓' : ''}
              </span>
              <span class="row-main">
                <span class="row-title">
                  {stepName} <span class="sr-only">({i.done ? t('stepDone') : open ? t('stepOpen') : t('stepNotRecorded')})</span>
                </span>
                {!i.done && o.status === 'CLOSED' && <span class="row-sub">{t('stepNotRecorded')}</span>}
                {i.done && (
                  <span class="row-sub">
                    {t('byAt', { who: i.by?.name ?? t('someone'), when: formatDate(i.at, true) })}
                  </span>
                )}
                {i.note && <span class="small" style={{ whiteSpace: 'pre-wrap' }}>{i.note}</span>}
                {open && !i.done && !can && !qi && i.blockedBy.length > 0 && (
                  <span class="row-sub">{t('blockedBy', { steps: i.blockedBy.map((b) => label('OrderEventStep', b)).join(t('sep')) })}</span>
                )}
                {qi && (qi.status === 'pending' || qi.status === 'sending') && (
                  <span style={{ marginTop: '4px' }}>
                    <Badge tone="info">{qi.status === 'sending' ? t('stepSending') : t('stepWaiting')}</Badge>
                  </span>
                )}
                {qi && (qi.status === 'failed' || qi.status === 'conflict') && (
                  <span class="error" role="alert" style={{ display: 'block' }}>
                    <span style={{ display: 'block' }}>
                      {qi.status === 'conflict' ? t('stepConflict', { step: stepName }) : t('stepFailed', { message: refusalText(qi.error) })}
                    </span>
                    {qi.status === 'failed' && i.step === 'CONFIRMED' && creditRefusal(qi.error) && (
                      <CreditHint manager={manager} note={notes[i.step] ?? ''} onNote={(v) => setNotes((n) => ({ ...n, [i.step]: v }))} id="credit-note-retry" />
                    )}
                    {discarding === qi.id ? (
                      <>
                        <span style={{ display: 'block' }}>{t('confirmDiscard', { step: stepName })}</span>
                        <span class="btn-row">
                          <button
                            type="button"
                            class="btn danger"
                            onClick={() => {
                              setDiscarding(null);
                              void queue.discard(qi.id);
                            }}
                          >
                            {t('yesDiscard')}
                          </button>
                          <button type="button" class="btn" onClick={() => setDiscarding(null)}>
                            {t('keep')}
                          </button>
                        </span>
                      </>
                    ) : (
                      <span class="btn-row">
                        {qi.status === 'conflict' ? (
                          <button
                            type="button"
                            class="btn primary"
                            aria-label={t('applyAgainStep', { step: stepName })}
                            onClick={() => void queue.retry(qi.id)}
                          >
                            {t('applyAgain')}
                          </button>
                        ) : (
                          <button
                            type="button"
                            class="btn primary"
                            aria-label={t('tryAgainStep', { step: stepName })}
                            onClick={() => void retryFailed(qi)}
                          >
                            {t('tryAgain')}
                          </button>
                        )}
                        <button
                          type="button"
                          class="btn danger"
                          aria-label={t('discardStep', { step: stepName })}
                          onClick={() => setDiscarding(qi.id)}
                        >
                          {t('discard')}
                        </button>
                      </span>
                    )}
                  </span>
                )}
                {can && i.step === 'CONFIRMED' && over && (
                  <CreditHint manager={manager} note={notes[i.step] ?? ''} onNote={(v) => setNotes((n) => ({ ...n, [i.step]: v }))} id="credit-note" />
                )}
                {can && !(i.step === 'CONFIRMED' && over) && (
                  <details class="filters">
                    <summary>
                      {t('addNote')}
                      <span class="sr-only">: {stepName}</span>
                    </summary>
                    <label class="field">
                      <span>{t('noteFor', { step: stepName })}</span>
                      <textarea
                        rows={2}
                        value={notes[i.step] ?? ''}
                        onInput={(e) => {
                          const v = e.currentTarget.value;
                          setNotes((n) => ({ ...n, [i.step]: v }));
                        }}
                      />
                    </label>
                  </details>
                )}
              </span>
              {can && (
                <span class="row-side">
                  <button
                    type="button"
                    class="btn primary"
                    aria-label={t('doneStep', { step: stepName })}
                    onClick={() => void complete(i.step)}
                  >
                    {t('done')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </Section>
  );
}

function mark(done: boolean) {
  return {
    flex: 'none',
    width: '28px',
    height: '28px',
    marginTop: '2px',
    borderRadius: '14px',
    border: '2px solid ' + (done ? 'var(--good)' : 'var(--line)'),
    background: done ? 'var(--good-bg)' : '#fff',
    color: 'var(--good)',
    fontWeight: 700,
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
  } as const;
}

const UpdateLineBatch = graphql(`
  mutation UpdateLineBatch($id: ID!, $input: UpdateOrderLineInput!) {
    updateOrderLine(id: $id, input: $input) { id version batchNo }
  }
`);

type Line = NonNullable<NonNullable<NonNullable<OrderNode['lines']['edges']>[number]>['node']>;

// The batch number of a line, set or corrected from the phone (the COA is checked per batch
// before shipping). Online only: it is a correction the rep makes with the order in hand.
function BatchEditor({ line, onSaved }: { line: Line; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(line.batchNo ?? '');
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState('');
  if (!open)
    return (
      <button type="button" class="btn ghost" onClick={() => setOpen(true)} aria-label={`${t(line.batchNo ? 'changeBatch' : 'editBatch')}: ${line.product.name}`}>
        {t(line.batchNo ? 'changeBatch' : 'editBatch')}
      </button>
    );
  async function save(e: Event) {
    e.preventDefault();
    const b = value.trim();
    if (!b) return setErr(t('batchRequired'));
    setBusy(true);
    setErr('');
    try {
      await request(UpdateLineBatch, { id: line.id, input: { batchNo: b, version: line.version } });
      setOpen(false);
      onSaved();
    } catch (x) {
      setErr(errorText(x, t('batchConflict')));
      if (x instanceof ApiError && x.code === 'CONFLICT') onSaved(); // reload the line, as the message says
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={save} class="inline-form" noValidate>
      <label class="field">
        <span>{t('batchLabel', { product: line.product.name })}</span>
        <input value={value} onInput={(e) => setValue(e.currentTarget.value)} autocomplete="off" />
      </label>
      <FormStatus err={err} />
      <div class="btn-row">
        <button type="submit" class="btn primary" disabled={busy}>
          {busy ? tc('saving') : tc('save')}
        </button>
        <button type="button" class="btn" onClick={() => setOpen(false)}>
          {tc('cancel')}
        </button>
      </div>
    </form>
  );
}

function Lines({ o, onSaved }: { o: OrderNode; onSaved: () => void }) {
  const lines = (o.lines.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <Section title={t('lines')} count={lines.length} id="lines">
      {lines.length === 0 ? (
        <Empty>{t('noLines')}</Empty>
      ) : (
        <ul class="list">
          {lines.map((l) => (
            <li class="row" key={l.id}>
              <span class="row-main">
                <span class="row-title">{l.product.name}</span>
                <span class="row-sub">
                  {l.product.code}
                  {l.productionDate ? ' · ' + t('producedOn', { date: formatDate(l.productionDate) }) : ''}
                  {l.unitPrice != null ? ' · ' + t('price', { price: formatNumber(l.unitPrice, 2), currency: o.currency, unit: l.unit }) : ''}
                </span>
                <span class="small" style={rowBadges}>
                  {l.batchNo ? <Badge>{t('batch', { b: l.batchNo })}</Badge> : <Badge tone="warn">{t('noBatch')}</Badge>}
                </span>
                <LinePriceInfo line={l} />
                {!o.shippedAt && !o.cancelledAt && o.status !== 'CLOSED' && <BatchEditor line={l} onSaved={onSaved} />}
              </span>
              <span class="row-side" style={{ color: 'var(--ink)', fontWeight: 600 }}>
                {formatNumber(l.quantity, 3)} {l.unit}
              </span>
            </li>
          ))}
        </ul>
      )}
      {!o.shippedAt && !o.cancelledAt && o.status !== 'CLOSED' && <OrderLineAdd o={o} onSaved={onSaved} />}
    </Section>
  );
}

// Cancelling: only before shipping, with a reason, after an inline confirmation.

function Cancel({ o, locked, refetch }: { o: OrderNode; locked: boolean; refetch: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  if (done)
    return (
      <p class="notice" role="status">
        {t('cancelledOk')}
      </p>
    );
  if (o.shippedAt || o.status === 'CANCELLED' || o.status === 'CLOSED') return null;

  async function submit(e: Event) {
    e.preventDefault();
    if (!reason.trim()) return setErr(t('needReason'));
    setErr('');
    setBusy(true);
    try {
      await request(CancelOrder, { input: { id: o.id, reason: reason.trim(), version: o.version } });
      setOpen(false);
      setDone(true);
      await refetch();
    } catch (x) {
      setErr(errorText(x, t('conflictReload')));
      if (x instanceof ApiError && x.code === 'CONFLICT') await refetch();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('cancelTitle')} id="cancel">
      <p class="muted small" id="cancel-hint">
        {t('cancelHint')}
      </p>
      {open ? (
        <form class="card" onSubmit={submit} noValidate>
          <label class="field">
            <span>{t('cancelReasonLabel')}</span>
            <textarea
              value={reason}
              rows={3}
              required
              aria-invalid={!!err}
              aria-describedby={err ? 'cancel-err' : 'cancel-hint'}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </label>
          {err && (
            <p class="error" role="alert" id="cancel-err">
              {err}
            </p>
          )}
          <div class="btn-row">
            <button type="submit" class="btn danger" disabled={busy} aria-busy={busy}>
              {t('confirmCancel', { number: o.number })}
            </button>
            <button type="button" class="btn" onClick={() => setOpen(false)}>
              {t('keepOrder')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <div class="btn-row">
            <button
              type="button"
              class="btn danger"
              disabled={locked}
              aria-expanded={false}
              aria-describedby={locked ? 'cancel-locked' : 'cancel-hint'}
              onClick={() => {
                setErr('');
                setOpen(true);
              }}
            >
              {t('cancel')}
            </button>
          </div>
          {locked && (
            <p class="muted small" id="cancel-locked">
              {t('cancelLocked')}
            </p>
          )}
        </>
      )}
    </Section>
  );
}
