// One step of a problem's way to closing: the fields the server needs for it, asked for
// in a panel before the step is sent.
import { useEffect, useRef, useState } from 'preact/hooks';
import { label } from '../i18n/enums';
import { tc } from '../ui/common.i18n';
import { t } from './problems.i18n';
import type { IssueData, Status } from './Problems';

const ROOT_CAUSES = ['OUR_PRODUCT', 'CUSTOMER_UNFAMILIAR', 'CUSTOMER_PROCESS_MISMATCH', 'DELIBERATE'] as const;

type RootCause = (typeof ROOT_CAUSES)[number] | 'UNDETERMINED';

type StepFields = {
  rootCause: RootCause;
  jointRootCauseWork: string;
  onsiteResponse: string;
  disposition: string;
  lossAmount: string;
  resolution: string;
};

function fieldsOf(i: IssueData): StepFields {
  return {
    rootCause: i.rootCause as RootCause,
    jointRootCauseWork: i.jointRootCauseWork ?? '',
    onsiteResponse: i.onsiteResponse ?? '',
    disposition: i.disposition ?? '',
    lossAmount: i.lossAmount != null ? String(i.lossAmount) : '',
    resolution: i.resolution ?? '',
  };
}

/** What the rep fills in when moving to a status (the server needs some of it). */
function needsOf(to: Status, i: IssueData): (keyof StepFields)[] {
  switch (to) {
    case 'ON_SITE':
      return ['onsiteResponse'];
    case 'ROOT_CAUSE_FOUND':
      return ['rootCause', 'jointRootCauseWork'];
    case 'DISPOSITION':
      return ['disposition', 'lossAmount'];
    case 'RESOLVED':
      return ['resolution', 'disposition'];
    case 'CLOSED': {
      const f: (keyof StepFields)[] = [];
      if (i.rootCause === 'UNDETERMINED') f.push('rootCause');
      if (!i.resolution?.trim()) f.push('resolution');
      return f;
    }
  }
  return [];
}

export function StepPanel({
  to,
  issue,
  onCancel,
  onSave,
}: {
  to: Status;
  issue: IssueData;
  onCancel: () => void;
  onSave: (input: Record<string, unknown>) => void;
}) {
  const [f, setF] = useState<StepFields>(() => fieldsOf(issue));
  const [err, setErr] = useState<Partial<Record<keyof StepFields, string>>>({});
  const first = useRef<HTMLElement | null>(null);
  const needs = needsOf(to, issue);
  const status = label('IssueStatus', to);
  useEffect(() => {
    first.current?.focus();
  }, []);

  function save(e: Event) {
    e.preventDefault();
    const er: typeof err = {};
    if ((to === 'ROOT_CAUSE_FOUND' || to === 'CLOSED') && f.rootCause === 'UNDETERMINED') er.rootCause = t('needRootCause');
    if ((to === 'RESOLVED' || to === 'CLOSED') && !f.resolution.trim()) er.resolution = t('needResolution');
    const loss = f.lossAmount.trim() === '' ? null : Number(f.lossAmount.replace(',', '.'));
    if (loss !== null && (!isFinite(loss) || loss < 0)) er.lossAmount = t('badLoss');
    setErr(er);
    if (Object.keys(er).length) return;
    // Only what changed goes with the step.
    const base = fieldsOf(issue);
    const input: Record<string, unknown> = {};
    for (const k of needs) {
      if (k === 'lossAmount') {
        if (f.lossAmount.trim() !== base.lossAmount) {
          if (loss === null) input.clearLossAmount = true;
          else input.lossAmount = loss;
        }
        continue;
      }
      const v = typeof f[k] === 'string' ? (f[k] as string).trim() : f[k];
      if (v !== (typeof base[k] === 'string' ? (base[k] as string).trim() : base[k]) && v !== '') input[k] = v;
    }
    onSave(input);
  }

  const text = (k: 'jointRootCauseWork' | 'onsiteResponse' | 'disposition' | 'resolution', required = false) => (
    <label class="field" key={k}>
      <span id={`${k}-label`}>
        {t(k)}
        {required && <span class="muted small"> ({tc('required')})</span>}
      </span>
      <textarea
        aria-labelledby={`${k}-label`}
        ref={
          needs[0] === k
            ? (el) => {
                first.current = el;
              }
            : undefined
        }
        name={k}
        rows={3}
        value={f[k]}
        aria-invalid={err[k] ? true : undefined}
        aria-describedby={err[k] ? `${k}-err` : undefined}
        onInput={(e) => setF({ ...f, [k]: e.currentTarget.value })}
      />
      {err[k] && (
        <span class="field-error" id={`${k}-err`} style={{ display: 'block' }}>
          {err[k]}
        </span>
      )}
    </label>
  );

  return (
    <form class="card" onSubmit={save} noValidate aria-labelledby="step-h">
      <h3 id="step-h">{t('moveTo', { status })}</h3>
      {to === 'CLOSED' && <p class="muted">{t('closeWarn')}</p>}
      {to === 'CLOSED' && needs.length > 0 && <p>{t('closeNeeds')}</p>}
      {needs.map((k) => {
        switch (k) {
          case 'rootCause':
            return (
              <fieldset key={k} aria-describedby={err.rootCause ? 'rootCause-err' : undefined}>
                <legend>
                  {t('rootCause')} <span class="muted small">({tc('required')})</span>
                </legend>
                <div class="chips">
                  {ROOT_CAUSES.map((c, idx) => (
                    <button
                      type="button"
                      class="chip"
                      key={c}
                      ref={
                        idx === 0 && needs[0] === 'rootCause'
                          ? (el) => {
                              first.current = el;
                            }
                          : undefined
                      }
                      aria-pressed={f.rootCause === c}
                      onClick={() => setF({ ...f, rootCause: c })}
                    >
                      {label('IssueRootCause', c)}
                    </button>
                  ))}
                </div>
                {err.rootCause && (
                  <p class="field-error" id="rootCause-err">
                    {err.rootCause}
                  </p>
                )}
              </fieldset>
            );
          case 'lossAmount':
            return (
              <label class="field" key={k}>
                <span id="lossAmount-label">{t('lossAmount')}</span>
                <input
                  aria-labelledby="lossAmount-label"
                  name="lossAmount"
                  inputMode="decimal"
                  value={f.lossAmount}
                  aria-invalid={err.lossAmount ? true : undefined}
                  aria-describedby={err.lossAmount ? 'lossAmount-err' : undefined}
                  onInput={(e) => setF({ ...f, lossAmount: e.currentTarget.value })}
                />
                {err.lossAmount && (
                  <span class="field-error" id="lossAmount-err" style={{ display: 'block' }}>
                    {err.lossAmount}
                  </span>
                )}
              </label>
            );
          default:
            return text(k, k === 'resolution');
        }
      })}
      <div class="btn-row">
        <button
          type="submit"
          class={to === 'CLOSED' ? 'btn danger' : 'btn primary'}
          ref={
            needs.length
              ? undefined
              : (el) => {
                  first.current = el;
                }
          }
        >
          {t('confirmMove', { status })}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {tc('cancel')}
        </button>
      </div>
    </form>
  );
}
