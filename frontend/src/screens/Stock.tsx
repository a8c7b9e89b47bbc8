// The stock plan (库存计划, /stock) for managers, admins and analysts: every product with
// stock on file against every customer's forecast, the most urgent first, and the
// products still without stock to enter it; and one product's plan (/stock/:productID)
// with its monthly demand, its reasons and — for a manager — the stock form (online,
// with the version read: a CONFLICT offers to reload); whether a quantity can be promised
// (Availability) and the product's prices with the agreements a list price leaves as
// agreed (ProductPrices).
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { ApiError, OfflineError, request, session } from '../lib/api';
import { formatDate, formatNumber, relativeDay } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { Badge, Empty, Query } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import { FormStatus } from '../ui/FormStatus';
import { Header } from '../ui/Layout';
import { AvailabilityBox } from './Availability';
import type { Errors } from './commercialLogic';
import { ProductPrices } from './ProductPrices';
import { stockStatusLabel, tst } from './stock.i18n';
import { canSeeStock, canWriteStock, monthOf, stockFormOf, stockInput, stockTone, type StockForm } from './stockLogic';
import './commercial.css';

const qty = (n: number | null | undefined, unit: string) => (n == null ? '—' : tst('qty', { n: formatNumber(n, 1), unit }));

const StockPlansQuery = graphql(`
  query StockPlans {
    stockPlans(first: 50) {
      product { id code name }
      unit onHand onOrder safetyStock leadTimeDays status runsOutAt orderBy suggestedQuantity reasons
    }
  }
`);

const ProductsWithoutStock = graphql(`
  query ProductsWithoutStock($where: ProductWhereInput!) {
    products(first: 20, where: $where, orderBy: { field: CODE, direction: ASC }) {
      edges { node { id code name unit } }
    }
  }
`);

const StockPlanQuery = graphql(`
  query StockPlan($id: ID!) {
    stockPlan(productID: $id) {
      product { id code name version stockOnHand stockOnOrder safetyStock leadTimeDays }
      unit onHand onOrder safetyStock leadTimeDays countedAt status runsOutAt orderBy suggestedQuantity
      demand { month quantity }
      fromCustomers fromTrials customers trials trialsWithoutEstimate reasons
    }
  }
`);

const UpdateProductStock = graphql(`
  mutation UpdateProductStock($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) { id version stockOnHand stockOnOrder safetyStock leadTimeDays stockCountedAt }
  }
`);

function NotForRole() {
  return (
    <main class="content">
      <Empty>{tst('notForRole')}</Empty>
    </main>
  );
}

/** The status chip: translated, order now red, order soon amber. */
function StatusChip({ status }: { status: string }) {
  return <Badge tone={stockTone(status)}>{stockStatusLabel(status)}</Badge>;
}

export function StockPlans() {
  const role = useStore(session)?.user.role;
  const q = useQuery(StockPlansQuery, {}, { skip: !canSeeStock(role) });
  return (
    <>
      <Header title={tst('title')} back={role === 'ANALYST' ? '/' : '/team'} />
      {!canSeeStock(role) ? (
        <NotForRole />
      ) : (
        <main class="content">
          <p class="muted small">{tst('intro')}</p>
          <Query q={q}>
            {(d) =>
              !d.stockPlans.length ? (
                <Empty>{tst('empty')}</Empty>
              ) : (
                <ul class="list" data-testid="stock-plans">
                  {d.stockPlans.map((p) => (
                    <li key={p.product.id}>
                      <a class="row" href={`/stock/${encodeURIComponent(p.product.id)}`}>
                        <span class="row-main">
                          <span class="row-title">
                            {p.product.code} · {p.product.name} <StatusChip status={p.status} />
                          </span>
                          <span class="row-sub">
                            {tst('onHand')} {qty(p.onHand, p.unit)} · {tst('onOrder')} {qty(p.onOrder, p.unit)} · {tst('safety')} {qty(p.safetyStock, p.unit)}
                          </span>
                          <span class="row-sub">
                            {tst('runsOut')} {p.runsOutAt ? formatDate(p.runsOutAt) : tst('notWithin')}
                            {p.orderBy && ` · ${tst('orderBy')} ${formatDate(p.orderBy)}`}
                            {p.suggestedQuantity > 0 && ` · ${tst('suggested')} ${qty(p.suggestedQuantity, p.unit)}`}
                          </span>
                          {p.reasons.map((r, i) => (
                            <span key={i} class="row-sub">
                              {r}
                            </span>
                          ))}
                        </span>
                      </a>
                    </li>
                  ))}
                </ul>
              )
            }
          </Query>
          <WithoutStock />
        </main>
      )}
    </>
  );
}

/** Active products with no stock on file, searchable: where stock is entered first. */
function WithoutStock() {
  const [text, setText] = useState('');
  const s = text.trim();
  const where = s
    ? { active: true, stockOnHandIsNil: true, or: [{ codeContainsFold: s }, { nameContainsFold: s }] }
    : { active: true, stockOnHandIsNil: true };
  const q = useQuery(ProductsWithoutStock, { where }, { keep: false });
  return (
    <section class="section" aria-labelledby="stock-enter-h">
      <h2 id="stock-enter-h">{tst('enterTitle')}</h2>
      <label class="field">
        <span>{tst('search')}</span>
        <input type="search" autocomplete="off" value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <p class="muted small">{tst('searchHint')}</p>
      <Query q={q}>
        {(d) => {
          const ps = (d.products.edges ?? []).map((e) => e!.node!);
          return !ps.length ? (
            <Empty>{tst('noProducts')}</Empty>
          ) : (
            <ul class="list" data-testid="stock-products">
              {ps.map((p) => (
                <li key={p.id}>
                  <a class="row" href={`/stock/${encodeURIComponent(p.id)}`}>
                    <span class="row-main">
                      <span class="row-title">
                        {p.code} · {p.name}
                      </span>
                      <span class="row-sub">{stockStatusLabel('NO_STOCK_ON_FILE')}</span>
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          );
        }}
      </Query>
    </section>
  );
}

const MSG = { notQuantity: 1, leadRange: 1 } as const;
function FieldErr({ errors, k }: { errors: Errors; k: string }) {
  if (!errors[k]) return null;
  return (
    <span class="field-error cm-block" id={`st-${k}-err`} role="alert">
      {errors[k] in MSG ? tst(errors[k] as keyof typeof MSG) : errors[k]}
    </span>
  );
}
const attrs = (errors: Errors, k: string) => ({ 'aria-invalid': !!errors[k], 'aria-describedby': errors[k] ? `st-${k}-err` : undefined });

export function StockProduct({ productID }: { productID: string }) {
  const role = useStore(session)?.user.role;
  const q = useQuery(StockPlanQuery, { id: productID }, { keep: false, skip: !canSeeStock(role) });
  const p = q.data?.stockPlan;
  return (
    <>
      <Header title={p ? `${p.product.code} · ${p.product.name}` : tst('title')} back="/stock" />
      {!canSeeStock(role) ? (
        <NotForRole />
      ) : (
        <main class="content">
          <Query q={q}>
            {(d) => {
              const s = d.stockPlan;
              return (
                <>
                  <section class="section" aria-labelledby="st-plan-h">
                    <h2 id="st-plan-h">
                      {tst('title')} <StatusChip status={s.status} />
                    </h2>
                    <div class="card" data-testid="stock-plan">
                      <dl class="kv">
                        <dt>{tst('onHand')}</dt>
                        <dd>
                          {qty(s.onHand, s.unit)}
                          {s.countedAt && <span class="muted small"> · {tst('counted', { when: relativeDay(s.countedAt) })}</span>}
                        </dd>
                        <dt>{tst('onOrder')}</dt>
                        <dd>{qty(s.onOrder, s.unit)}</dd>
                        <dt>{tst('safety')}</dt>
                        <dd>{qty(s.safetyStock, s.unit)}</dd>
                        <dt>{tst('leadTime')}</dt>
                        <dd>{tst('days', { n: s.leadTimeDays })}</dd>
                        <dt>{tst('runsOut')}</dt>
                        <dd>{s.runsOutAt ? formatDate(s.runsOutAt) : tst('notWithin')}</dd>
                        {s.orderBy && (
                          <>
                            <dt>{tst('orderBy')}</dt>
                            <dd>{formatDate(s.orderBy)}</dd>
                          </>
                        )}
                        <dt>{tst('suggested')}</dt>
                        <dd>{qty(s.suggestedQuantity, s.unit)}</dd>
                      </dl>
                    </div>
                  </section>
                  <AvailabilityBox productID={s.product.id} unit={s.unit} />
                  <section class="section" aria-labelledby="st-why-h">
                    <h2 id="st-why-h">{tst('reasons')}</h2>
                    <ul data-testid="stock-reasons">
                      {s.reasons.map((r, i) => (
                        <li key={i}>{r}</li>
                      ))}
                    </ul>
                  </section>
                  <section class="section" aria-labelledby="st-demand-h">
                    <h2 id="st-demand-h">{tst('demandTitle')}</h2>
                    <div class="card">
                      {!s.demand.length ? (
                        <p class="muted">{tst('noDemand')}</p>
                      ) : (
                        <table class="cm-table">
                          <thead>
                            <tr>
                              <th scope="col">{tst('month')}</th>
                              <th scope="col" class="num">
                                {tst('quantity', { unit: s.unit })}
                              </th>
                            </tr>
                          </thead>
                          <tbody>
                            {s.demand.map((m) => (
                              <tr key={m.month}>
                                <th scope="row">{monthOf(m.month)}</th>
                                <td class="num">{formatNumber(m.quantity, 1)}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      )}
                      <p class="small">{tst('split', { c: formatNumber(s.fromCustomers, 1), t: formatNumber(s.fromTrials, 1), unit: s.unit })}</p>
                      <p class="muted small">{tst('counts', { customers: s.customers, trials: s.trials })}</p>
                      {s.trialsWithoutEstimate > 0 && <p class="muted small">{tst('withoutEstimate', { n: s.trialsWithoutEstimate })}</p>}
                    </div>
                  </section>
                  {canWriteStock(role) ? (
                    <StockFormSection product={s.product} unit={s.unit} onSaved={() => q.refetch()} />
                  ) : (
                    <p class="muted small">{tst('readOnly')}</p>
                  )}
                  <ProductPrices productID={s.product.id} unit={s.unit} role={role} />
                </>
              );
            }}
          </Query>
        </main>
      )}
    </>
  );
}

type Prod = { id: string; version: number; stockOnHand?: number | null; stockOnOrder?: number | null; safetyStock?: number | null; leadTimeDays: number };

function StockFormSection({ product, unit, onSaved }: { product: Prod; unit: string; onSaved: () => Promise<void> }) {
  const [f, setF] = useState<StockForm>(() => stockFormOf(product));
  const [version, setVersion] = useState(product.version);
  const [errors, setErrors] = useState<Errors>({});
  const [err, setErr] = useState('');
  const [flash, setFlash] = useState('');
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);

  // A newer version read (after saving or reloading): the form starts from it.
  useEffect(() => {
    if (product.version === version) return;
    setF(stockFormOf(product));
    setVersion(product.version);
  }, [product.version]);

  const change = (patch: Partial<StockForm>) => {
    setF((x) => ({ ...x, ...patch }));
    setFlash('');
    setErrors((e) => {
      const n = { ...e };
      for (const k of Object.keys(patch)) delete n[k];
      return n;
    });
  };

  async function save(e: Event) {
    e.preventDefault();
    if (busy) return;
    const { input, errors: errs } = stockInput(f, product, version);
    setErrors(errs);
    setErr('');
    setFlash('');
    if (!input) return;
    setBusy(true);
    try {
      await request(UpdateProductStock, { id: product.id, input });
      await onSaved().catch(() => {});
      setFlash(tst('saved'));
    } catch (x) {
      if (x instanceof OfflineError) setErr(tc('onlineOnly'));
      else if (x instanceof ApiError && x.code === 'CONFLICT') setConflict(true);
      else if (x instanceof ApiError && x.code === 'FORBIDDEN') setErr(tst('forbidden'));
      else setErr((x as Error)?.message ?? String(x));
    } finally {
      setBusy(false);
    }
  }

  async function reload() {
    setConflict(false);
    await onSaved();
  }

  const field = (k: keyof StockForm, labelKey: 'onHandLabel' | 'onOrderLabel' | 'safetyLabel' | 'leadLabel', numeric = false) => (
    <>
      <label class="field">
        <span>{tst(labelKey, { unit })}</span>
        <input
          type="text"
          inputMode={numeric ? 'numeric' : 'decimal'}
          autocomplete="off"
          value={f[k]}
          onInput={(e) => change({ [k]: e.currentTarget.value })}
          {...attrs(errors, k)}
        />
      </label>
      <FieldErr errors={errors} k={k} />
    </>
  );

  return (
    <section class="section" aria-labelledby="st-form-h">
      <h2 id="st-form-h">{tst('formTitle')}</h2>
      <form onSubmit={save} noValidate>
        {field('onHand', 'onHandLabel')}
        {field('onOrder', 'onOrderLabel')}
        {field('safety', 'safetyLabel')}
        {field('leadTimeDays', 'leadLabel', true)}
        <p class="muted small">{tst('leadHint')}</p>
        {conflict && (
          <div class="error" role="alert">
            <p>{tst('conflict')}</p>
            <button type="button" class="btn" onClick={() => void reload()}>
              {tst('reload')}
            </button>
          </div>
        )}
        <FormStatus err={err} flash={flash} />
        <button type="submit" class="btn primary block" disabled={busy} aria-busy={busy}>
          {busy ? tc('saving') : tst('save')}
        </button>
      </form>
    </section>
  );
}
