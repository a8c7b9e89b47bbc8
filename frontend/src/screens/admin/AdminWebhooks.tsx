// Webhooks: the endpoints (organisation, URL, events, active); add one (its signing
// secret is shown once); delete with confirmation; an endpoint's deliveries (status,
// attempts, last error, next try) and a retry of a failed one.
import { useState } from 'preact/hooks';
import { graphql } from '../../graphql';
import { request } from '../../lib/api';
import { formatDate } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { Badge, Empty, Query } from '../../ui/bits';
import { FormStatus } from '../../ui/FormStatus';
import { Header } from '../../ui/Layout';
import { coded, t } from './admin.i18n';
import { AdminOnly } from './AdminHome';
import { CustomerPicker } from './CustomerPicker';
import { toggled } from './filters';
import { Confirm, SecretOnce, errText } from './parts';

const Endpoints = graphql(`
  query AdminWebhooks {
    webhookEndpoints(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) {
      edges { node { id url events active createdAt customer { id name } } }
    }
  }
`);
const Deliveries = graphql(`
  query AdminDeliveries($id: ID!) {
    webhookDeliveries(first: 30, where: { endpointID: $id }, orderBy: { field: CREATED_AT, direction: DESC }) {
      totalCount
      edges { node { id eventType status attempts createdAt nextAttemptAt deliveredAt lastStatusCode lastError } }
    }
  }
`);
const Create = graphql(`
  mutation AdminCreateWebhook($in: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $in) { secret endpoint { id url } } }
`);
const Delete = graphql(`
  mutation AdminDeleteWebhook($id: ID!) { deleteWebhookEndpoint(id: $id) { id active } }
`);
const Retry = graphql(`
  mutation AdminRetryDelivery($id: ID!) { retryWebhookDelivery(id: $id) { id status } }
`);

const events = ['order.status_changed', 'shipment.updated', 'document.published', 'change_notice.issued', 'issue.updated'];
const tone = { DELIVERED: 'good', PENDING: 'info', FAILED: 'bad' } as const;

function DeliveryList({ id }: { id: string }) {
  const q = useQuery(Deliveries, { id }, { keep: false });
  const [msg, setMsg] = useState({ err: '', flash: '' });
  async function retry(did: string) {
    setMsg({ err: '', flash: '' });
    try {
      await request(Retry, { id: did });
      setMsg({ err: '', flash: t('retried') });
      await q.refetch();
    } catch (x) {
      setMsg({ err: errText(x), flash: '' });
    }
  }
  return (
    <Query q={q}>
      {(d) => {
        const rows = (d.webhookDeliveries.edges ?? []).flatMap((x) => (x?.node ? [x.node] : []));
        if (!rows.length) return <Empty>{t('noDeliveries')}</Empty>;
        return (
          <>
            <FormStatus err={msg.err} flash={msg.flash} />
            <ul class="plain-list">
              {rows.map((r) => (
                <li key={r.id} class="row">
                  <span class="row-main">
                    <span class="row-title">
                      {r.eventType} <Badge tone={tone[r.status]}>{coded('st', r.status)}</Badge>
                    </span>
                    <span class="row-sub">
                      {formatDate(r.createdAt, true)} · {t('attempts', { n: r.attempts })}
                      {r.lastStatusCode ? ` · HTTP ${r.lastStatusCode}` : ''}
                      {r.lastError ? ` · ${r.lastError}` : ''}
                      {r.status === 'PENDING' ? ' · ' + t('nextTry', { when: formatDate(r.nextAttemptAt, true) }) : ''}
                    </span>
                  </span>
                  {r.status === 'FAILED' && (
                    <button type="button" class="btn" onClick={() => void retry(r.id)}>
                      {t('retry')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </>
        );
      }}
    </Query>
  );
}

function AddEndpoint({ onShown }: { onShown: (s: { url: string; secret: string }) => void }) {
  const [f, setF] = useState({ customerID: '', url: 'https://', events: [] as string[] });
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setErr('');
    try {
      const d = await request(Create, { in: { customerID: f.customerID, url: f.url.trim(), events: f.events } });
      onShown({ url: d.createWebhookEndpoint.endpoint.url, secret: d.createWebhookEndpoint.secret });
    } catch (x) {
      setErr(errText(x));
    } finally {
      setBusy(false);
    }
  }
  const toggle = (s: string) => setF({ ...f, events: toggled(f.events, s) });
  return (
    <form class="card" onSubmit={(e) => void submit(e)}>
      <CustomerPicker value={f.customerID} onChange={(id) => setF({ ...f, customerID: id })} />
      <label class="field">
        <span>{t('url')}</span>
        <input type="url" value={f.url} onInput={(e) => setF({ ...f, url: e.currentTarget.value })} required />
      </label>
      <fieldset class="field">
        <legend>{t('events')}</legend>
        {events.map((s) => (
          <label key={s} class="check">
            <input type="checkbox" checked={f.events.includes(s)} onChange={() => toggle(s)} />
            <span>
              {coded('ev', s)} <code class="muted small">{s}</code>
            </span>
          </label>
        ))}
      </fieldset>
      <FormStatus err={err} />
      <button type="submit" class="btn primary block" disabled={busy || !f.customerID || !f.events.length}>
        {t('addEndpoint')}
      </button>
    </form>
  );
}

export function AdminWebhooks() {
  const q = useQuery(Endpoints, {}, { keep: false });
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState('');
  const [shown, setShown] = useState<{ url: string; secret: string } | null>(null);
  const [err, setErr] = useState('');
  return (
    <>
      <Header title={t('webhooks')} back="/admin" />
      <main class="content">
        <AdminOnly>
          {shown && <SecretOnce title={t('secretShown') + ' ' + shown.url} secret={shown.secret} warn={t('secretWarn')} onDone={() => setShown(null)} />}
          <button type="button" class="btn primary block" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {t('addEndpoint')}
          </button>
          {adding && (
            <AddEndpoint
              onShown={(s) => {
                setShown(s);
                setAdding(false);
                void q.refetch();
              }}
            />
          )}
          <FormStatus err={err} />
          <Query q={q}>
            {(d) => {
              const rows = (d.webhookEndpoints.edges ?? []).flatMap((x) => (x?.node ? [x.node] : []));
              if (!rows.length) return <Empty>{t('noEndpoints')}</Empty>;
              return (
                <ul class="plain-list">
                  {rows.map((ep) => (
                    <li key={ep.id} class="card">
                      <h2 class="card-title">
                        {ep.customer.name} {!ep.active && <Badge tone="bad">{t('inactive')}</Badge>}
                      </h2>
                      <p class="small">{ep.url}</p>
                      <p class="muted small">{ep.events.map((e) => coded('ev', e)).join(t('listSep'))}</p>
                      <div class="btn-row">
                        <button type="button" class="btn" aria-expanded={open === ep.id} onClick={() => setOpen(open === ep.id ? '' : ep.id)}>
                          {t('deliveries')}
                        </button>
                        {ep.active && (
                          <Confirm
                            label={t('del')}
                            question={t('delConfirm', { url: ep.url })}
                            yes={t('yesDelete')}
                            onYes={() =>
                              void request(Delete, { id: ep.id }).then(
                                () => q.refetch(),
                                (x) => setErr(errText(x)),
                              )
                            }
                          />
                        )}
                      </div>
                      {open === ep.id && <DeliveryList id={ep.id} />}
                    </li>
                  ))}
                </ul>
              );
            }}
          </Query>
        </AdminOnly>
      </main>
    </>
  );
}
