// Reporting a problem from the shop floor: what, how bad, and photos; it goes through the
// offline queue with its photos.
import { useEffect, useRef, useState } from 'preact/hooks';
import { graphql, type VariablesOf } from '../graphql';
import { newId, online } from '../lib/api';
import { formatDate } from '../lib/i18n';
import { CreateIssue } from '../lib/mutations';
import { queue } from '../lib/offline';
import { useQuery } from '../lib/query';
import { navigate } from '../lib/router';
import { label } from '../i18n/enums';
import { tc } from '../ui/common.i18n';
import { Header } from '../ui/Layout';
import { FormStatus } from '../ui/FormStatus';
import { accountName } from './AccountTabs';
import { t } from './problems.i18n';
import { PhotoPicker, usePhotos } from './ProblemFiles';

const CATEGORIES = [
  'QUALITY_FLUCTUATION',
  'SHORT_QUANTITY',
  'LATE_DELIVERY',
  'FUNDING',
  'INVOICE',
  'TEST_METHOD_DIFFERENCE',
  'PRICE',
  'OTHER',
] as const;
const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;

type Category = (typeof CATEGORIES)[number];
type Severity = (typeof SEVERITIES)[number];

// ---------------------------------------------------------------------------
// New problem

export const ProblemNewQuery = graphql(`
  query ProblemNewData($id: ID!) {
    node(id: $id) { id ... on Customer { name } }
    orders(first: 50, where: { customerID: $id }, orderBy: { field: ORDERED_AT, direction: DESC }) {
      edges {
        node {
          id number status orderedAt
          lines(first: 20) { edges { node { id batchNo product { id code name } } } }
        }
      }
    }
  }
`);

type Errors = Partial<Record<'title' | 'category', string>>;

export function ProblemNew({ id }: { id: string }) {
  const q = useQuery(ProblemNewQuery, { id });
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<Category | ''>('');
  const [severity, setSeverity] = useState<Severity>('MEDIUM');
  const [orderID, setOrderID] = useState('');
  const [batchNo, setBatchNo] = useState('');
  const [description, setDescription] = useState('');
  const ph = usePhotos();
  const [errors, setErrors] = useState<Errors>({});
  const [phase, setPhase] = useState<'edit' | 'saving' | 'sending'>('edit');
  const [failure, setFailure] = useState('');
  const titleRef = useRef<HTMLInputElement>(null);
  const catRef = useRef<HTMLButtonElement>(null);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  const orders = (q.data?.orders.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const order = orders.find((o) => o.id === orderID);
  const lines = (order?.lines.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const batches = Array.from(new Set(lines.map((l) => l.batchNo).filter((b): b is string => !!b)));
  const name = accountName(q.data);
  const listHref = `/customers/${id}/problems`;

  function validate(): Errors {
    const e: Errors = {};
    if (!title.trim()) e.title = t('needTitle');
    if (!category) e.category = t('needCategory');
    return e;
  }

  /** The product the problem is about, when the order tells it. */
  function productID(): string | undefined {
    const byBatch = lines.find((l) => l.batchNo && l.batchNo === batchNo.trim());
    if (byBatch) return byBatch.product.id;
    const products = new Set(lines.map((l) => l.product.id));
    return products.size === 1 ? [...products][0] : undefined;
  }

  async function submit(ev: Event) {
    ev.preventDefault();
    if (phase !== 'edit') return;
    const e = validate();
    setErrors(e);
    setFailure('');
    if (e.title) return titleRef.current?.focus();
    if (e.category) return catRef.current?.focus();

    const input: VariablesOf<typeof CreateIssue>['input'] = {
      customerID: id,
      title: title.trim(),
      category: category as Category,
      severity,
      description: description.trim() || null,
      orderID: orderID || null,
      batchNo: batchNo.trim() || null,
      productID: productID() ?? null,
      reportedAt: new Date().toISOString(),
    };
    const itemID = newId();
    setPhase('saving');
    // Listen before enqueueing: a fast network may send the item at once.
    let off: () => void = () => undefined;
    const outcome = new Promise<{ sent: string | null } | { parked: true }>((resolve) => {
      off = queue.on((qe) => {
        if (qe.item.id !== itemID) return;
        if (qe.type === 'sent') {
          const r = qe.result as { createIssue?: { id?: string } } | undefined;
          resolve({ sent: r?.createIssue?.id ?? qe.item.recordID ?? null });
        } else resolve({ parked: true });
      });
    });
    try {
      await queue.enqueue({
        id: itemID,
        kind: 'issue',
        label: `${t('queueLabel')}: ${input.title}${name ? ' — ' + name : ''}`,
        customerID: id,
        vars: { input },
        files: ph.photos.map((p) => ({ key: 'photo', blob: p.file, name: p.file.name })),
      });
    } catch (err) {
      off();
      setPhase('edit');
      setFailure(t('enqueueFailed', { message: (err as Error)?.message ?? String(err) }));
      return;
    }
    if (!online.get()) {
      off();
      navigate(`${listHref}?saved=queued`, true);
      return;
    }
    setPhase('sending');
    // Photos take a while on a slow network; after a while the list shows it as waiting.
    const res = await Promise.race([outcome, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
    off();
    if (!live.current) return;
    if (res && 'sent' in res && res.sent) navigate(`/problems/${res.sent}?saved=sent`, true);
    else if (res && 'parked' in res) navigate(`${listHref}?saved=failed`, true);
    else navigate(`${listHref}?saved=queued`, true);
  }

  const busy = phase !== 'edit';
  const hasErrors = !!(errors.title || errors.category);
  return (
    <>
      <Header title={t('newTitle')} back={listHref} />
      <main class="content">
        {name && <p class="muted">{name}</p>}
        <form onSubmit={(e) => void submit(e)} noValidate>
          {hasErrors && (
            <p class="error" role="alert">
              {t('fixErrors')}
            </p>
          )}
          <label class="field">
            <span id="title-label">
              {t('fTitle')} <span class="muted small">({tc('required')})</span>
            </span>
            <input
              ref={titleRef}
              aria-labelledby="title-label"
              name="title"
              value={title}
              maxLength={300}
              required
              aria-invalid={errors.title ? true : undefined}
              aria-describedby={errors.title ? 'title-err title-hint' : 'title-hint'}
              onInput={(e) => {
                setTitle(e.currentTarget.value);
                if (errors.title) setErrors({ ...errors, title: undefined });
              }}
            />
            <span class="hint" id="title-hint">
              {t('fTitleHint')}
            </span>
            {errors.title && (
              <span class="field-error" id="title-err" style={{ display: 'block' }}>
                {errors.title}
              </span>
            )}
          </label>

          <fieldset aria-describedby={errors.category ? 'cat-err' : undefined} aria-invalid={errors.category ? true : undefined}>
            <legend>
              {t('fCategory')} <span class="muted small">({tc('required')})</span>
            </legend>
            <div class="chips">
              {CATEGORIES.map((c, i) => (
                <button
                  type="button"
                  class="chip"
                  key={c}
                  ref={i === 0 ? catRef : undefined}
                  aria-pressed={category === c}
                  onClick={() => {
                    setCategory(c);
                    if (errors.category) setErrors({ ...errors, category: undefined });
                  }}
                >
                  {label('IssueCategory', c)}
                </button>
              ))}
            </div>
            {errors.category && (
              <p class="field-error" id="cat-err">
                {errors.category}
              </p>
            )}
          </fieldset>

          <fieldset>
            <legend>{t('fSeverity')}</legend>
            <div class="chips">
              {SEVERITIES.map((s) => (
                <button type="button" class="chip" key={s} aria-pressed={severity === s} onClick={() => setSeverity(s)}>
                  {label('IssueSeverity', s)}
                </button>
              ))}
            </div>
          </fieldset>

          <label class="field">
            <span id="order-label">{t('fOrder')}</span>
            <select
              aria-labelledby="order-label"
              name="order"
              value={orderID}
              onChange={(e) => setOrderID(e.currentTarget.value)}
              aria-describedby="order-hint"
            >
              <option value="">{t('fNoOrder')}</option>
              {orders.map((o) => (
                <option value={o.id} key={o.id}>
                  {o.number} · {formatDate(o.orderedAt)} · {label('OrderStatus', o.status)}
                </option>
              ))}
            </select>
            <span class="hint" id="order-hint">
              {q.data === undefined ? (q.error ? t('fOrdersOffline') : t('fOrdersLoading')) : ''}
            </span>
          </label>

          <label class="field">
            <span>{t('fBatch')}</span>
            <input
              name="batchNo"
              value={batchNo}
              maxLength={80}
              autocomplete="off"
              list={batches.length ? 'batch-list' : undefined}
              onInput={(e) => setBatchNo(e.currentTarget.value)}
            />
            {batches.length > 0 && (
              <datalist id="batch-list">
                {batches.map((b) => (
                  <option value={b} key={b} />
                ))}
              </datalist>
            )}
          </label>

          <label class="field">
            <span id="desc-label">{t('fDescription')}</span>
            <textarea
              aria-labelledby="desc-label"
              name="description"
              rows={5}
              value={description}
              aria-describedby="desc-hint"
              onInput={(e) => setDescription(e.currentTarget.value)}
            />
            <span class="hint" id="desc-hint">
              {t('fDescriptionHint')}
            </span>
          </label>

          <PhotoPicker ph={ph} fieldLabel={t('fPhotos')} hint={t('fPhotosHint')} disabled={busy} />

          <FormStatus err={failure} />
          {phase === 'sending' && (
            <p class="notice" role="status">
              {t('sending')}
            </p>
          )}
          <button type="submit" class="btn primary block" disabled={busy} aria-busy={busy}>
            {phase === 'edit' ? t('submit') : t('saving')}
          </button>
        </form>
      </main>
    </>
  );
}
