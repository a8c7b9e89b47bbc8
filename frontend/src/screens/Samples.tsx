// Samples (送样): the account's samples, requesting one, and one sample's way from
// request to purchasing (送样 → 小试 → 中试 → 采购) with its trials. Steps and new
// trials go through the offline queue; the request itself, the documents checklist and
// a trial's result are online writes.
import { useState } from 'preact/hooks';
import { graphql, type ResultOf, type VariablesOf } from '../graphql';
import { OfflineError, newId } from '../lib/api';
import { formatDate, formatNumber, relativeDay } from '../lib/i18n';
import { useQueueRefresh, useSentVersion } from '../lib/hooks';
import { savedMessage } from '../ui/feedback';
import { queue } from '../lib/offline';
import { useQuery } from '../lib/query';
import type { QueueItem } from '../lib/queue';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Badge, Empty, ErrorBox, Query, Section } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import { Header } from '../ui/Layout';
import { LoadMore, useMore } from '../ui/LoadMore';
import { AccountTabStrip, accountName } from './AccountTabs';
import { t } from './samples.i18n';
import { DocsSection, NEED_LABEL, radioStyle } from './SampleDocs';
import { Trials } from './SampleTrials';
import { MediaFields } from '../lib/mediaMutations';
export { SampleNew } from './SampleNew';

// ---------------------------------------------------------------------------
// Shared bits

export type Tone = 'warn' | 'bad' | 'good' | 'info' | undefined;

function statusTone(s: string): Tone {
  switch (s) {
    case 'APPROVED':
    case 'CONVERTED':
      return 'good';
    case 'FAILED':
      return 'bad';
    case 'ABANDONED':
      return undefined;
    case 'LAB_TRIAL':
    case 'PILOT_TRIAL':
      return 'warn';
    default:
      return 'info';
  }
}

function qty(q: number, unit: string): string {
  return t('qty', { q: formatNumber(q, 3), unit });
}

// ---------------------------------------------------------------------------
// List

export const SampleListQuery = graphql(`
  query SampleList($id: ID!, $first: Int!, $after: Cursor) {
    node(id: $id) { id ... on Customer { name } }
    samples(first: $first, after: $after, where: { customerID: $id }, orderBy: { field: REQUESTED_AT, direction: DESC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id status quantity unit requestedAt
          product { id code name }
          trials(first: 1) { totalCount }
        }
      }
    }
  }
`);

export function SampleList({ id }: { id: string }) {
  const vars: VariablesOf<typeof SampleListQuery> = { id, first: 20, after: null };
  const q = useQuery(SampleListQuery, vars);
  const more = useMore(SampleListQuery, vars, q, (d) => ({
    items: (d.samples.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    hasNext: d.samples.pageInfo.hasNextPage,
    end: d.samples.pageInfo.endCursor,
  }));
  const items = useStore(queue.items);
  const name = accountName(q.data);
  useQueueRefresh((i) => i.kind === 'sampleStep' && i.customerID === id, q.refetch);

  return (
    <>
      <Header title={name ? `${name} · ${t('title')}` : t('title')} back={`/customers/${id}`} />
      <main class="content">
        <AccountTabStrip id={id} current="samples" />
        <div class="btn-row">
          <a class="btn primary" href={`/customers/${encodeURIComponent(id)}/samples/new`}>
            {t('request')}
          </a>
        </div>
        <Query q={q}>
          {(d) =>
            more.items.length === 0 ? (
              <Empty>{t('empty')}</Empty>
            ) : (
              <Section title={t('title')} count={d.samples.totalCount} id="samples">
                <ul class="list">
                  {more.items.map((s) => {
                    const waiting = items.find((i) => i.kind === 'sampleStep' && i.vars.input?.id === s.id);
                    return (
                      <li key={s.id}>
                        <a class="row" href={`/samples/${s.id}`}>
                          <span class="row-main">
                            <span class="row-title">{s.product.name}</span>
                            <span class="row-sub">
                              {qty(s.quantity, s.unit)} · {t('requestedWhen', { when: relativeDay(s.requestedAt) })}
                              {s.trials.totalCount > 0 ? ' · ' + t('trialsN', { n: s.trials.totalCount }) : ''}
                            </span>
                            <span class="small" style={rowBadges}>
                              <Badge tone={statusTone(s.status)}>{label('SampleStatus', s.status)}</Badge>
                              {waiting && <QueueBadge item={waiting} />}
                            </span>
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

const rowBadges = { display: 'flex', flexWrap: 'wrap', gap: '4px', marginTop: '4px' } as const;

function QueueBadge({ item }: { item: QueueItem }) {
  if (item.status === 'failed' || item.status === 'conflict') return <Badge tone="bad">{t('attention')}</Badge>;
  const to = item.kind === 'sampleStep' ? label('SampleStatus', item.vars.input?.to) : '';
  return <Badge tone="info">{to ? t('stepPending', { status: to }) : t('trialWaiting')}</Badge>;
}

// ---------------------------------------------------------------------------
// New sample

// ---------------------------------------------------------------------------
// Detail

export const SampleDetailQuery = graphql(
  `
  query SampleDetail($id: ID!) {
    node(id: $id) {
      __typename
      ... on Sample {
        id version status statusReason quantity unit purpose
        requestedAt shippedAt receivedAt trackingNo
        docManual docMsds docLabel docPrecautions
        allowedNextStatuses
        shippingReadiness { ready missing }
        customer { id name }
        product { id code name }
        requestedBy { id name }
        order { id number }
        events(first: 100, orderBy: { field: AT, direction: DESC }) {
          edges { node { id fromStatus toStatus note at actor { id name } } }
        }
        trials(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) {
          edges {
            node {
              id version kind outcome results createdAt startedAt finishedAt
              application industry sizeSpec colour environmental keyProperties
              testStandard cycle equipment testEquipment customerTechLevel
              media { ...MediaFields }
            }
          }
        }
      }
    }
  }
`,
  [MediaFields],
);

export const SampleOrderChoicesQuery = graphql(`
  query SampleOrderChoices($customerID: ID!) {
    orders(first: 50, where: { customerID: $customerID, statusNEQ: CANCELLED }, orderBy: { field: ORDERED_AT, direction: DESC }) {
      edges { node { id number status orderedAt } }
    }
  }
`);

export type SampleNode = Extract<NonNullable<ResultOf<typeof SampleDetailQuery>['node']>, { __typename: 'Sample' }>;
export type Trial = NonNullable<NonNullable<NonNullable<SampleNode['trials']['edges']>[number]>['node']>;

function asSample(d: ResultOf<typeof SampleDetailQuery> | undefined): SampleNode | undefined {
  const n = d?.node;
  return n && n.__typename === 'Sample' ? (n as SampleNode) : undefined;
}

export function SampleDetail({ id }: { id: string }) {
  const q = useQuery(SampleDetailQuery, { id });
  const s = asSample(q.data);
  const items = useStore(queue.items);
  const mine = items.filter(
    (i) => (i.kind === 'sampleStep' && i.vars.input?.id === id) || (i.kind === 'trial' && i.vars.input?.sampleID === id),
  );
  useQueueRefresh((i) => (i.kind === 'sampleStep' && i.vars.input?.id === id) || (i.kind === 'trial' && i.vars.input?.sampleID === id), q.refetch);

  const back = s ? `/customers/${s.customer.id}/samples` : '/accounts';
  return (
    <>
      <Header title={s ? `${t('sample')} · ${s.product.name}` : t('sample')} back={back} />
      <main class="content">
        <Query q={q}>
          {() =>
            !s ? (
              <ErrorBox error={new Error(t('notFound'))} />
            ) : (
              <>
                <Summary s={s} />
                <Steps s={s} queued={mine.filter((i) => i.kind === 'sampleStep')} refetch={q.refetch} />
                <DocsSection
                  s={s}
                  locked={mine.some((i) => i.kind === 'sampleStep' && (i.status === 'pending' || i.status === 'sending'))}
                  refetch={q.refetch}
                />
                <Trials s={s} queued={mine.filter((i) => i.kind === 'trial')} refetch={q.refetch} />
                <History s={s} />
              </>
            )
          }
        </Query>
      </main>
    </>
  );
}

function Summary({ s }: { s: SampleNode }) {
  return (
    <div class="card">
      <p style={{ margin: '0 0 8px' }}>
        <Badge tone={statusTone(s.status)}>{label('SampleStatus', s.status)}</Badge>
      </p>
      <dl class="kv">
        <dt>{t('customer')}</dt>
        <dd>
          <a href={`/customers/${s.customer.id}`}>{s.customer.name}</a>
        </dd>
        <dt>{t('product')}</dt>
        <dd>
          {s.product.name} <span class="muted small">{s.product.code}</span>
        </dd>
        <dt>{t('quantity')}</dt>
        <dd>{qty(s.quantity, s.unit)}</dd>
        {s.purpose && (
          <>
            <dt>{t('purpose')}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{s.purpose}</dd>
          </>
        )}
        <dt>{t('requestedAt')}</dt>
        <dd>
          {formatDate(s.requestedAt)}
          {s.requestedBy ? ` · ${s.requestedBy.name}` : ''}
        </dd>
        {s.shippedAt && (
          <>
            <dt>{t('shippedAt')}</dt>
            <dd>{formatDate(s.shippedAt)}</dd>
          </>
        )}
        {s.trackingNo && (
          <>
            <dt>{t('trackingNo')}</dt>
            <dd>{s.trackingNo}</dd>
          </>
        )}
        {s.receivedAt && (
          <>
            <dt>{t('receivedAt')}</dt>
            <dd>{formatDate(s.receivedAt)}</dd>
          </>
        )}
        {s.order && (
          <>
            <dt>{t('order')}</dt>
            <dd>
              <a href={`/orders/${s.order.id}`}>{s.order.number}</a>
            </dd>
          </>
        )}
        {s.statusReason && (
          <>
            <dt>{t('reason')}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{s.statusReason}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

// The lifecycle buttons, driven by the server's allowedNextStatuses.

function missingDocs(s: SampleNode): string[] {
  return s.shippingReadiness.missing.map((m) => NEED_LABEL[m]?.() ?? m);
}

function Steps({ s, queued, refetch }: { s: SampleNode; queued: QueueItem[]; refetch: () => Promise<void> }) {
  const [open, setOpen] = useState<string | null>(null); // FAILED / ABANDONED / CONVERTED, asking for more
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [orderID, setOrderID] = useState('');
  const [err, setErr] = useState('');
  const [flash, setFlash] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState<string | null>(null);

  const item = queued[0];
  const sentVersion = useSentVersion(
    (i) => i.kind === 'sampleStep' && i.vars.input?.id === s.id,
    (r) => r?.advanceSample?.version ?? r?.version,
  );
  // A step was sent but the screen still shows the sample before it: wait for the refetch.
  const behind = sentVersion > s.version;
  const forward = s.allowedNextStatuses.filter((x) => x !== 'FAILED' && x !== 'ABANDONED');
  const closing = s.allowedNextStatuses.filter((x) => x === 'FAILED' || x === 'ABANDONED');

  async function enqueue(to: string, extra: { reason?: string; orderID?: string } = {}, version = s.version) {
    setBusy(true);
    setErr('');
    try {
      const input: Record<string, unknown> = { id: s.id, to, version };
      if (note.trim()) input.note = note.trim();
      if (extra.reason) input.reason = extra.reason;
      if (extra.orderID) input.orderID = extra.orderID;
      await queue.enqueue({
        id: newId(),
        kind: 'sampleStep',
        label: t('queueLabel', { product: s.product.name, status: label('SampleStatus', to) }),
        customerID: s.customer.id,
        recordID: s.id,
        vars: { input },
      });
      setFlash(savedMessage());
      setOpen(null);
      setNote('');
      setReason('');
      setOrderID('');
    } catch (e) {
      setErr((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function tap(to: string) {
    setFlash('');
    setErr('');
    if (to === 'FAILED' || to === 'ABANDONED' || to === 'CONVERTED') {
      setOpen(open === to ? null : to);
      return;
    }
    void enqueue(to);
  }

  function confirm(e: Event) {
    e.preventDefault();
    if (!open) return;
    if (open === 'CONVERTED') {
      if (!orderID) return setErr(t('needOrder'));
      void enqueue(open, { orderID });
    } else {
      if (!reason.trim()) return setErr(t('needReason'));
      void enqueue(open, { reason: reason.trim() });
    }
  }

  async function retryFailed(it: QueueItem) {
    // A refused step is sent again as a new item on top of the version now on screen
    // (the rep may have fixed what the server asked for, e.g. the documents).
    await queue.discard(it.id);
    await queue.enqueue({ ...it, id: newId(), vars: { input: { ...it.vars.input, version: s.version } } });
    setFlash(savedMessage());
  }

  const shipWarn = forward.includes('SHIPPED') ? missingDocs(s) : [];

  return (
    <Section title={t('nextStep')} id="next">
      {item ? (
        <div data-testid="sample-queue-state" data-state={item.status}>
          {item.status === 'pending' || item.status === 'sending' ? (
            <>
              <p class="notice" role="status">
                {t(item.status === 'sending' ? 'stepSending' : 'stepPending', { status: label('SampleStatus', item.vars.input.to) })}
              </p>
              <p class="muted small">{t('stepPendingHint')}</p>
            </>
          ) : (
            <div class="error" role="alert">
              <p>
                {item.status === 'conflict'
                  ? t('stepConflict', {
                      now: label('SampleStatus', (item.theirs?.status as string | undefined) ?? s.status),
                      to: label('SampleStatus', item.vars.input.to),
                    })
                  : t('stepFailed', { to: label('SampleStatus', item.vars.input.to), message: item.error?.message ?? '' })}
              </p>
              {item.status === 'failed' && item.vars.input.to === 'SHIPPED' && missingDocs(s).length > 0 && (
                <p>{t('fixDocsThenRetry', { missing: missingDocs(s).join(t('sep')) })}</p>
              )}
              {confirmDiscard === item.id ? (
                <>
                  <p>{t('confirmDiscard')}</p>
                  <div class="btn-row">
                    <button
                      type="button"
                      class="btn danger"
                      onClick={() => {
                        setConfirmDiscard(null);
                        void queue.discard(item.id).then(() => refetch());
                      }}
                    >
                      {t('yesDiscard')}
                    </button>
                    <button type="button" class="btn" onClick={() => setConfirmDiscard(null)}>
                      {t('keep')}
                    </button>
                  </div>
                </>
              ) : (
                <div class="btn-row">
                  {item.status === 'conflict' ? (
                    <button type="button" class="btn primary" onClick={() => void queue.retry(item.id)}>
                      {t('applyAgain')}
                    </button>
                  ) : (
                    <button type="button" class="btn primary" onClick={() => void retryFailed(item)}>
                      {t('tryAgain')}
                    </button>
                  )}
                  <button type="button" class="btn danger" onClick={() => setConfirmDiscard(item.id)}>
                    {t('discard')}
                  </button>
                </div>
              )}
            </div>
          )}
        </div>
      ) : behind ? (
        <p class="muted" role="status">
          {tc('loading')}
        </p>
      ) : s.allowedNextStatuses.length === 0 ? (
        <p class="muted">{t('closed')}</p>
      ) : (
        <>
          {flash && (
            <p class="notice" role="status">
              {flash}
            </p>
          )}
          {shipWarn.length > 0 && (
            <p class="stale" role="note">
              {t('docsBeforeShip', { missing: shipWarn.join(t('sep')) })}
            </p>
          )}
          <div class="btn-row">
            {forward.map((to) => (
              <button
                type="button"
                key={to}
                class="btn primary"
                disabled={busy}
                aria-expanded={to === 'CONVERTED' ? open === to : undefined}
                onClick={() => tap(to)}
              >
                {t('markAs', { status: label('SampleStatus', to) })}
              </button>
            ))}
          </div>
          <div class="btn-row">
            {closing.map((to) => (
              <button type="button" key={to} class="btn danger" disabled={busy} aria-expanded={open === to} onClick={() => tap(to)}>
                {t('markAs', { status: label('SampleStatus', to) })}
              </button>
            ))}
          </div>
          {open && (
            <form class="card" onSubmit={confirm} noValidate>
              {open === 'CONVERTED' ? (
                <OrderPicker customerID={s.customer.id} value={orderID} onChange={setOrderID} />
              ) : (
                <label class="field">
                  <span>{t('reasonFor', { status: label('SampleStatus', open) })}</span>
                  <textarea
                    value={reason}
                    rows={3}
                    maxLength={500}
                    required
                    aria-invalid={!!err}
                    onInput={(e) => setReason(e.currentTarget.value)}
                  />
                </label>
              )}
              {err && (
                <p class="field-error" role="alert">
                  {err}
                </p>
              )}
              <div class="btn-row">
                <button type="submit" class={'btn ' + (open === 'CONVERTED' ? 'primary' : 'danger')} disabled={busy}>
                  {t('confirmStatus', { status: label('SampleStatus', open) })}
                </button>
                <button type="button" class="btn" onClick={() => setOpen(null)}>
                  {tc('cancel')}
                </button>
              </div>
            </form>
          )}
          {!open && err && (
            <p class="error" role="alert">
              {err}
            </p>
          )}
          <details class="filters">
            <summary>{t('addNote')}</summary>
            <label class="field">
              <span>{t('note')}</span>
              <textarea value={note} rows={2} onInput={(e) => setNote(e.currentTarget.value)} />
            </label>
          </details>
        </>
      )}
      {item && (item.status === 'pending' || item.status === 'sending') && flash && (
        <p class="muted small" role="status">
          {flash}
        </p>
      )}
    </Section>
  );
}

function OrderPicker({ customerID, value, onChange }: { customerID: string; value: string; onChange: (id: string) => void }) {
  const q = useQuery(SampleOrderChoicesQuery, { customerID });
  const orders = (q.data?.orders.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <fieldset>
      <legend>{t('pickOrder')}</legend>
      {q.data === undefined ? (
        q.error ? (
          <p class="muted">{q.error instanceof OfflineError ? t('ordersOffline') : q.error.message}</p>
        ) : (
          <p class="muted" role="status">
            {tc('loading')}
          </p>
        )
      ) : orders.length === 0 ? (
        <p class="muted">{t('noOrders')}</p>
      ) : (
        <ul class="list">
          {orders.map((o) => (
            <li key={o.id}>
              <label class="row" style={{ cursor: 'pointer' }}>
                <input
                  type="radio"
                  name="convert-order"
                  value={o.id}
                  checked={value === o.id}
                  style={radioStyle}
                  onChange={() => onChange(o.id)}
                />
                <span class="row-main">
                  {t('orderChoice', { n: o.number, status: label('OrderStatus', o.status), date: formatDate(o.orderedAt) })}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

// The history of moves, newest first.

function History({ s }: { s: SampleNode }) {
  const events = (s.events.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <Section title={t('history')} count={events.length} id="history">
      {events.length === 0 ? (
        <Empty>{t('noHistory')}</Empty>
      ) : (
        <ol class="list">
          {events.map((ev) => (
            <li class="row" key={ev.id}>
              <span class="row-main">
                <span class="row-title">
                  {t('fromTo', { from: label('SampleStatus', ev.fromStatus), to: label('SampleStatus', ev.toStatus) })}
                </span>
                <span class="row-sub">
                  {ev.actor?.name ?? t('system')} · {formatDate(ev.at, true)}
                </span>
                {ev.note && <span style={{ whiteSpace: 'pre-wrap' }}>{ev.note}</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
