// An order's shipments with their tracking, newest first; recording one, a tracking update
// and the signed delivery note are online writes.
import { useState } from 'preact/hooks';
import { graphql, type VariablesOf } from '../graphql';
import { ApiError, newId, request } from '../lib/api';
import { formatDate } from '../lib/i18n';
import { errorText } from '../ui/feedback';
import { label } from '../i18n/enums';
import { Badge, Empty, Section } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import { FormStatus } from '../ui/FormStatus';
import { t } from './orders.i18n';
import type { OrderNode, Shipment, Tone } from './Orders';

export const CreateShipment = graphql(`
  mutation CreateShipment($input: CreateShipmentInput!, $cmid: String) {
    createShipment(input: $input, clientMutationId: $cmid) { id status }
  }
`);

export const UpdateShipment = graphql(`
  mutation UpdateShipment($id: ID!, $input: UpdateShipmentInput!) {
    updateShipment(id: $id, input: $input) { id version status deliveryNoteSigned signedBy deliveredAt }
  }
`);

export const CreateTrackingEvent = graphql(`
  mutation CreateTrackingEvent($input: CreateTrackingEventInput!, $cmid: String) {
    createTrackingEvent(input: $input, clientMutationId: $cmid) { id at }
  }
`);

function shipmentTone(s: string): Tone {
  return s === 'DELIVERED' ? 'good' : s === 'RETURNED' ? 'bad' : s === 'IN_TRANSIT' ? 'warn' : 'info';
}

/** A local date-time for <input type="datetime-local">. */
function localNow(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** An input's local date or date-time as an ISO time; null when empty, false when invalid. */
function toIso(v: string): string | null | false {
  if (!v) return null;
  const d = new Date(v.length === 10 ? v + 'T00:00:00' : v);
  return isNaN(d.getTime()) ? false : d.toISOString();
}

export function Shipments({ o, refetch }: { o: OrderNode; refetch: () => Promise<void> }) {
  const [adding, setAdding] = useState(false);
  const [flash, setFlash] = useState('');
  const shipments = (o.shipments.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const canAdd = o.status !== 'CANCELLED' && o.status !== 'CLOSED';
  return (
    <Section title={t('shipments')} count={shipments.length} id="shipments">
      {flash && (
        <p class="notice" role="status">
          {flash}
        </p>
      )}
      {shipments.length === 0 && !adding && <Empty>{t('noShipments')}</Empty>}
      {shipments.map((s, n) => (
        <ShipmentCard key={s.id} s={s} n={shipments.length - n} refetch={refetch} />
      ))}
      {canAdd &&
        (adding ? (
          <ShipmentForm
            orderID={o.id}
            onDone={async () => {
              setAdding(false);
              setFlash(t('shipmentSaved'));
              await refetch();
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <div class="btn-row">
            <button
              type="button"
              class="btn"
              onClick={() => {
                setFlash('');
                setAdding(true);
              }}
            >
              {t('addShipment')}
            </button>
          </div>
        ))}
    </Section>
  );
}

function shipmentName(s: Shipment, n: number): string {
  const parts = [s.carrier, s.trackingNo].filter(Boolean);
  return parts.length ? parts.join(' ') : t('shipment', { n });
}

function ShipmentCard({ s, n, refetch }: { s: Shipment; n: number; refetch: () => Promise<void> }) {
  const [mode, setMode] = useState<'' | 'tracking' | 'signoff'>('');
  const [flash, setFlash] = useState('');
  const events = (s.events.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  events.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const name = shipmentName(s, n);
  return (
    <div class="card" data-testid={`shipment-${s.id}`}>
      <h3>{name}</h3>
      <p style={{ margin: '0 0 8px', display: 'flex', flexWrap: 'wrap', gap: '4px' }}>
        <Badge tone={shipmentTone(s.status)}>{label('ShipmentStatus', s.status)}</Badge>
        <Badge tone={s.deliveryNoteSigned ? 'good' : 'warn'}>
          {t('kv', { k: t('signoff'), v: s.deliveryNoteSigned ? t('signed') : t('notSigned') })}
        </Badge>
      </p>
      <dl class="kv small">
        {s.carrier && (
          <>
            <dt>{t('carrier')}</dt>
            <dd>{s.carrier}</dd>
          </>
        )}
        {s.trackingNo && (
          <>
            <dt>{t('trackingNo')}</dt>
            <dd>{s.trackingNo}</dd>
          </>
        )}
        {s.shippedAt && (
          <>
            <dt>{t('shippedAt')}</dt>
            <dd>{formatDate(s.shippedAt)}</dd>
          </>
        )}
        {s.eta && !s.deliveredAt && (
          <>
            <dt>{t('eta')}</dt>
            <dd>{formatDate(s.eta)}</dd>
          </>
        )}
        {s.deliveredAt && (
          <>
            <dt>{t('deliveredAt')}</dt>
            <dd>{formatDate(s.deliveredAt, true)}</dd>
          </>
        )}
        {s.deliveryNoteSigned && s.signedBy && (
          <>
            <dt>{t('signoff')}</dt>
            <dd>{t('signedBy', { name: s.signedBy })}</dd>
          </>
        )}
      </dl>
      <p class="muted small" style={{ margin: '10px 0 4px', fontWeight: 600 }} id={`trk-${s.id}`}>
        {t('tracking')}
      </p>
      {events.length === 0 ? (
        <p class="muted small" style={{ margin: 0 }}>
          {t('noTracking')}
        </p>
      ) : (
        <ol class="list" aria-labelledby={`trk-${s.id}`}>
          {events.map((e) => (
            <li class="row" key={e.id} style={{ minHeight: '44px' }}>
              <span class="row-main">
                <span>{e.description}</span>
                <span class="row-sub">
                  {formatDate(e.at, true)}
                  {e.location ? ' · ' + e.location : ''}
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
      {flash && (
        <p class="notice" role="status">
          {flash}
        </p>
      )}
      {mode === 'tracking' ? (
        <TrackingForm
          s={s}
          onDone={async () => {
            setMode('');
            setFlash(t('trackingSaved'));
            await refetch();
          }}
          onCancel={() => setMode('')}
        />
      ) : mode === 'signoff' ? (
        <SignoffForm
          s={s}
          onDone={async (msg) => {
            setMode('');
            setFlash(msg);
            await refetch();
          }}
          onCancel={() => setMode('')}
        />
      ) : (
        <div class="btn-row">
          <button
            type="button"
            class="btn"
            aria-label={t('addTrackingTo', { name })}
            onClick={() => {
              setFlash('');
              setMode('tracking');
            }}
          >
            {t('addTracking')}
          </button>
          {!s.deliveryNoteSigned && (
            <button
              type="button"
              class="btn"
              aria-label={t('recordSignoffOf', { name })}
              onClick={() => {
                setFlash('');
                setMode('signoff');
              }}
            >
              {t('recordSignoff')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function ShipmentForm({ orderID, onDone, onCancel }: { orderID: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const [cmid] = useState(() => newId());
  const [carrier, setCarrier] = useState('');
  const [trackingNo, setTrackingNo] = useState('');
  const [status, setStatus] = useState<'PREPARING' | 'IN_TRANSIT'>('IN_TRANSIT');
  const [shipped, setShipped] = useState(localNow().slice(0, 10));
  const [eta, setEta] = useState('');
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const shippedAt = toIso(shipped);
    const etaAt = toIso(eta);
    if (shippedAt === false || etaAt === false) return setErr(t('badDate'));
    setErr('');
    setBusy(true);
    try {
      const input: VariablesOf<typeof CreateShipment>['input'] = { orderID, status };
      if (carrier.trim()) input.carrier = carrier.trim();
      if (trackingNo.trim()) input.trackingNo = trackingNo.trim();
      if (shippedAt) input.shippedAt = shippedAt;
      if (etaAt) input.eta = etaAt;
      await request(CreateShipment, { input, cmid });
      await onDone();
    } catch (x) {
      setErr(errorText(x, t('conflictReload')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="ship-form-h">
      <h3 id="ship-form-h">{t('newShipment')}</h3>
      <label class="field">
        <span>{t('carrier')}</span>
        <input type="text" value={carrier} onInput={(e) => setCarrier(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('trackingNo')}</span>
        <input type="text" value={trackingNo} autocapitalize="characters" onInput={(e) => setTrackingNo(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t('status')}</legend>
        <div class="chips">
          {(['PREPARING', 'IN_TRANSIT'] as const).map((s) => (
            <button type="button" key={s} class="chip" aria-pressed={status === s} onClick={() => setStatus(s)}>
              {label('ShipmentStatus', s)}
            </button>
          ))}
        </div>
      </fieldset>
      <label class="field">
        <span>{t('shippedAt')}</span>
        <input type="date" value={shipped} onInput={(e) => setShipped(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('eta')}</span>
        <input type="date" value={eta} onInput={(e) => setEta(e.currentTarget.value)} />
      </label>
      <FormStatus err={err} />
      <div class="btn-row">
        <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
          {busy ? tc('saving') : t('saveShipment')}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {tc('cancel')}
        </button>
      </div>
    </form>
  );
}

function TrackingForm({ s, onDone, onCancel }: { s: Shipment; onDone: () => Promise<void>; onCancel: () => void }) {
  const [cmid] = useState(() => newId());
  const [what, setWhat] = useState('');
  const [where, setWhere] = useState('');
  const [when, setWhen] = useState(localNow());
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (!what.trim()) return setErr(t('needWhat'));
    const at = toIso(when);
    if (at === false) return setErr(t('badDate'));
    setErr('');
    setBusy(true);
    try {
      await request(CreateTrackingEvent, {
        cmid,
        input: { shipmentID: s.id, description: what.trim(), location: where.trim() || null, at: at ?? null },
      });
      await onDone();
    } catch (x) {
      setErr(errorText(x, t('conflictReload')));
    } finally {
      setBusy(false);
    }
  }

  const fid = `trk-form-${s.id}`;
  return (
    <form onSubmit={submit} noValidate style={{ marginTop: '10px' }}>
      <label class="field">
        <span>{t('trackingWhat')}</span>
        <input
          type="text"
          value={what}
          required
          aria-invalid={!!err && !what.trim()}
          aria-describedby={err ? fid + '-err' : undefined}
          onInput={(e) => setWhat(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('location')}</span>
        <input type="text" value={where} onInput={(e) => setWhere(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('when')}</span>
        <input type="datetime-local" value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
      </label>
      {err && (
        <p class="error" role="alert" id={fid + '-err'}>
          {err}
        </p>
      )}
      <div class="btn-row">
        <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
          {busy ? tc('saving') : t('saveTracking')}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {tc('cancel')}
        </button>
      </div>
    </form>
  );
}

function SignoffForm({ s, onDone, onCancel }: { s: Shipment; onDone: (msg: string) => Promise<void>; onCancel: () => void }) {
  const [who, setWho] = useState(s.signedBy ?? '');
  const [when, setWhen] = useState(localNow());
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (!who.trim()) return setErr(t('needSigner'));
    const at = toIso(when);
    if (!at) return setErr(t('badDate'));
    setErr('');
    setBusy(true);
    try {
      await request(UpdateShipment, {
        id: s.id,
        input: { version: s.version, status: 'DELIVERED', deliveryNoteSigned: true, signedBy: who.trim(), deliveredAt: at },
      });
      await onDone(t('signoffSaved'));
    } catch (x) {
      if (x instanceof ApiError && x.code === 'CONFLICT') await onDone(t('conflictReload'));
      else setErr(errorText(x, t('conflictReload')));
    } finally {
      setBusy(false);
    }
  }

  const fid = `sign-form-${s.id}`;
  return (
    <form onSubmit={submit} noValidate style={{ marginTop: '10px' }}>
      <label class="field">
        <span>{t('signerName')}</span>
        <input
          type="text"
          value={who}
          required
          aria-invalid={!!err && !who.trim()}
          aria-describedby={err ? fid + '-err' : undefined}
          onInput={(e) => setWho(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('deliveredAt')}</span>
        <input type="datetime-local" value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
      </label>
      {err && (
        <p class="error" role="alert" id={fid + '-err'}>
          {err}
        </p>
      )}
      <div class="btn-row">
        <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
          {busy ? tc('saving') : t('saveSignoff')}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {tc('cancel')}
        </button>
      </div>
    </form>
  );
}
