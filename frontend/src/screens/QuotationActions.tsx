// What can be done with a quotation now, by its status: a draft is edited, sent or
// deleted (sending and deleting after a confirmation); a sent one is answered by the
// customer — accepted or declined, naming who at the customer and their note — or
// revised; an answered or expired one is revised, unless a revision exists. Online
// writes with the version read: a CONFLICT says so and offers to reload.
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { label } from '../i18n/enums';
import { ApiError, OfflineError, newId, request } from '../lib/api';
import { formatDate } from '../lib/i18n';
import { navigate } from '../lib/router';
import { Section } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import { Confirm } from '../ui/Confirm';
import { FormStatus } from '../ui/FormStatus';
import { actionsFor, serverError } from './quotationLogic';
import { t, tf } from './quotations.i18n';
import type { QuotationNode } from './QuotationDetail';

const SendQuotation = graphql(`
  mutation SendQuotation($id: ID!, $version: Int) { sendQuotation(id: $id, version: $version) { id status version sentAt } }
`);
const AcceptQuotation = graphql(`
  mutation AcceptQuotation($input: QuotationAnswerInput!) { acceptQuotation(input: $input) { id status version inForce decidedAt } }
`);
const RejectQuotation = graphql(`
  mutation RejectQuotation($input: QuotationAnswerInput!) { rejectQuotation(input: $input) { id status version decidedAt } }
`);
const ReviseQuotation = graphql(`
  mutation ReviseQuotation($id: ID!, $cmid: String) { reviseQuotation(id: $id, clientMutationId: $cmid) { id revision status } }
`);
const DeleteQuotationDraft = graphql(`
  mutation DeleteQuotationDraft($id: ID!, $version: Int) { deleteQuotationDraft(id: $id, version: $version) { deletedID } }
`);

type Answer = 'accept' | 'reject';

export function QuotationActions({ q, stale, refetch }: { q: QuotationNode; stale: boolean; refetch: () => Promise<void> }) {
  const [cmid] = useState(() => newId());
  const [answering, setAnswering] = useState<Answer | null>(null);
  const [who, setWho] = useState('');
  const [note, setNote] = useState('');
  const [whoErr, setWhoErr] = useState('');
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState('');
  const [conflict, setConflict] = useState<string | null>(null);
  const [revision, setRevision] = useState<string | null>(null);
  const [flash, setFlash] = useState('');
  const acts = actionsFor(q.status, !!q.revisedBy);
  const contacts = (q.customer.contacts.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));

  /** Runs one write; the text of a refusal goes on the screen. */
  async function run(what: () => Promise<unknown>, ok?: string): Promise<boolean> {
    setErr('');
    setFlash('');
    setConflict(null);
    setRevision(null);
    setBusy(true);
    try {
      await what();
      if (ok) setFlash(ok);
      return true;
    } catch (e) {
      if (e instanceof OfflineError) setErr(tc('onlineOnly'));
      else if (e instanceof ApiError && e.code === 'CONFLICT') {
        const cur = e.extensions.currentStatus;
        if (typeof e.extensions.revision === 'string') setRevision(e.extensions.revision);
        setConflict(typeof cur === 'string' ? t('conflict', { status: label('QuotationStatus', cur) }) : t('conflictPlain'));
      } else if (e instanceof ApiError && e.code === 'FORBIDDEN') setErr(t('forbidden'));
      else if (e instanceof ApiError && e.code === 'BAD_USER_INPUT') {
        const { msg } = serverError(e.extensions.field, e.message);
        setErr(msg ? tf(msg as 'needPrice') : e.message);
      } else setErr((e as Error)?.message ?? String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function answer(ev: Event) {
    ev.preventDefault();
    const by = who.trim();
    if (!by) return setWhoErr(t('needWho'));
    if ([...by].length > 120) return setWhoErr(t('tooLongWho'));
    if ([...note.trim()].length > 500) return setErr(t('tooLongNote'));
    setWhoErr('');
    const input = { id: q.id, version: q.version, decidedBy: by, note: note.trim() || null };
    const accept = answering === 'accept';
    const done = await run(() => (accept ? request(AcceptQuotation, { input }) : request(RejectQuotation, { input })), accept ? t('acceptedOk') : t('rejectedOk'));
    if (done) {
      setAnswering(null);
      await refetch();
    }
  }

  async function reload() {
    setConflict(null);
    setRevision(null);
    await refetch();
  }

  if (!acts.length && !flash && !conflict && !err) return null;
  return (
    <Section title={t('actions')} id="qt-actions">
      {flash && (
        <p class="notice" role="status">
          {flash}
        </p>
      )}
      {conflict && (
        <div class="error" role="alert">
          <p>{conflict}</p>
          <div class="btn-row">
            <button type="button" class="btn" onClick={() => void reload()}>
              {t('reload')}
            </button>
            {revision && (
              <a class="btn" href={`/quotations/${encodeURIComponent(revision)}`}>
                {tf('open')}
              </a>
            )}
          </div>
        </div>
      )}
      <FormStatus err={err} />
      {stale && acts.length > 0 && <p class="muted small">{tc('onlineOnly')}</p>}
      {answering ? (
        <form class="card" onSubmit={answer} noValidate aria-labelledby="qt-answer-h">
          <h3 id="qt-answer-h">{answering === 'accept' ? t('acceptTitle') : t('rejectTitle')}</h3>
          {answering === 'accept' && <p class="small">{t('acceptHint', { until: formatDate(q.validUntil) })}</p>}
          <label class="field">
            <span>{t('decidedBy')}</span>
            <input
              value={who}
              list="qt-contacts"
              maxLength={120}
              autocomplete="off"
              aria-invalid={!!whoErr}
              aria-describedby={whoErr ? 'qt-who-err' : undefined}
              onInput={(e) => (setWho(e.currentTarget.value), setWhoErr(''))}
            />
            <datalist id="qt-contacts">
              {contacts.map((c) => (
                <option key={c.id} value={c.name} />
              ))}
            </datalist>
            {whoErr && (
              <span class="field-error" id="qt-who-err" role="alert" style={{ display: 'block' }}>
                {whoErr}
              </span>
            )}
          </label>
          <label class="field">
            <span>{t('decisionNoteLabel')}</span>
            <textarea rows={3} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <div class="btn-row">
            <button type="submit" class={`btn ${answering === 'accept' ? 'primary' : 'danger'}`} disabled={busy} aria-busy={busy}>
              {busy ? t('busy') : answering === 'accept' ? t('confirmAccept') : t('confirmReject')}
            </button>
            <button type="button" class="btn" disabled={busy} onClick={() => setAnswering(null)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class="qt-actions">
          {acts.includes('edit') && (
            <a class="btn block" href={`/quotations/${encodeURIComponent(q.id)}/edit`}>
              {t('edit')}
            </a>
          )}
          {acts.includes('send') && (
            <Confirm
              label={t('send')}
              question={t('sendQ', { number: q.number })}
              yes={t('sendYes')}
              no={t('notYet')}
              busyLabel={t('busy')}
              danger={false}
              block
              onYes={async () => {
                if (await run(() => request(SendQuotation, { id: q.id, version: q.version }), t('sentOk'))) await refetch();
              }}
            />
          )}
          {acts.includes('accept') && (
            <button type="button" class="btn primary block" onClick={() => (setAnswering('accept'), setErr(''))}>
              {t('accept')}
            </button>
          )}
          {acts.includes('reject') && (
            <button type="button" class="btn block" onClick={() => (setAnswering('reject'), setErr(''))}>
              {t('reject')}
            </button>
          )}
          {acts.includes('revise') && (
            <>
              <button
                type="button"
                class="btn block"
                disabled={busy}
                aria-describedby="qt-revise-hint"
                onClick={() =>
                  void run(async () => {
                    const r = await request(ReviseQuotation, { id: q.id, cmid });
                    navigate(`/quotations/${encodeURIComponent(r.reviseQuotation.id)}`);
                  })
                }
              >
                {t('revise')}
              </button>
              <p class="muted small" id="qt-revise-hint">
                {t('reviseHint')}
              </p>
            </>
          )}
          {acts.includes('delete') && (
            <Confirm
              label={t('del')}
              question={t('delQ')}
              yes={t('delYes')}
              no={t('keep')}
              busyLabel={t('busy')}
              block
              onYes={async () => {
                if (await run(() => request(DeleteQuotationDraft, { id: q.id, version: q.version }))) navigate(`/customers/${encodeURIComponent(q.customer.id)}`, true);
              }}
            />
          )}
        </div>
      )}
    </Section>
  );
}
