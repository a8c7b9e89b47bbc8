// The account's credit and terms, edited (/customers/:id/credit): payment terms (账期)
// and the estimate of its yearly use by whoever edits the account; the credit limit and
// its currency by a manager only (a rep sees them, read only). Online, with the version
// read: a CONFLICT offers to reload.
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { ApiError, OfflineError, request, session } from '../lib/api';
import { formatNumber } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { Query } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import { FormStatus } from '../ui/FormStatus';
import { Header } from '../ui/Layout';
import { AccountCreditQuery, asCreditCustomer } from './AccountCredit';
import { tcr } from './commercial.i18n';
import { canSetCreditLimit, creditFormOf, creditInput, type CreditForm as Form, type Errors } from './commercialLogic';
import './commercial.css';

const UpdateCustomerCredit = graphql(`
  mutation UpdateCustomerCredit($id: ID!, $input: UpdateCustomerInput!) {
    updateCustomer(id: $id, input: $input) {
      id
      version
      paymentDays
      creditLimit
      creditCurrency
      annualDemandKg
    }
  }
`);

const CURRENCIES = ['CNY', 'USD', 'EUR'] as const;

function FieldErr({ errors, k }: { errors: Errors; k: string }) {
  if (!errors[k]) return null;
  return (
    <span class="field-error cm-block" id={`cr-${k}-err`} role="alert">
      {errors[k] in MSG ? tcr(errors[k] as keyof typeof MSG) : errors[k]}
    </span>
  );
}
const MSG = { daysRange: 1, notAmount: 1, currencyCode: 1 } as const;
const attrs = (errors: Errors, k: string) => ({ 'aria-invalid': !!errors[k], 'aria-describedby': errors[k] ? `cr-${k}-err` : undefined });

export function CreditForm({ id }: { id: string }) {
  const role = useStore(session)?.user.role;
  const manager = canSetCreditLimit(role);
  const q = useQuery(AccountCreditQuery, { id }, { keep: false });
  const c = asCreditCustomer(q.data);
  const [f, setF] = useState<Form | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [err, setErr] = useState('');
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!c || version === c.version) return;
    setF(creditFormOf(c));
    setVersion(c.version);
  }, [c]);

  const back = `/customers/${encodeURIComponent(id)}`;
  const change = (patch: Partial<Form>) => {
    setF((x) => (x ? { ...x, ...patch } : x));
    setErrors((e) => {
      const n = { ...e };
      for (const k of Object.keys(patch)) delete n[k];
      return n;
    });
  };

  async function save(e: Event) {
    e.preventDefault();
    if (!c || !f || busy) return;
    const { input, errors: errs } = creditInput(f, c, manager, c.version);
    setErrors(errs);
    setErr('');
    if (!input) return;
    setBusy(true);
    try {
      await request(UpdateCustomerCredit, { id, input });
      await q.refetch().catch(() => {});
      navigate(back, true);
    } catch (x) {
      if (x instanceof OfflineError) setErr(tc('onlineOnly'));
      else if (x instanceof ApiError && x.code === 'CONFLICT') setConflict(true);
      else if (x instanceof ApiError && x.code === 'FORBIDDEN') setErr(tcr('forbiddenLimit'));
      else if (x instanceof ApiError && x.code === 'BAD_USER_INPUT' && typeof x.extensions.field === 'string' && x.extensions.field in (f as object))
        setErrors({ [x.extensions.field]: x.message });
      else setErr((x as Error)?.message ?? String(x));
    } finally {
      setBusy(false);
    }
  }

  async function reload() {
    setConflict(false);
    setVersion(null);
    await q.refetch();
  }

  return (
    <>
      <Header title={c ? `${tcr('editTitle')} · ${c.name}` : tcr('editTitle')} back={back} />
      <main class="content">
        {!c || !f ? (
          <Query q={q}>{() => null}</Query>
        ) : (
          <form onSubmit={save} noValidate>
            <label class="field">
              <span>{tcr('paymentDaysLabel')}</span>
              <input
                type="text"
                inputMode="numeric"
                autocomplete="off"
                value={f.paymentDays}
                onInput={(e) => change({ paymentDays: e.currentTarget.value })}
                {...attrs(errors, 'paymentDays')}
              />
            </label>
            <FieldErr errors={errors} k="paymentDays" />
            <p class="muted small">{tcr('paymentDaysHint')}</p>
            <label class="field">
              <span>{tcr('annualDemandLabel')}</span>
              <input
                type="text"
                inputMode="decimal"
                autocomplete="off"
                value={f.annualDemandKg}
                onInput={(e) => change({ annualDemandKg: e.currentTarget.value })}
                {...attrs(errors, 'annualDemandKg')}
              />
            </label>
            <FieldErr errors={errors} k="annualDemandKg" />
            <p class="muted small">{tcr('annualDemandHint')}</p>
            {manager ? (
              <fieldset>
                <legend>{tcr('creditLimit')}</legend>
                <div class="field-row">
                  <div style={{ flex: 2 }}>
                    <label class="field">
                      <span>{tcr('limitLabel')}</span>
                      <input
                        type="text"
                        inputMode="decimal"
                        autocomplete="off"
                        value={f.creditLimit}
                        onInput={(e) => change({ creditLimit: e.currentTarget.value })}
                        {...attrs(errors, 'creditLimit')}
                      />
                    </label>
                    <FieldErr errors={errors} k="creditLimit" />
                  </div>
                  <div style={{ flex: 1 }}>
                    <label class="field">
                      <span>{tcr('currency')}</span>
                      <input
                        list="cr-currencies"
                        maxLength={3}
                        autocapitalize="characters"
                        autocomplete="off"
                        value={f.creditCurrency}
                        onInput={(e) => change({ creditCurrency: e.currentTarget.value })}
                        {...attrs(errors, 'creditCurrency')}
                      />
                      <datalist id="cr-currencies">
                        {CURRENCIES.map((x) => (
                          <option key={x} value={x} />
                        ))}
                      </datalist>
                    </label>
                    <FieldErr errors={errors} k="creditCurrency" />
                  </div>
                </div>
                <p class="muted small">{tcr('limitHint')}</p>
              </fieldset>
            ) : (
              <div class="card" data-testid="credit-limit-readonly">
                <dl class="kv">
                  <dt>{tcr('creditLimit')}</dt>
                  <dd>{c.creditLimit != null ? `${formatNumber(c.creditLimit, 2)} ${c.creditCurrency}` : tcr('noLimit')}</dd>
                </dl>
                <p class="muted small">{tcr('limitByManager')}</p>
              </div>
            )}
            {conflict && (
              <div class="error" role="alert">
                <p>{tcr('conflict')}</p>
                <button type="button" class="btn" onClick={() => void reload()}>
                  {tcr('reload')}
                </button>
              </div>
            )}
            <FormStatus err={err} />
            <button type="submit" class="btn primary block" disabled={busy} aria-busy={busy}>
              {busy ? tc('saving') : tcr('save')}
            </button>
          </form>
        )}
      </main>
    </>
  );
}
