// A sample's trials (小试 / 中试): the trial records, their outcome and results.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { graphql, type VariablesOf } from '../graphql';
import { ApiError, newId, request } from '../lib/api';
import { formatDate } from '../lib/i18n';
import { errorText, savedMessage } from '../ui/feedback';
import { queue } from '../lib/offline';
import type { QueueItem } from '../lib/queue';
import { label } from '../i18n/enums';
import { Badge, Empty, Section } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import { FormStatus } from '../ui/FormStatus';
import { t } from './samples.i18n';
import type { SampleNode, Tone, Trial } from './Samples';
import { TrialMedia } from './TrialMedia';

function outcomeTone(o: string): Tone {
  return o === 'PASSED' ? 'good' : o === 'FAILED' ? 'bad' : o === 'INCONCLUSIVE' ? 'warn' : 'info';
}

const TRIAL_TEXT = [
  'application',
  'industry',
  'sizeSpec',
  'colour',
  'environmental',
  'keyProperties',
  'testStandard',
  'cycle',
  'equipment',
  'testEquipment',
] as const;
type TrialTextKey = (typeof TRIAL_TEXT)[number];
const LONG_TEXT: TrialTextKey[] = ['keyProperties', 'equipment'];
/** The server's length limits (ent/schema/trial.go); the text fields have none. */
const MAX_LEN: Partial<Record<TrialTextKey, number>> = {
  application: 300,
  industry: 120,
  sizeSpec: 200,
  colour: 120,
  environmental: 300,
  testStandard: 200,
  cycle: 120,
};
const OUTCOMES = ['PENDING', 'PASSED', 'FAILED', 'INCONCLUSIVE'] as const;

/** A date input's value (local day) as an ISO time, or null. */
function dayToIso(v: string): string | null | false {
  if (!v) return null;
  const d = new Date(v + 'T00:00:00');
  return isNaN(d.getTime()) ? false : d.toISOString();
}

function isoToDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export const UpdateTrialResult = graphql(`
  mutation UpdateTrialResult($id: ID!, $input: UpdateTrialInput!) {
    updateTrial(id: $id, input: $input) { id version outcome results finishedAt }
  }
`);

// Trials (小试 / 中试)

export function Trials({ s, queued, refetch }: { s: SampleNode; queued: QueueItem[]; refetch: () => Promise<void> }) {
  const [adding, setAdding] = useState(false);
  const [flash, setFlash] = useState('');
  const trials = (s.trials.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const total = trials.length + queued.length;
  return (
    <Section title={t('trials')} count={total} id="trials">
      {flash && (
        <p class="notice" role="status">
          {flash}
        </p>
      )}
      {adding ? (
        <TrialForm
          s={s}
          latest={trials[0]}
          onDone={(msg) => {
            setAdding(false);
            setFlash(msg);
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
            {t('recordTrial')}
          </button>
        </div>
      )}
      {queued.map((i) => (
        <div class="card" key={i.id} data-testid={`trial-queued-${i.id}`}>
          <h3>
            {label('TrialKind', i.vars.input?.kind)} <span class="muted small">{formatDate(new Date(i.createdAt).toISOString(), true)}</span>
          </h3>
          {i.status === 'failed' || i.status === 'conflict' ? (
            <p class="error" role="alert">
              {t('trialParked', { message: i.error?.message ?? '' })} <a href="/settings#queue">{t('openQueue')}</a>
            </p>
          ) : (
            <Badge tone="info">{t('trialWaiting')}</Badge>
          )}
          {i.vars.input?.results && <p style={{ whiteSpace: 'pre-wrap' }}>{String(i.vars.input.results)}</p>}
        </div>
      ))}
      {total === 0 && <Empty>{t('noTrials')}</Empty>}
      {trials.map((tr) => (
        <TrialCard key={tr.id} tr={tr} refetch={refetch} />
      ))}
    </Section>
  );
}

function TrialCard({ tr, refetch }: { tr: Trial; refetch: () => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [results, setResults] = useState(tr.results ?? '');
  const [outcome, setOutcome] = useState<string>(tr.outcome);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState('');
  const [flash, setFlash] = useState('');
  const when = formatDate(tr.startedAt ?? tr.createdAt);
  const kind = label('TrialKind', tr.kind);
  // PASSED and FAILED are final on the server (sample.TrialGuard): only the notes change.
  const decided = tr.outcome === 'PASSED' || tr.outcome === 'FAILED';

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setErr('');
    try {
      const input: VariablesOf<typeof UpdateTrialResult>['input'] = {
        version: tr.version,
        outcome: outcome as (typeof OUTCOMES)[number],
      };
      if (results.trim()) input.results = results.trim();
      else input.clearResults = true;
      // A final outcome closes the trial: note when, unless it was already noted.
      if (outcome !== 'PENDING' && !tr.finishedAt) input.finishedAt = new Date().toISOString();
      await request(UpdateTrialResult, { id: tr.id, input });
      setEditing(false);
      setFlash(t('resultSaved'));
      await refetch();
    } catch (x) {
      setErr(errorText(x, t('conflictReload')));
      if (x instanceof ApiError && x.code === 'CONFLICT') {
        setEditing(false);
        await refetch();
      }
    } finally {
      setBusy(false);
    }
  }

  const reqs = TRIAL_TEXT.filter((k) => tr[k]);
  return (
    <div class="card" data-testid={`trial-${tr.id}`}>
      <h3>
        {kind} <span class="muted small">{when}</span>
      </h3>
      <p style={{ margin: '0 0 8px' }}>
        <Badge tone={outcomeTone(tr.outcome)}>
          {t('kv', { k: t('outcome'), v: label('TrialOutcome', tr.outcome) })}
        </Badge>
      </p>
      {tr.finishedAt && (
        <p class="muted small" style={{ margin: '0 0 4px' }}>
          {t('kv', { k: t('finishedAt'), v: formatDate(tr.finishedAt) })}
        </p>
      )}
      {(reqs.length > 0 || tr.customerTechLevel != null) && (
        <details class="filters">
          <summary>
            {t('requirements')}
            <span class="sr-only">
              : {kind}, {when}
            </span>
          </summary>
          <dl class="kv small">
            {reqs.map((k) => (
              <Fragment key={k}>
                <dt>{t(k)}</dt>
                <dd style={{ whiteSpace: 'pre-wrap' }}>{tr[k]}</dd>
              </Fragment>
            ))}
            {tr.customerTechLevel != null && (
              <>
                <dt>{t('techLevel')}</dt>
                <dd>{t('techLevelN', { n: tr.customerTechLevel })}</dd>
              </>
            )}
          </dl>
        </details>
      )}
      {tr.results && !editing && (
        <>
          <p class="muted small" style={{ margin: '8px 0 0' }}>
            {t('results')}
          </p>
          <p style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{tr.results}</p>
        </>
      )}
      {editing ? (
        <form onSubmit={save} noValidate style={{ marginTop: '8px' }}>
          <label class="field">
            <span>{t('results')}</span>
            <textarea value={results} rows={4} onInput={(e) => setResults(e.currentTarget.value)} />
          </label>
          {decided ? <p class="muted small">{t('outcomeFinal')}</p> : <OutcomeChips value={outcome} onChange={setOutcome} />}
          <div class="btn-row">
            <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
              {busy ? tc('saving') : t('saveResult')}
            </button>
            <button type="button" class="btn" onClick={() => setEditing(false)}>
              {tc('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class="btn-row">
          <button
            type="button"
            class="btn"
            aria-label={t('updateResultOf', { kind, date: when })}
            onClick={() => {
              setResults(tr.results ?? '');
              setOutcome(tr.outcome);
              setErr('');
              setFlash('');
              setEditing(true);
            }}
          >
            {t('updateResult')}
          </button>
        </div>
      )}
      <FormStatus err={err} flash={flash} />
      <TrialMedia trialID={tr.id} media={tr.media} refetch={refetch} />
    </div>
  );
}

function OutcomeChips({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <fieldset>
      <legend>{t('outcome')}</legend>
      <div class="chips">
        {OUTCOMES.map((o) => (
          <button type="button" key={o} class="chip" aria-pressed={value === o} onClick={() => onChange(o)}>
            {label('TrialOutcome', o)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

type TrialDraft = Record<TrialTextKey, string>;

function TrialForm({ s, latest, onDone, onCancel }: { s: SampleNode; latest?: Trial; onDone: (msg: string) => void; onCancel: () => void }) {
  // The requirements rarely change between the lab and the pilot trial: start from the last one.
  const [kind, setKind] = useState<'LAB' | 'PILOT' | ''>(s.status === 'PILOT_TRIAL' ? 'PILOT' : 'LAB');
  const [draft, setDraft] = useState<TrialDraft>(() => {
    const d = {} as TrialDraft;
    for (const k of TRIAL_TEXT) d[k] = (latest?.[k] as string | null | undefined) ?? '';
    return d;
  });
  const [tech, setTech] = useState<number | null>(latest?.customerTechLevel ?? null);
  const [results, setResults] = useState('');
  const [outcome, setOutcome] = useState<string>('PENDING');
  const [started, setStarted] = useState(isoToDay(new Date().toISOString()));
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (!kind) return setErr(t('needKind'));
    const startedAt = dayToIso(started);
    if (startedAt === false) return setErr(t('badDate'));
    setErr('');
    setBusy(true);
    const input: Record<string, unknown> = { sampleID: s.id, kind, outcome };
    for (const k of TRIAL_TEXT) if (draft[k].trim()) input[k] = draft[k].trim();
    if (tech != null) input.customerTechLevel = tech;
    if (results.trim()) input.results = results.trim();
    if (startedAt) input.startedAt = startedAt;
    if (outcome !== 'PENDING') input.finishedAt = new Date().toISOString();
    try {
      await queue.enqueue({
        id: newId(),
        kind: 'trial',
        label: t('trialQueueLabel', { kind: label('TrialKind', kind), product: s.product.name }),
        customerID: s.customer.id,
        recordID: s.id,
        vars: { input },
      });
      onDone(savedMessage());
    } catch (x) {
      setErr((x as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="trial-form-h">
      <h3 id="trial-form-h">{t('newTrial')}</h3>
      <fieldset>
        <legend>{t('kind')}</legend>
        <div class="chips">
          {(['LAB', 'PILOT'] as const).map((k) => (
            <button type="button" key={k} class="chip" aria-pressed={kind === k} onClick={() => setKind(k)}>
              {label('TrialKind', k)}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('requirements')}</legend>
        {TRIAL_TEXT.map((k) => (
          <label class="field" key={k}>
            <span>{t(k)}</span>
            {LONG_TEXT.includes(k) ? (
              <textarea value={draft[k]} rows={3} onInput={(e) => setDraft({ ...draft, [k]: e.currentTarget.value })} />
            ) : (
              <input
                type="text"
                value={draft[k]}
                maxLength={MAX_LEN[k]}
                onInput={(e) => setDraft({ ...draft, [k]: e.currentTarget.value })}
              />
            )}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('techLevel')}</legend>
        <div class="chips">
          <button type="button" class="chip" aria-pressed={tech == null} onClick={() => setTech(null)}>
            {t('techLevelNone')}
          </button>
          {[1, 2, 3, 4, 5].map((n) => (
            <button type="button" key={n} class="chip" aria-pressed={tech === n} aria-label={t('techLevelN', { n })} onClick={() => setTech(n)}>
              {n}
            </button>
          ))}
        </div>
      </fieldset>
      <label class="field">
        <span>{t('startedAt')}</span>
        <input type="date" value={started} onInput={(e) => setStarted(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('results')}</span>
        <textarea value={results} rows={4} onInput={(e) => setResults(e.currentTarget.value)} />
      </label>
      <OutcomeChips value={outcome} onChange={setOutcome} />
      <FormStatus err={err} />
      <div class="btn-row">
        <button type="submit" class="btn primary" disabled={busy}>
          {t('saveTrial')}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {tc('cancel')}
        </button>
      </div>
    </form>
  );
}
