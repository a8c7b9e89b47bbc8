// Drafting a quotation (报价) for an account, or editing a draft: the terms (currency,
// incoterm and place, 账期 and payment terms, the period the prices hold, the sample it
// follows from, notes) and the prices (QuotationLines). The form checks what the server
// checks; a refusal is shown at the field it names. A new draft is sent at once when
// online and kept in the offline queue (same clientMutationId) when not; a draft is
// edited online, with the version read.
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { label } from '../i18n/enums';
import { ApiError, OfflineError, newId, request } from '../lib/api';
import { formatDate } from '../lib/i18n';
import { DraftQuotation } from '../lib/mutations';
import { queue } from '../lib/offline';
import { useQuery } from '../lib/query';
import { navigate } from '../lib/router';
import { ErrorBox, Query, Section } from '../ui/bits';
import { FormStatus, SavedCard } from '../ui/FormStatus';
import { Header } from '../ui/Layout';
import { CURRENCIES, INCOTERMS, blankDraft, draftErrors, draftInput, formOf, serverError, type DraftForm, type Errors } from './quotationLogic';
import { FieldError, QuotationLines, errAttrs, type ProductChoice } from './QuotationLines';
import { QuotationFormAccount } from './quotationQueries';
import { t, tf } from './quotations.i18n';
import './quotation.css';

export const QuotationToEdit = graphql(`
  query QuotationToEdit($id: ID!) {
    node(id: $id) {
      __typename
      ... on Quotation {
        id version number revision status currency incoterm incotermPlace paymentDays paymentTerms validFrom validUntil notes
        customer { id }
        sample { id }
        lines { id productID grade minQuantity unit unitPrice note product { id code name unit } }
      }
    }
  }
`);

const UpdateQuotationDraft = graphql(`
  mutation UpdateQuotationDraft($id: ID!, $version: Int, $input: QuotationDraftInput!) {
    updateQuotationDraft(id: $id, version: $version, input: $input) { id version status }
  }
`);

/** New (`id`: the account) or a draft edited (`qid`). */
export function QuotationForm({ id, qid }: { id?: string; qid?: string }) {
  const editing = useQuery(QuotationToEdit, { id: qid ?? '' }, { skip: !qid, keep: false });
  const draft = editing.data?.node?.__typename === 'Quotation' ? editing.data.node : null;
  const customerID = id ?? draft?.customer.id ?? '';
  const account = useQuery(QuotationFormAccount, { id: customerID }, { skip: !customerID });
  const [cmid] = useState(() => newId());
  const [f, setF] = useState<DraftForm>(() => blankDraft());
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [otherCurrency, setOtherCurrency] = useState(false);
  const [attempt, setAttempt] = useState(0);

  // The draft as read, once (and again after a reload on conflict).
  useEffect(() => {
    if (!draft || loadedVersion === draft.version) return;
    setF(formOf(draft));
    setOtherCurrency(!(CURRENCIES as readonly string[]).includes(draft.currency));
    setLoadedVersion(draft.version);
  }, [draft]);

  useEffect(() => {
    // After a refused save, take the rep to the first field to fix.
    if (attempt) document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
  }, [attempt]);

  const a = account.data?.node && 'samples' in account.data.node ? account.data.node : null;
  const samples = (a?.samples.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const products: ProductChoice[] = (account.data?.products.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  // A draft's product that is no longer active stays choosable on its own line.
  for (const l of draft?.lines ?? []) if (!products.some((p) => p.id === l.product.id)) products.push(l.product);

  function change(patch: Partial<DraftForm>, cleared: string[] = Object.keys(patch)) {
    setF((x) => ({ ...x, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of [...cleared, 'form']) delete next[k];
      return next;
    });
  }

  function chooseSample(sampleID: string) {
    const s = samples.find((x) => x.id === sampleID);
    const first = f.lines[0];
    // The sample's product goes on an empty first line.
    if (s && first && !first.productID) {
      change({ sampleID, lines: [{ ...first, productID: s.product.id, unit: s.product.unit || first.unit }, ...f.lines.slice(1)] }, ['sampleID', 'lines.0.productID']);
    } else change({ sampleID });
  }

  function refused(err: unknown) {
    if (err instanceof ApiError && err.code === 'BAD_USER_INPUT') {
      const { key, msg } = serverError(err.extensions.field, err.message);
      if (key === 'form') setErrors({ form: err.message });
      else setErrors({ [key]: msg ?? err.message, form: 'fixErrors' });
      setAttempt((n) => n + 1);
    } else if (err instanceof ApiError && err.code === 'CONFLICT') {
      setConflict(true);
      setErrors({});
    } else setErrors({ form: (err as Error)?.message ?? String(err) });
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const errs = draftErrors(f);
    if (Object.keys(errs).length) {
      setErrors({ ...errs, form: 'fixErrors' });
      return setAttempt((n) => n + 1);
    }
    setErrors({});
    setBusy(true);
    const input = draftInput(f, customerID);
    try {
      if (draft) {
        await request(UpdateQuotationDraft, { id: draft.id, version: draft.version, input });
        navigate(`/quotations/${encodeURIComponent(draft.id)}`, true);
      } else {
        const r = await request(DraftQuotation, { input, cmid });
        navigate(`/quotations/${encodeURIComponent(r.draftQuotation.id)}`, true);
      }
    } catch (err) {
      if (err instanceof OfflineError && !draft) {
        // No network: the draft waits on the phone under the same clientMutationId.
        await queue.enqueue({ id: cmid, kind: 'quotation', label: `${tf('newTitle')} — ${a?.name ?? ''}`, customerID, vars: { input } });
        setSaved(true);
      } else if (err instanceof OfflineError) setErrors({ form: 'editOnline' });
      else refused(err);
    } finally {
      setBusy(false);
    }
  }

  async function reload() {
    setConflict(false);
    setLoadedVersion(null);
    await editing.refetch();
  }

  const title = draft ? tf('editTitle', { number: draft.number }) : tf('newTitle');
  const back = draft ? `/quotations/${encodeURIComponent(draft.id)}` : `/customers/${encodeURIComponent(customerID)}`;
  const ready = a && (!qid || (draft && loadedVersion != null));
  const cur = f.currency.trim().toUpperCase();

  return (
    <>
      <Header title={a?.name ? `${title} · ${a.name}` : title} back={back} />
      <main class="content">
        {saved ? (
          <SavedCard saved="offline" online={tf('savedOffline')} offline={tf('savedOffline')}>
            <a class="btn primary" href={`/customers/${encodeURIComponent(customerID)}`}>
              {tf('backToAccount')}
            </a>
          </SavedCard>
        ) : qid && editing.data && !draft ? (
          <ErrorBox error={new Error(t('notFound'))} />
        ) : draft && draft.status !== 'DRAFT' ? (
          <div class="card">
            <p>{tf('notDraft', { status: label('QuotationStatus', draft.status) })}</p>
            <a class="btn primary block" href={back}>
              {tf('open')}
            </a>
          </div>
        ) : !ready ? (
          qid && !draft ? <Query q={editing}>{() => null}</Query> : <Query q={account}>{() => null}</Query>
        ) : (
          <form onSubmit={submit} noValidate>
            <Section title={tf('terms')} id="qt-terms">
              <fieldset>
                <legend>{tf('currency')}</legend>
                <div class="chips">
                  {CURRENCIES.map((c) => (
                    <button key={c} type="button" class="chip" aria-pressed={!otherCurrency && cur === c} onClick={() => (setOtherCurrency(false), change({ currency: c }))}>
                      {c}
                    </button>
                  ))}
                  <button type="button" class="chip" aria-pressed={otherCurrency} onClick={() => (setOtherCurrency(true), change({ currency: '' }))}>
                    {tf('other')}
                  </button>
                </div>
                {otherCurrency && (
                  <label class="field">
                    <span>{tf('currencyOther')}</span>
                    <input value={f.currency} maxLength={3} autocapitalize="characters" autocomplete="off" onInput={(e) => change({ currency: e.currentTarget.value })} {...errAttrs(errors, 'currency')} />
                  </label>
                )}
                <FieldError errors={errors} k="currency" />
              </fieldset>
              <label class="field">
                  <span>{tf('incoterm')}</span>
                  <select value={f.incoterm ?? ''} onChange={(e) => change({ incoterm: e.currentTarget.value || null })}>
                    <option value="">{tf('noIncoterm')}</option>
                    {INCOTERMS.map((x) => (
                      <option key={x} value={x}>
                        {label('QuotationIncoterm', x)}
                      </option>
                    ))}
                  </select>
              </label>
              {f.incoterm && (
                <label class="field">
                  <span>{tf('incotermPlace')}</span>
                  <input value={f.incotermPlace} maxLength={120} autocomplete="off" onInput={(e) => change({ incotermPlace: e.currentTarget.value })} {...errAttrs(errors, 'incotermPlace')} />
                  <FieldError errors={errors} k="incotermPlace" />
                </label>
              )}
              <div class="field-row">
                <label class="field" style={{ flex: 1 }}>
                  <span>{tf('paymentDays')}</span>
                  <input type="text" inputMode="numeric" value={f.paymentDays} autocomplete="off" onInput={(e) => change({ paymentDays: e.currentTarget.value })} {...errAttrs(errors, 'paymentDays')} />
                  <FieldError errors={errors} k="paymentDays" />
                </label>
                <label class="field" style={{ flex: 2 }}>
                  <span>{tf('paymentTerms')}</span>
                  <input value={f.paymentTerms} maxLength={300} autocomplete="off" onInput={(e) => change({ paymentTerms: e.currentTarget.value })} {...errAttrs(errors, 'paymentTerms')} />
                  <FieldError errors={errors} k="paymentTerms" />
                </label>
              </div>
              <div class="field-row">
                <label class="field">
                  <span>{tf('validFrom')}</span>
                  <input type="date" value={f.validFrom} required onInput={(e) => change({ validFrom: e.currentTarget.value }, ['validFrom', 'validUntil'])} {...errAttrs(errors, 'validFrom', 'qt-valid-hint')} />
                  <FieldError errors={errors} k="validFrom" />
                </label>
                <label class="field">
                  <span>{tf('validUntil')}</span>
                  <input type="date" value={f.validUntil} required onInput={(e) => change({ validUntil: e.currentTarget.value })} {...errAttrs(errors, 'validUntil', 'qt-valid-hint')} />
                  <FieldError errors={errors} k="validUntil" />
                </label>
              </div>
              <p class="muted small qt-hint" id="qt-valid-hint">
                {tf('validHint')}
              </p>
              <label class="field">
                <span>{tf('sample')}</span>
                <select value={f.sampleID} onChange={(e) => chooseSample(e.currentTarget.value)} {...errAttrs(errors, 'sampleID')}>
                  <option value="">{tf('noSample')}</option>
                  {samples.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.product.name} · {label('SampleStatus', s.status)} · {formatDate(s.requestedAt)}
                    </option>
                  ))}
                </select>
                <FieldError errors={errors} k="sampleID" />
              </label>
              <label class="field">
                <span>{tf('notes')}</span>
                <textarea rows={3} value={f.notes} onInput={(e) => change({ notes: e.currentTarget.value })} {...errAttrs(errors, 'notes')} />
                <FieldError errors={errors} k="notes" />
              </label>
            </Section>
            <Section title={tf('lines')} count={f.lines.length} id="qt-lines">
              <QuotationLines
                lines={f.lines}
                products={products}
                currency={f.currency}
                errors={errors}
                onChange={(lines, cleared = []) => change({ lines }, [...cleared, 'lines'])}
              />
            </Section>
            {conflict && (
              <div class="error" role="alert">
                <p>{tf('conflict')}</p>
                <button type="button" class="btn" onClick={() => void reload()}>
                  {tf('reload')}
                </button>
              </div>
            )}
            <FormStatus err={errors.form ? (errors.form in { fixErrors: 1, editOnline: 1 } ? tf(errors.form as 'fixErrors') : errors.form) : ''} />
            <button type="submit" class="btn primary block" disabled={busy} aria-busy={busy}>
              {busy ? tf('saving') : tf('save')}
            </button>
          </form>
        )}
      </main>
    </>
  );
}
