// An order's rules after confirmation: batch-age warnings on its lines, acknowledged with a
// reason, and a manager's correction of a closed (or cancelled) order.
import { useState } from 'preact/hooks';
import { graphql, type VariablesOf } from '../graphql';
import { request, session } from '../lib/api';
import { formatDate } from '../lib/i18n';
import { errorText } from '../ui/feedback';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Badge, Section } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import { FormStatus } from '../ui/FormStatus';
import { t } from './orders.i18n';
import type { OrderNode } from './Orders';

const AcknowledgeBatchAge = graphql(`
  mutation AcknowledgeBatchAge($input: AcknowledgeBatchAgeInput!) {
    acknowledgeBatchAge(input: $input) { id version batchAgeAcknowledgedAt }
  }
`);

type LineWarning = OrderNode['checklist']['lineWarnings'][number];

function warningText(w: LineWarning): string {
  const product = w.line.product.code;
  const batch = w.line.batchNo || '—';
  switch (w.kind) {
    case 'BATCH_TOO_OLD':
      return t('warnBatchAge', { product, batch, date: w.productionDate ? formatDate(w.productionDate) : '—', months: String(w.maxAgeMonths ?? '') });
    case 'NO_PRODUCTION_DATE':
      return t('warnNoDate', { product, batch });
    case 'COA_WITHOUT_FILE':
      return t('warnCoaFile', { product, batch });
    case 'CERTIFICATE_EXPIRED':
      return t('warnCertExpired', { title: w.document?.title ?? '', date: w.document?.validUntil ? formatDate(w.document.validUntil) : '—' });
    default:
      return t('warnCertExpiring', { title: w.document?.title ?? '', date: w.document?.validUntil ? formatDate(w.document.validUntil) : '—' });
  }
}

// One batch-age warning acknowledged (合适的生产日期): online, with the reason.
function AcknowledgeForm({ w, onSaved }: { w: LineWarning; onSaved: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState('');
  async function save(e: Event) {
    e.preventDefault();
    const r = reason.trim();
    if (!r) return setErr(t('ackReasonRequired'));
    setBusy(true);
    setErr('');
    try {
      await request(AcknowledgeBatchAge, { input: { lineID: w.line.id, reason: r } });
      onSaved();
    } catch (x) {
      setErr(errorText(x, t("batchConflict")));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={save} class="inline-form" noValidate>
      <label class="field">
        <span>{t('ackReason')}</span>
        <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} autocomplete="off" />
      </label>
      <FormStatus err={err} />
      <button type="submit" class="btn primary" disabled={busy}>
        {busy ? tc('saving') : t('acknowledge')}
      </button>
    </form>
  );
}

// What shipping must look at line by line: old or undated batches (acknowledge them),
// COAs without their file, certificates expired or expiring before delivery.
export function LineWarnings({ o, onSaved }: { o: OrderNode; onSaved: () => void }) {
  const ws = o.checklist.lineWarnings;
  if (ws.length === 0) return null;
  const open = o.status !== 'CANCELLED' && o.status !== 'CLOSED' && !o.shippedAt;
  return (
    <Section title={t('lineWarnings')} count={ws.length} id="line-warnings">
      <ul class="list">
        {ws.map((w, k) => (
          <li key={`${w.kind}-${w.line.id}-${k}`} class="row" data-testid={`warning-${w.kind}`} style={{ flexDirection: 'column', alignItems: 'flex-start' }}>
            <span class="row-title">
              <Badge>{label('OrderLineWarningKind', w.kind)}</Badge> {warningText(w)}
            </span>
            {w.needsAcknowledgement && w.acknowledged && (
              <span class="muted">
                {t('acknowledgedBy', { name: w.acknowledgedBy?.name ?? '—', date: w.acknowledgedAt ? formatDate(w.acknowledgedAt) : '', reason: w.acknowledgement ?? '' })}
              </span>
            )}
            {w.needsAcknowledgement && !w.acknowledged && open && (
              <>
                <span class="muted">{t('mustAcknowledge')}</span>
                <AcknowledgeForm w={w} onSaved={onSaved} />
              </>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}

const CorrectClosedOrder = graphql(`
  mutation CorrectClosedOrder($input: CorrectClosedOrderInput!) {
    correctClosedOrder(input: $input) { id version }
  }
`);

const lineFields = ['batchNo', 'productionDate', 'quantity', 'unitPrice'] as const;
const orderFields = ['contractNo', 'deliveryDate', 'notes'] as const;
const fieldLabel: Record<string, string> = {
  batchNo: 'fieldBatchNo', productionDate: 'fieldProductionDate', quantity: 'fieldQuantity', unitPrice: 'fieldUnitPrice',
  contractNo: 'fieldContractNo', deliveryDate: 'fieldDeliveryDate', notes: 'fieldNotes',
};

// A manager's correction of a closed (or cancelled) order: one field of a line or of
// the order, a new value and the reason; the server records it as a CORRECTED event.
export function Correction({ o, onSaved }: { o: OrderNode; onSaved: () => void }) {
  const s = useStore(session);
  const lines = (o.lines.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const [target, setTarget] = useState(lines[0]?.id ?? '');
  const [field, setField] = useState<string>(lines.length ? 'batchNo' : 'contractNo');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState('');
  const [flash, setFlash] = useState('');
  if (!s?.access?.manages || (o.status !== 'CLOSED' && o.status !== 'CANCELLED')) return null;
  const fields: readonly string[] = target ? lineFields : orderFields;
  async function save(e: Event) {
    e.preventDefault();
    if (!reason.trim()) return setErr(t('correctionReasonRequired'));
    const input: Record<string, unknown> = { id: o.id, reason: reason.trim() };
    if (target) input.lineID = target;
    const v = value.trim();
    if (field === 'quantity' || field === 'unitPrice') input[field] = Number(v);
    else if (field === 'productionDate' || field === 'deliveryDate') input[field] = new Date(v).toISOString();
    else input[field] = v;
    setBusy(true);
    setErr('');
    setFlash('');
    try {
      await request(CorrectClosedOrder, { input: input as VariablesOf<typeof CorrectClosedOrder>['input'] });
      setValue('');
      setReason('');
      setFlash(t('correctionDone'));
      onSaved();
    } catch (x) {
      setErr(errorText(x, t('batchConflict')));
    } finally {
      setBusy(false);
    }
  }
  const isDate = field === 'productionDate' || field === 'deliveryDate';
  return (
    <Section title={t('correction')} id="correction">
      <p class="muted small">{t('correctionHelp')}</p>
      <form onSubmit={save} class="inline-form" noValidate>
        <label class="field">
          <span>{t('correctionTarget')}</span>
          <select
            value={target}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setTarget(v);
              setField(v ? 'batchNo' : 'contractNo');
            }}
          >
            {lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.product.code} {l.batchNo ?? ''}
              </option>
            ))}
            <option value="">{t('correctionOrder')}</option>
          </select>
        </label>
        <label class="field">
          <span>{t('correctionField')}</span>
          <select value={field} onChange={(e) => setField(e.currentTarget.value)}>
            {fields.map((f) => (
              <option key={f} value={f}>
                {t(fieldLabel[f] as 'fieldNotes')}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('correctionValue')}</span>
          <input type={isDate ? 'date' : 'text'} value={value} onInput={(e) => setValue(e.currentTarget.value)} autocomplete="off" />
        </label>
        <label class="field">
          <span>{t('correctionReason')}</span>
          <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} autocomplete="off" />
        </label>
        <FormStatus err={err} flash={flash} />
        <button type="submit" class="btn primary" disabled={busy}>
          {busy ? tc('saving') : t('correct')}
        </button>
      </form>
    </Section>
  );
}
