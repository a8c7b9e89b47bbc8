// Classification weights: the five ratings' weights and the tier thresholds in force,
// changed by an admin behind a confirmation. A save re-scores every account; the answer
// says how many changed tier. A stale save (someone saved meanwhile) reloads theirs.
import { useState } from 'preact/hooks';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql';
import { ApiError, request } from '../../lib/api';
import { formatDate } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { Query } from '../../ui/bits';
import { Confirm } from '../../ui/Confirm';
import { FormStatus } from '../../ui/FormStatus';
import { Header } from '../../ui/Layout';
import { t } from './admin.i18n';
import { AdminOnly } from './AdminHome';
import { errText } from './parts';
import { check, type FormField, type Problem, problemOf, weightFields, type WeightsForm } from './weights';

const WeightsQuery = graphql(`
  query AdminClassification {
    classificationWeights {
      id version source weightScale weightTechnicalLevel weightCredit weightDemand weightEaseOfClosing
      tierA tierB minInputs updatedAt updatedBy { name }
    }
  }
`);
const Save = graphql(`
  mutation AdminSetClassification($in: SetClassificationWeightsInput!, $cmid: String) {
    setClassificationWeights(input: $in, clientMutationId: $cmid) { changedTier weights { id version } }
  }
`);

type Stored = ResultOf<typeof WeightsQuery>['classificationWeights'];

function formOf(s: Stored): WeightsForm {
  const f = {} as WeightsForm;
  for (const k of [...weightFields.map(([k]) => k), 'tierA', 'tierB', 'minInputs'] as FormField[]) f[k] = String(s[k]);
  return f;
}

function NumberField({ name, label, value, problem, onInput, step = 'any' }: {
  name: FormField; label: string; value: string; problem?: Problem; onInput: (v: string) => void; step?: string;
}) {
  return (
    <label class="field">
      <span>{label}</span>
      <input name={name} type="number" inputMode="decimal" min="0" step={step} value={value}
        aria-invalid={problem ? 'true' : undefined} onInput={(e) => onInput(e.currentTarget.value)} />
      {problem && <span class="error small" role="alert">{t(problem)}</span>}
    </label>
  );
}

type Outcome = { err?: string; flash?: string };

// The editor starts again from what is stored after every save (it is keyed by the
// version), so the outcome of a save is kept by the screen.
function WeightsEditor({ stored, outcome, onSaved }: { stored: Stored; outcome: Outcome; onSaved: (o: Outcome) => Promise<void> }) {
  const [form, setForm] = useState(() => formOf(stored));
  const [server, setServer] = useState<Partial<Record<FormField | 'weights', Problem>>>({});
  const [err, setErr] = useState(outcome.err ?? '');
  const [flash, setFlash] = useState(outcome.flash ?? '');
  const problems = { ...check(form), ...server };
  const set = (k: FormField) => (v: string) => {
    setForm({ ...form, [k]: v });
    setServer({});
    setFlash('');
  };
  async function save() {
    setErr('');
    setFlash('');
    const input = {
      ...Object.fromEntries(weightFields.map(([k]) => [k, Number(form[k])])),
      tierA: Number(form.tierA), tierB: Number(form.tierB), minInputs: Number(form.minInputs), expectedVersion: stored.version,
    } as VariablesOf<typeof Save>['in'];
    try {
      const d = await request(Save, { in: input, cmid: crypto.randomUUID?.() ?? null });
      await onSaved({ flash: t('savedResult', { n: d.setClassificationWeights.changedTier }) });
    } catch (x) {
      const p = x instanceof ApiError && x.code === 'BAD_USER_INPUT' ? problemOf(x.extensions.field) : undefined;
      if (p) setServer({ [p[0]]: p[1] });
      else if (x instanceof ApiError && x.code === 'CONFLICT') {
        await onSaved({ err: t('errStale') });
      } else setErr(errText(x));
    }
  }
  const valid = Object.keys(check(form)).length === 0;
  return (
    <form class="card" onSubmit={(e) => e.preventDefault()} data-version={stored.version}>
      <p class="muted small">
        {stored.source === 'ADMIN' && stored.updatedBy
          ? t('savedBy', { name: stored.updatedBy.name, when: formatDate(stored.updatedAt, true) })
          : t('fromEnv')}
      </p>
      <fieldset>
        <legend>{t('weightsLegend')}</legend>
        {weightFields.map(([k, label]) => (
          <NumberField key={k} name={k} label={t(label)} value={form[k]} problem={problems[k]} onInput={set(k)} />
        ))}
        {problems.weights && <p class="error small" role="alert">{t(problems.weights)}</p>}
      </fieldset>
      <fieldset>
        <legend>{t('tiersLegend')}</legend>
        <NumberField name="tierA" label={t('tierA')} value={form.tierA} problem={problems.tierA} onInput={set('tierA')} />
        <NumberField name="tierB" label={t('tierB')} value={form.tierB} problem={problems.tierB} onInput={set('tierB')} />
        <NumberField name="minInputs" label={t('minInputs')} value={form.minInputs} problem={problems.minInputs}
          onInput={set('minInputs')} step="1" />
      </fieldset>
      {valid && <p class="small" data-preview>{t('preview', { min: form.minInputs, a: form.tierA, b: form.tierB })}</p>}
      <FormStatus err={err} flash={flash} />
      <Confirm label={t('saveWeights')} question={t('rescoreConfirm')} yes={t('yesSave')} no={t('cancel')}
        busyLabel={t('saving')} onYes={save} danger={false} block disabled={!valid} />
    </form>
  );
}

export function AdminClassification() {
  const q = useQuery(WeightsQuery, {}, { keep: false });
  const [outcome, setOutcome] = useState<Outcome>({});
  return (
    <>
      <Header title={t('classification')} back="/admin" />
      <main class="content">
        <AdminOnly>
          <Query q={q}>
            {(d) => (
              <WeightsEditor key={d.classificationWeights.version} stored={d.classificationWeights} outcome={outcome}
                onSaved={async (o) => {
                  setOutcome(o);
                  await q.refetch();
                }} />
            )}
          </Query>
        </AdminOnly>
      </main>
    </>
  );
}
