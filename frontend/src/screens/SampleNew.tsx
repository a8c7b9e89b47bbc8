// Requesting a sample (送样) for an account: product, quantity, purpose and the checks
// made on the sample itself.
import { useState } from 'preact/hooks';
import { graphql, type ResultOf, type VariablesOf } from '../graphql';
import { ApiError, OfflineError, newId, request } from '../lib/api';
import { useDebounced } from '../lib/hooks';
import { useQuery } from '../lib/query';
import { navigate } from '../lib/router';
import { Empty } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import { Header } from '../ui/Layout';
import { accountName } from './AccountTabs';
import { t } from './samples.i18n';
import { DocChecks, radioStyle, type Docs } from './SampleDocs';
// The list's query, for the account's name (Samples.tsx re-exports SampleNew: an import
// cycle within the samples chunk, used only at render time).
import { SampleListQuery } from './Samples';

export const SampleProductsQuery = graphql(`
  query SampleProducts($where: ProductWhereInput) {
    products(first: 20, where: $where, orderBy: { field: NAME, direction: ASC }) {
      edges { node { id code name unit grade category } }
    }
  }
`);

export const CreateSample = graphql(`
  mutation CreateSample($input: CreateSampleInput!, $cmid: String) {
    createSample(input: $input, clientMutationId: $cmid) { id status }
  }
`);

type Product = NonNullable<NonNullable<NonNullable<ResultOf<typeof SampleProductsQuery>['products']['edges']>[number]>['node']>;
type FieldErrors = Partial<Record<'product' | 'quantity' | 'unit' | 'purpose' | 'form', string>>;

/** Which form field a server validation error is about (ent names fields in snake_case). */
function fieldOf(e: ApiError): keyof FieldErrors {
  const f = String(e.extensions.field ?? '').toLowerCase();
  if (f === 'quantity') return 'quantity';
  if (f === 'unit') return 'unit';
  if (f === 'purpose') return 'purpose';
  if (f === 'productid' || f === 'product_id' || f === 'product') return 'product';
  return 'form';
}

export function SampleNew({ id }: { id: string }) {
  const [cmid] = useState(() => newId());
  const [search, setSearch] = useState('');
  const [product, setProduct] = useState<Product | null>(null);
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState('kg');
  const [unitTouched, setUnitTouched] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [docs, setDocs] = useState<Docs>({ docLabel: false, docPrecautions: false });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const nameQ = useQuery(SampleListQuery, { id, first: 1, after: null });
  const name = accountName(nameQ.data);
  const term = useDebounced(search.trim(), 250);
  const where: VariablesOf<typeof SampleProductsQuery>['where'] = term
    ? { active: true, or: [{ nameContainsFold: term }, { codeContainsFold: term }] }
    : { active: true };
  const pq = useQuery(SampleProductsQuery, { where }, { skip: !!product });

  function choose(p: Product) {
    setProduct(p);
    if (!unitTouched && p.unit) setUnit(p.unit);
    setErrors((e) => ({ ...e, product: undefined }));
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const errs: FieldErrors = {};
    const n = Number(quantity.replace(',', '.'));
    if (!product) errs.product = t('needProduct');
    if (!quantity.trim() || !isFinite(n) || n <= 0) errs.quantity = t('needQuantity');
    if (!unit.trim()) errs.unit = t('needUnit');
    if (Object.keys(errs).length) {
      setErrors({ ...errs, form: t('fixErrors') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const r = await request(CreateSample, {
        cmid,
        input: {
          customerID: id,
          productID: product!.id,
          quantity: n,
          unit: unit.trim(),
          purpose: purpose.trim() || null,
          ...docs,
        },
      });
      navigate(`/samples/${r.createSample.id}`, true);
    } catch (err) {
      if (err instanceof OfflineError) setErrors({ form: t('needsNetwork') });
      else if (err instanceof ApiError && err.code === 'BAD_USER_INPUT') {
        const f = fieldOf(err);
        setErrors(f === 'form' ? { form: err.message } : { [f]: err.message, form: t('fixErrors') });
      } else setErrors({ form: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }

  const products = (pq.data?.products.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));

  return (
    <>
      <Header title={name ? `${name} · ${t('newTitle')}` : t('newTitle')} back={`/customers/${id}/samples`} />
      <main class="content">
        <form onSubmit={submit} noValidate>
          <fieldset aria-describedby={errors.product ? 'err-product' : undefined}>
            <legend>{t('product')}</legend>
            {product ? (
              <div class="card" data-testid="chosen-product">
                <p style={{ margin: 0 }}>
                  <strong>{t('chosen', { name: product.name })}</strong>
                  <br />
                  <span class="muted small">
                    {product.code}
                    {product.category ? ' · ' + product.category : ''}
                  </span>
                </p>
                <div class="btn-row">
                  <button type="button" class="btn" onClick={() => setProduct(null)}>
                    {t('change')}
                  </button>
                </div>
              </div>
            ) : (
              <>
                <label class="field">
                  <span>{t('searchProduct')}</span>
                  <input
                    type="search"
                    value={search}
                    autocomplete="off"
                    enterkeyhint="search"
                    aria-invalid={!!errors.product}
                    onInput={(e) => setSearch(e.currentTarget.value)}
                    onKeyDown={(e) => {
                      // Enter in the search box picks nothing and must not submit the form.
                      if (e.key === 'Enter') e.preventDefault();
                    }}
                  />
                </label>
                {pq.data === undefined ? (
                  pq.error ? (
                    <p class="muted">{pq.error instanceof OfflineError ? t('productsOffline') : pq.error.message}</p>
                  ) : (
                    <p class="muted loading" role="status">
                      {tc('loading')}
                    </p>
                  )
                ) : products.length === 0 ? (
                  <Empty>{t('noProducts', { q: term })}</Empty>
                ) : (
                  <ul class="list" data-testid="product-choices">
                    {products.map((p) => (
                      <li key={p.id}>
                        <label class="row" style={{ cursor: 'pointer' }}>
                          <input type="radio" name="product" value={p.id} style={radioStyle} onChange={() => choose(p)} />
                          <span class="row-main">
                            <span class="row-title">{p.name}</span>
                            <span class="row-sub">
                              {p.code}
                              {p.category ? ' · ' + p.category : ''}
                            </span>
                          </span>
                        </label>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
            {errors.product && (
              <p class="field-error" id="err-product" role="alert">
                {errors.product}
              </p>
            )}
          </fieldset>

          <div style={{ display: 'flex', gap: '12px' }}>
            <label class="field" style={{ flex: 2 }}>
              <span>{t('quantity')}</span>
              <input
                type="text"
                inputMode="decimal"
                value={quantity}
                required
                aria-invalid={!!errors.quantity}
                aria-describedby={errors.quantity ? 'err-quantity' : undefined}
                onInput={(e) => setQuantity(e.currentTarget.value)}
              />
              {errors.quantity && (
                <span class="field-error" id="err-quantity" style={{ display: 'block' }}>
                  {errors.quantity}
                </span>
              )}
            </label>
            <label class="field" style={{ flex: 1 }}>
              <span>{t('unit')}</span>
              <input
                type="text"
                value={unit}
                maxLength={16}
                required
                autocapitalize="off"
                aria-invalid={!!errors.unit}
                aria-describedby={errors.unit ? 'err-unit' : undefined}
                onInput={(e) => {
                  setUnit(e.currentTarget.value);
                  setUnitTouched(true);
                }}
              />
              {errors.unit && (
                <span class="field-error" id="err-unit" style={{ display: 'block' }}>
                  {errors.unit}
                </span>
              )}
            </label>
          </div>

          <label class="field">
            <span>{t('purpose')}</span>
            <textarea
              value={purpose}
              rows={3}
              aria-invalid={!!errors.purpose}
              aria-describedby={'hint-purpose' + (errors.purpose ? ' err-purpose' : '')}
              onInput={(e) => setPurpose(e.currentTarget.value)}
            />
            <span class="hint" id="hint-purpose">
              {t('purposeHint')}
            </span>
            {errors.purpose && (
              <span class="field-error" id="err-purpose" style={{ display: 'block' }}>
                {errors.purpose}
              </span>
            )}
          </label>

          <DocChecks docs={docs} onChange={setDocs} />

          {errors.form && (
            <p class="error" role="alert">
              {errors.form}
            </p>
          )}
          <button type="submit" class="btn primary block" disabled={busy} aria-busy={busy}>
            {busy ? t('submitting') : t('submit')}
          </button>
        </form>
      </main>
    </>
  );
}
