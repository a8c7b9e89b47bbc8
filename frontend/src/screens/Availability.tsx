// "Can we promise it?" (可供货查询): whether a quantity of a product can be promised, and
// from when. On a product's stock page a small box asks it (quantity, unit: the
// product's unless changed) and answers with a status chip, the answer in words (said
// by the app from the answer's figures, in the language it shows) and the earliest
// shipping day; on an order being written, a
// muted line under the quantity says it for the order's account as the rep types (a
// failure there is not shown: it never stands in the way of saving).
import { useEffect, useState } from 'preact/hooks';
import { graphql, type ResultOf } from '../graphql';
import { ApiError, OfflineError, request } from '../lib/api';
import { useDebounced } from '../lib/hooks';
import { formatDate, lang } from '../lib/i18n';
import { useStore } from '../lib/store';
import { Badge } from '../ui/bits';
import { availabilityLabel, availabilityText, tav } from './availability.i18n';
import { availabilityTone, availabilityVars, type AvailabilityVars } from './supplyLogic';

const AvailabilityQuery = graphql(`
  query Availability($productID: ID!, $quantity: Float!, $unit: String, $customerID: ID) {
    availability(productID: $productID, quantity: $quantity, unit: $unit, customerID: $customerID) {
      quantity unit status earliestShipAt leadTimeDays message
    }
  }
`);

type Answer = ResultOf<typeof AvailabilityQuery>['availability'];

/**
 * The answer to `vars` (none while null), asked again when the language changes (the
 * server words the answer in it) or `nonce` does (the same question asked again).
 */
export function useAvailability(vars: AvailabilityVars | null, nonce = 0): { data?: Answer; error?: unknown; loading: boolean } {
  const l = useStore(lang);
  const key = vars ? `${JSON.stringify(vars)}#${nonce}` : '';
  const [state, setState] = useState<{ key: string; data?: Answer; error?: unknown; loading: boolean }>({ key: '', loading: false });
  useEffect(() => {
    if (!vars) {
      setState({ key: '', loading: false });
      return;
    }
    let live = true;
    setState({ key, loading: true });
    request(AvailabilityQuery, vars).then(
      (d) => live && setState({ key, data: d.availability, loading: false }),
      (error) => live && setState({ key, error, loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, l]);
  return state.key === key ? state : { loading: !!vars };
}

/** The answer: its status chip, in words, the earliest shipping day. */
export function AvailabilityAnswer({ a }: { a: Answer }) {
  return (
    <div class="card av-answer" data-testid="availability">
      <p>
        <Badge tone={availabilityTone(a.status)}>{availabilityLabel(a.status)}</Badge>
      </p>
      <p>{availabilityText(a)}</p>
      <p class="small muted">
        {a.earliestShipAt ? tav('shipsFrom', { date: formatDate(a.earliestShipAt) }) : tav('noDate')} · {tav('leadTime', { n: a.leadTimeDays })}
      </p>
    </div>
  );
}

/** The box on a product's stock page. */
export function AvailabilityBox({ productID, unit }: { productID: string; unit: string }) {
  useStore(lang);
  const [quantity, setQuantity] = useState('');
  const [u, setU] = useState(unit);
  const [bad, setBad] = useState('');
  const [asked, setAsked] = useState<{ vars: AvailabilityVars; n: number } | null>(null);
  const a = useAvailability(asked?.vars ?? null, asked?.n);

  function ask(e: Event) {
    e.preventDefault();
    const r = availabilityVars(productID, quantity, u);
    if (!r.vars) {
      setBad(tav('needQuantity'));
      setAsked(null);
      return;
    }
    setBad('');
    setAsked((x) => ({ vars: r.vars!, n: (x?.n ?? 0) + 1 }));
  }

  // A refusal: at its field when it names one, else under the form.
  const err = a.error;
  const field = err instanceof ApiError && err.code === 'BAD_USER_INPUT' ? err.extensions.field : undefined;
  const qtyErr = bad || (field === 'quantity' ? tav('needQuantity') : '');
  const unitErr = field === 'unit' ? tav('badUnit', { unit }) : '';
  const formErr =
    !err || field === 'quantity' || field === 'unit'
      ? ''
      : err instanceof OfflineError
        ? tav('onlineOnly')
        : err instanceof ApiError && err.code === 'NOT_FOUND'
          ? tav('notFound')
          : (err as Error)?.message ?? String(err);
  const attrs = (k: string, msg: string) => ({ 'aria-invalid': !!msg, 'aria-describedby': msg ? `av-${k}-err` : undefined });

  return (
    <section class="section" aria-labelledby="av-h">
      <h2 id="av-h">{tav('title')}</h2>
      <form class="card" onSubmit={ask} noValidate>
        <p class="muted small">{tav('intro')}</p>
        <div class="field-row">
          <label class="field" style={{ flex: 2 }}>
            <span>{tav('quantity')}</span>
            <input type="text" inputMode="decimal" autocomplete="off" value={quantity} onInput={(e) => (setQuantity(e.currentTarget.value), setBad(''))} {...attrs('quantity', qtyErr)} />
            {qtyErr && (
              <span class="field-error cm-block" id="av-quantity-err" role="alert">
                {qtyErr}
              </span>
            )}
          </label>
          <label class="field" style={{ flex: 1 }}>
            <span>{tav('unit')}</span>
            <input value={u} maxLength={16} autocapitalize="off" autocomplete="off" onInput={(e) => setU(e.currentTarget.value)} {...attrs('unit', unitErr)} />
            {unitErr && (
              <span class="field-error cm-block" id="av-unit-err" role="alert">
                {unitErr}
              </span>
            )}
          </label>
        </div>
        <button type="submit" class="btn primary block" disabled={a.loading} aria-busy={a.loading}>
          {a.loading ? tav('asking') : tav('ask')}
        </button>
        {formErr && (
          <p class="error" role="alert">
            {formErr}
          </p>
        )}
        <div role="status">{a.data && <AvailabilityAnswer a={a.data} />}</div>
      </form>
    </section>
  );
}

/** The muted line under an order line's quantity; nothing until there is an answer, nothing on a failure. */
export function AvailabilityHint({ productID, quantity, unit, customerID, id }: { productID: string; quantity: string; unit: string; customerID: string; id?: string }) {
  const q = useDebounced(quantity, 400);
  const u = useDebounced(unit, 400);
  const r = productID ? availabilityVars(productID, q, u, customerID) : {};
  const a = useAvailability(r.vars ?? null);
  return (
    <p class="muted small" id={id} data-testid="availability-hint" aria-live="polite" hidden={!a.data}>
      {a.data ? availabilityText(a.data) : ''}
    </p>
  );
}
