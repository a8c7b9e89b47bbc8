// A product's prices (价格) on its stock page: the last 20 list, market and raw-material
// prices, the newest first; under each list price, the price agreements (accepted
// quotations with the product) in force on or after its date, whose customers keep their
// agreed price until the agreement ends, each opening its quotation. A manager records a
// new price here and sees at once which agreements it leaves as agreed.
import { useState } from 'preact/hooks';
import { graphql, type ResultOf } from '../graphql';
import { label } from '../i18n/enums';
import { ApiError, OfflineError, newId, request } from '../lib/api';
import { formatDate, formatNumber, lang } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { Badge, Empty, Query } from '../ui/bits';
import { FormStatus } from '../ui/FormStatus';
import type { Errors } from './commercialLogic';
import { tpr } from './prices.i18n';
import { PRICE_KINDS, blankPriceForm, canRecordPrice, pricePointInput, type PriceForm, type PriceKind } from './supplyLogic';

const ProductPricesQuery = graphql(`
  query ProductPrices($id: ID!) {
    node(id: $id) {
      __typename
      ... on Product {
        id
        pricePoints(first: 20, orderBy: { field: OBSERVED_AT, direction: DESC }) {
          totalCount
          edges {
            node {
              id version kind price currency observedAt source
              affectedAgreements { id number revision validUntil customer { id name } }
            }
          }
        }
      }
    }
  }
`);

const CreatePricePoint = graphql(`
  mutation CreatePricePoint($input: CreatePricePointInput!, $cmid: String) {
    createPricePoint(input: $input, clientMutationId: $cmid) {
      id version kind price currency observedAt source
      affectedAgreements { id number revision validUntil customer { id name } }
    }
  }
`);

type Point = ResultOf<typeof CreatePricePoint>['createPricePoint'];
type Agreement = Point['affectedAgreements'][number];

const priceOf = (p: { price: number; currency: string }) => tpr('price', { price: formatNumber(p.price, 4), currency: p.currency });

/** The agreements a list price leaves as agreed, each opening its quotation. */
function Agreements({ list }: { list: readonly Agreement[] }) {
  return (
    <ul class="plain" data-testid="affected-agreements">
      {list.map((q) => (
        <li key={q.id}>
          <a href={`/quotations/${encodeURIComponent(q.id)}`} aria-label={tpr('agreementOf', { number: q.number, n: q.revision })}>
            {tpr('agreement', { number: q.number, n: q.revision })}
          </a>{' '}
          · {q.customer.name} · {tpr('until', { date: formatDate(q.validUntil) })}
        </li>
      ))}
    </ul>
  );
}

function Affected({ list, open }: { list: readonly Agreement[]; open: boolean }) {
  if (!list.length) return <p class="row-sub">{tpr('noneAffected')}</p>;
  return (
    <details class="why pr-agreements" open={open}>
      <summary>{tpr('affectedN', { n: list.length })}</summary>
      <p class="small">{tpr('keepPrice')}</p>
      <Agreements list={list} />
    </details>
  );
}

export function ProductPrices({ productID, unit, role }: { productID: string; unit: string; role: string | undefined }) {
  useStore(lang);
  const q = useQuery(ProductPricesQuery, { id: productID });
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<Point | null>(null);
  const may = canRecordPrice(role);

  return (
    <section class="section" aria-labelledby="pr-h">
      <h2 id="pr-h">{tpr('title')}</h2>
      <p class="muted small">{tpr('intro')}</p>
      {saved && (
        <div class="card" data-testid="price-saved" role="status">
          <p class="notice">{tpr('saved', { price: priceOf(saved), date: formatDate(saved.observedAt) })}</p>
          {saved.kind === 'LIST' &&
            (saved.affectedAgreements.length ? (
              <>
                <p>{tpr('savedAffected')}</p>
                <Agreements list={saved.affectedAgreements} />
              </>
            ) : (
              <p>{tpr('savedNone')}</p>
            ))}
        </div>
      )}
      {may &&
        (adding ? (
          <AddPrice
            productID={productID}
            unit={unit}
            onCancel={() => setAdding(false)}
            onSaved={async (p) => {
              setAdding(false);
              setSaved(p);
              await q.refetch();
            }}
          />
        ) : (
          <button type="button" class="btn" onClick={() => (setAdding(true), setSaved(null))}>
            + {tpr('add')}
          </button>
        ))}
      {!may && <p class="muted small">{tpr('readOnly')}</p>}
      <Query q={q}>
        {(d) => {
          const points = d.node?.__typename === 'Product' ? (d.node.pricePoints.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])) : [];
          if (!points.length) return <Empty>{tpr('empty')}</Empty>;
          const newestList = points.find((p) => p.kind === 'LIST')?.id;
          return (
            <ul class="list" data-testid="price-points">
              {points.map((p) => (
                <li key={p.id} class="pr-point" data-testid="price-point" data-kind={p.kind}>
                  <p class="pr-head">
                    <Badge tone={p.kind === 'LIST' ? 'info' : undefined}>{label('PricePointKind', p.kind)}</Badge>
                    <span class="pr-price">{priceOf(p)}</span>
                  </p>
                  <p class="row-sub">{[tpr('observed', { date: formatDate(p.observedAt) }), p.source].filter(Boolean).join(' · ')}</p>
                  {p.kind === 'LIST' && <Affected list={p.affectedAgreements} open={p.id === newestList} />}
                </li>
              ))}
            </ul>
          );
        }}
      </Query>
    </section>
  );
}

const MSG = { needPrice: 1, currencyCode: 1, tooLong200: 1, needDay: 1 } as const;

function AddPrice({ productID, unit, onCancel, onSaved }: { productID: string; unit: string; onCancel: () => void; onSaved: (p: Point) => void | Promise<void> }) {
  const [f, setF] = useState<PriceForm>(() => blankPriceForm());
  const [errors, setErrors] = useState<Errors>({});
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);
  const [cmid, setCmid] = useState(() => newId());

  const change = (patch: Partial<PriceForm>) => {
    setF((x) => ({ ...x, ...patch }));
    setErrors((e) => {
      const n = { ...e };
      for (const k of Object.keys(patch)) delete n[k];
      return n;
    });
  };
  const attrs = (k: string, hint?: string) => ({ 'aria-invalid': !!errors[k], 'aria-describedby': errors[k] ? `pr-${k}-err` : hint });
  const FieldErr = ({ k }: { k: string }) =>
    errors[k] ? (
      <span class="field-error cm-block" id={`pr-${k}-err`} role="alert">
        {errors[k] in MSG ? tpr(errors[k] as keyof typeof MSG) : errors[k]}
      </span>
    ) : null;

  async function save(e: Event) {
    e.preventDefault();
    if (busy) return;
    const { input, errors: errs } = pricePointInput(f, productID);
    setErrors(errs);
    setErr('');
    if (!input) return;
    setBusy(true);
    try {
      const d = await request(CreatePricePoint, { input, cmid });
      setCmid(newId());
      await onSaved(d.createPricePoint);
    } catch (x) {
      if (x instanceof OfflineError) setErr(tpr('onlineOnly'));
      else if (x instanceof ApiError && x.code === 'FORBIDDEN') setErr(tpr('forbidden'));
      else if (x instanceof ApiError && x.code === 'NOT_FOUND') setErr(tpr('notFound'));
      else if (x instanceof ApiError && x.code === 'BAD_USER_INPUT' && x.extensions.field === 'price') setErrors({ price: 'needPrice' });
      else if (x instanceof ApiError && x.code === 'BAD_USER_INPUT' && x.extensions.field === 'currency') setErrors({ currency: 'currencyCode' });
      else setErr((x as Error)?.message ?? String(x));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card" onSubmit={save} noValidate aria-labelledby="pr-add-h">
      <h3 id="pr-add-h">{tpr('addTitle')}</h3>
      <label class="field">
        <span>{tpr('kind')}</span>
        <select value={f.kind} onChange={(e) => change({ kind: e.currentTarget.value as PriceKind })}>
          {PRICE_KINDS.map((k) => (
            <option key={k} value={k}>
              {label('PricePointKind', k)}
            </option>
          ))}
        </select>
      </label>
      <div class="field-row">
        <label class="field" style={{ flex: 2 }}>
          <span>{tpr('priceLabel')}</span>
          <input type="text" inputMode="decimal" autocomplete="off" value={f.price} onInput={(e) => change({ price: e.currentTarget.value })} {...attrs('price', 'pr-price-hint')} />
          <span class="hint" id="pr-price-hint">
            {tpr('priceHint', { unit })}
          </span>
          <FieldErr k="price" />
        </label>
        <label class="field" style={{ flex: 1 }}>
          <span>{tpr('currency')}</span>
          <input value={f.currency} maxLength={3} autocapitalize="characters" autocomplete="off" onInput={(e) => change({ currency: e.currentTarget.value })} {...attrs('currency')} />
          <FieldErr k="currency" />
        </label>
      </div>
      <label class="field">
        <span>{tpr('day')}</span>
        <input type="date" value={f.day} onInput={(e) => change({ day: e.currentTarget.value })} {...attrs('day')} />
        <FieldErr k="day" />
      </label>
      <label class="field">
        <span>{tpr('source')}</span>
        <input value={f.source} maxLength={200} autocomplete="off" onInput={(e) => change({ source: e.currentTarget.value })} {...attrs('source')} />
        <FieldErr k="source" />
      </label>
      <FormStatus err={err} />
      <div class="btn-row">
        <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
          {busy ? tpr('saving') : tpr('save')}
        </button>
        <button type="button" class="btn" disabled={busy} onClick={onCancel}>
          {tpr('cancel')}
        </button>
      </div>
    </form>
  );
}
