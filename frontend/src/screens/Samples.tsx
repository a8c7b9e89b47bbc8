// Samples (送样): the account's samples, requesting one, and one sample's way from
// request to purchasing (送样 → 小试 → 中试 → 采购) with its trials. Steps and new
// trials go through the offline queue; the request itself, the documents checklist and
// a trial's result are online writes.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { graphql, type ResultOf, type VariablesOf } from '../graphql';
import { ApiError, OfflineError, newId, request } from '../lib/api';
import { formatDate, formatNumber, messages, relativeDay } from '../lib/i18n';
import { useDebounced, useQueueRefresh, useSentVersion } from '../lib/hooks';
import { errorText, savedMessage } from '../ui/feedback';
import { queue } from '../lib/offline';
import { useQuery } from '../lib/query';
import type { QueueItem } from '../lib/queue';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Badge, Empty, ErrorBox, Query, Section } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import { Header } from '../ui/Layout';
import { AccountTabStrip, LoadMore, accountName, useMore } from './AccountTabs';

const t = messages(
  'samples',
  {
    title: 'Samples',
    request: 'Request a sample',
    empty: 'No samples for this account yet.',
    requestedWhen: 'requested {when}',
    trialsN: '{n} trial(s)',
    qty: '{q} {unit}',
    // new
    newTitle: 'Request a sample',
    product: 'Product',
    searchProduct: 'Search products by name or code',
    noProducts: 'No product matches “{q}”.',
    productsOffline: 'The product list is not available offline.',
    chosen: 'Chosen: {name}',
    change: 'Change product',
    quantity: 'Quantity',
    unit: 'Unit',
    purpose: 'Purpose',
    purposeHint: 'What the customer will test it for, e.g. “PP film, UV ageing test”.',
    docs: 'Checks on the sample',
    docsHint: 'Both are needed before the sample can be shipped, with the product’s current MSDS and TDS on file.',
    docManual: 'Manual / TDS',
    docMsds: 'MSDS',
    docLabel: 'Clear label on the sample',
    docPrecautions: 'Precautions sheet',
    submit: 'Request the sample',
    submitting: 'Sending…',
    needProduct: 'Choose a product.',
    needQuantity: 'Enter a quantity above zero.',
    needUnit: 'Enter a unit, e.g. kg.',
    fixErrors: 'Please fix the marked fields.',
    needsNetwork: 'Requesting a sample needs the network. Your entries are kept on this screen; try again when online.',
    // detail
    sample: 'Sample',
    notFound: 'This sample does not exist or you may not see it.',
    customer: 'Customer',
    status: 'Status',
    requestedAt: 'Requested',
    requestedBy: 'Requested by',
    shippedAt: 'Shipped',
    receivedAt: 'Received',
    trackingNo: 'Tracking number',
    order: 'Order',
    reason: 'Reason',
    nextStep: 'Next step',
    closed: 'This sample is closed; there are no further steps.',
    markAs: 'Mark as: {status}',
    confirmStatus: 'Confirm: {status}',
    reasonFor: 'Why is the sample “{status}”?',
    needReason: 'Give a reason.',
    pickOrder: 'The order this sample became',
    noOrders: 'This account has no open orders. Create the order first, then mark the sample converted.',
    ordersOffline: 'The account’s orders are not available offline.',
    needOrder: 'Choose the order.',
    orderChoice: '{n} · {status} · {date}',
    addNote: 'Add a note (optional)',
    note: 'Note',
    queueLabel: 'Sample {product} → {status}',
    stepPending: 'Waiting to send: → {status}',
    stepSending: 'Sending: → {status}',
    stepPendingHint: 'The following steps appear once it has been sent.',
    stepConflict: 'Someone else changed this sample meanwhile (now “{now}”). Your step → “{to}” was not applied.',
    stepFailed: 'The server did not accept → “{to}”: {message}',
    applyAgain: 'Apply my step on the current version',
    tryAgain: 'Try again',
    discard: 'Discard my step',
    confirmDiscard: 'Discard this step? It will not be sent.',
    yesDiscard: 'Yes, discard',
    keep: 'Keep it',
    docsBeforeShip: 'Before shipping, the product’s current MSDS and TDS must be on file and the label and precautions checked. Missing: {missing}.',
    needMSDS: 'MSDS (safety data sheet) of the product',
    needTDS: 'TDS (technical data sheet) of the product',
    productDocs: 'The product’s documents',
    onFile: 'on file',
    notOnFile: 'not on file',
    productDocsHint: 'A current document with its file, not superseded or expired. A manager files it under the product.',
    docsTitle: 'Before shipping',
    docSent: 'included',
    docMissing: 'missing',
    editDocs: 'Edit documents',
    saveDocs: 'Save documents',
    docsSaved: 'Documents saved.',
    docsLocked: 'Wait until the waiting step has been sent.',
    fixDocsThenRetry: 'Complete what is missing ({missing}) — the checks below, the documents under the product — then try again.',
    conflictReload: 'Someone else changed this meanwhile. The latest version is now shown: check it and enter your change again.',
    history: 'History',
    noHistory: 'No steps recorded yet.',
    system: 'System',
    fromTo: '{from} → {to}',
    kv: '{k}: {v}',
    sep: ', ',
    // trials
    trials: 'Trials',
    noTrials: 'No trials recorded yet.',
    recordTrial: 'Record a trial',
    newTrial: 'New trial',
    kind: 'Trial type',
    requirements: 'Application and requirements',
    application: 'Application',
    industry: 'Industry',
    sizeSpec: 'Size / specification',
    colour: 'Colour',
    environmental: 'Environmental requirements',
    keyProperties: 'Key properties',
    testStandard: 'Test standard',
    cycle: 'Trial cycle',
    equipment: 'Production equipment and management level',
    testEquipment: 'Test equipment',
    techLevel: 'Customer’s technical level (1–5)',
    techLevelN: 'Level {n}',
    techLevelNone: 'Not rated',
    results: 'Results',
    outcome: 'Outcome',
    startedAt: 'Started on',
    finishedAt: 'Finished on',
    saveTrial: 'Save trial',
    trialQueueLabel: '{kind} for sample {product}',
    trialWaiting: 'Waiting to send',
    attention: 'Needs attention',
    trialParked: 'Not accepted: {message}',
    openQueue: 'Open the queue',
    updateResult: 'Update result',
    outcomeFinal: 'The outcome is final once passed or failed; record a new trial to test again.',
    updateResultOf: 'Update result: {kind}, {date}',
    saveResult: 'Save result',
    resultSaved: 'Result saved.',
    needKind: 'Choose lab or pilot trial.',
    badDate: 'Enter a valid date.',
  },
  {
    title: '样品',
    request: '申请送样',
    empty: '该客户还没有送样记录。',
    requestedWhen: '{when}申请',
    trialsN: '{n} 次试样',
    qty: '{q} {unit}',
    newTitle: '申请送样',
    product: '产品',
    searchProduct: '按名称或型号搜索产品',
    noProducts: '没有与“{q}”匹配的产品。',
    productsOffline: '离线时无法加载产品列表。',
    chosen: '已选：{name}',
    change: '更换产品',
    quantity: '数量',
    unit: '单位',
    purpose: '用途',
    purposeHint: '客户拿样品做什么测试，例如“PP 薄膜，耐紫外老化测试”。',
    docs: '样品检查',
    docsHint: '两项都确认、且产品的现行 MSDS 和 TDS 已归档，才能寄出样品。',
    docManual: '说明书 / TDS',
    docMsds: 'MSDS',
    docLabel: '样品标签清晰',
    docPrecautions: '注意事项',
    submit: '提交送样申请',
    submitting: '提交中…',
    needProduct: '请选择产品。',
    needQuantity: '请输入大于零的数量。',
    needUnit: '请输入单位，例如 kg。',
    fixErrors: '请修改标出的项目。',
    needsNetwork: '申请送样需要联网。已填内容保留在本页，联网后再提交。',
    sample: '样品',
    notFound: '该样品不存在或你无权查看。',
    customer: '客户',
    status: '状态',
    requestedAt: '申请日期',
    requestedBy: '申请人',
    shippedAt: '寄出日期',
    receivedAt: '签收日期',
    trackingNo: '追踪号',
    order: '订单',
    reason: '原因',
    nextStep: '下一步',
    closed: '该样品已结束，没有后续步骤。',
    markAs: '标记为：{status}',
    confirmStatus: '确认：{status}',
    reasonFor: '为什么“{status}”？',
    needReason: '请填写原因。',
    pickOrder: '样品转成的订单',
    noOrders: '该客户没有可选的订单。请先建订单，再标记为已转订单。',
    ordersOffline: '离线时无法加载该客户的订单。',
    needOrder: '请选择订单。',
    orderChoice: '{n} · {status} · {date}',
    addNote: '添加备注（选填）',
    note: '备注',
    queueLabel: '样品 {product} → {status}',
    stepPending: '待发送：→ {status}',
    stepSending: '发送中：→ {status}',
    stepPendingHint: '发送成功后才能进行后续步骤。',
    stepConflict: '期间该样品已被他人修改（现为“{now}”），你的操作 → “{to}”未生效。',
    stepFailed: '服务器未接受 → “{to}”：{message}',
    applyAgain: '在最新版本上重新提交',
    tryAgain: '重试',
    discard: '放弃我的操作',
    confirmDiscard: '确定放弃？此操作不会发送。',
    yesDiscard: '确定放弃',
    keep: '保留',
    docsBeforeShip: '寄出前，产品须有现行的 MSDS 和 TDS 文件归档，并确认标签和注意事项。缺少：{missing}。',
    needMSDS: '产品的 MSDS（化学品安全技术说明书）',
    needTDS: '产品的 TDS（技术说明书）',
    productDocs: '产品文件',
    onFile: '已归档',
    notOnFile: '未归档',
    productDocsHint: '须为现行有效、附有文件、未被替代且未过期的版本，由经理在产品下归档。',
    docsTitle: '寄出前',
    docSent: '已附',
    docMissing: '未附',
    editDocs: '修改随样文件',
    saveDocs: '保存随样文件',
    docsSaved: '随样文件已保存。',
    docsLocked: '请等待待发送的操作发送完成。',
    fixDocsThenRetry: '请补齐缺少的项目（{missing}）：在下方确认检查项，或在产品下归档文件，然后重试。',
    conflictReload: '期间已被他人修改，现已显示最新版本，请核对后重新填写。',
    history: '进度记录',
    noHistory: '还没有进度记录。',
    system: '系统',
    fromTo: '{from} → {to}',
    kv: '{k}：{v}',
    sep: '、',
    trials: '试样',
    noTrials: '还没有试样记录。',
    recordTrial: '记录试样',
    newTrial: '新试样',
    kind: '试样类型',
    requirements: '应用与要求',
    application: '应用',
    industry: '行业',
    sizeSpec: '尺寸 / 规格',
    colour: '颜色',
    environmental: '环保要求',
    keyProperties: '关键性能',
    testStandard: '测试标准',
    cycle: '试样周期',
    equipment: '生产设备与管理水平',
    testEquipment: '检测设备',
    techLevel: '客户技术水平（1–5）',
    techLevelN: '{n} 级',
    techLevelNone: '未评',
    results: '试验结果',
    outcome: '结论',
    startedAt: '开始日期',
    finishedAt: '完成日期',
    saveTrial: '保存试样记录',
    trialQueueLabel: '{kind}：样品 {product}',
    trialWaiting: '待发送',
    attention: '需要处理',
    trialParked: '未被接受：{message}',
    openQueue: '打开待发送队列',
    updateResult: '更新结果',
    outcomeFinal: '结论一旦为通过或未通过即不可更改；如需重新试样，请新增一次试样。',
    updateResultOf: '更新结果：{kind}，{date}',
    saveResult: '保存结果',
    resultSaved: '结果已保存。',
    needKind: '请选择小试或中试。',
    badDate: '请输入有效日期。',
  },
);

// ---------------------------------------------------------------------------
// Shared bits

type Tone = 'warn' | 'bad' | 'good' | 'info' | undefined;

function statusTone(s: string): Tone {
  switch (s) {
    case 'APPROVED':
    case 'CONVERTED':
      return 'good';
    case 'FAILED':
      return 'bad';
    case 'ABANDONED':
      return undefined;
    case 'LAB_TRIAL':
    case 'PILOT_TRIAL':
      return 'warn';
    default:
      return 'info';
  }
}

function outcomeTone(o: string): Tone {
  return o === 'PASSED' ? 'good' : o === 'FAILED' ? 'bad' : o === 'INCONCLUSIVE' ? 'warn' : 'info';
}

// The checks made on the sample itself; the MSDS and TDS are the product's documents
// (docManual / docMsds are set by the server when the sample ships).
const DOCS = ['docLabel', 'docPrecautions'] as const;
type DocKey = (typeof DOCS)[number];
type Docs = Record<DocKey, boolean>;

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

function qty(q: number, unit: string): string {
  return t('qty', { q: formatNumber(q, 3), unit });
}

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

// ---------------------------------------------------------------------------
// List

export const SampleListQuery = graphql(`
  query SampleList($id: ID!, $first: Int!, $after: Cursor) {
    node(id: $id) { id ... on Customer { name } }
    samples(first: $first, after: $after, where: { customerID: $id }, orderBy: { field: REQUESTED_AT, direction: DESC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id status quantity unit requestedAt
          product { id code name }
          trials(first: 1) { totalCount }
        }
      }
    }
  }
`);

export function SampleList({ id }: { id: string }) {
  const vars: VariablesOf<typeof SampleListQuery> = { id, first: 20, after: null };
  const q = useQuery(SampleListQuery, vars);
  const more = useMore(SampleListQuery, vars, q, (d) => ({
    items: (d.samples.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    hasNext: d.samples.pageInfo.hasNextPage,
    end: d.samples.pageInfo.endCursor,
  }));
  const items = useStore(queue.items);
  const name = accountName(q.data);
  useQueueRefresh((i) => i.kind === 'sampleStep' && i.customerID === id, q.refetch);

  return (
    <>
      <Header title={name ? `${name} · ${t('title')}` : t('title')} back={`/customers/${id}`} />
      <main class="content">
        <AccountTabStrip id={id} current="samples" />
        <div class="btn-row">
          <a class="btn primary" href={`/customers/${encodeURIComponent(id)}/samples/new`}>
            {t('request')}
          </a>
        </div>
        <Query q={q}>
          {(d) =>
            more.items.length === 0 ? (
              <Empty>{t('empty')}</Empty>
            ) : (
              <Section title={t('title')} count={d.samples.totalCount} id="samples">
                <ul class="list">
                  {more.items.map((s) => {
                    const waiting = items.find((i) => i.kind === 'sampleStep' && i.vars.input?.id === s.id);
                    return (
                      <li key={s.id}>
                        <a class="row" href={`/samples/${s.id}`}>
                          <span class="row-main">
                            <span class="row-title">{s.product.name}</span>
                            <span class="row-sub">
                              {qty(s.quantity, s.unit)} · {t('requestedWhen', { when: relativeDay(s.requestedAt) })}
                              {s.trials.totalCount > 0 ? ' · ' + t('trialsN', { n: s.trials.totalCount }) : ''}
                            </span>
                            <span class="small" style={rowBadges}>
                              <Badge tone={statusTone(s.status)}>{label('SampleStatus', s.status)}</Badge>
                              {waiting && <QueueBadge item={waiting} />}
                            </span>
                          </span>
                          <span class="row-side" aria-hidden="true">
                            ›
                          </span>
                        </a>
                      </li>
                    );
                  })}
                </ul>
                <LoadMore more={more} />
              </Section>
            )
          }
        </Query>
      </main>
    </>
  );
}

const rowBadges = { display: 'flex', flexWrap: 'wrap', gap: '4px', marginTop: '4px' } as const;

function QueueBadge({ item }: { item: QueueItem }) {
  if (item.status === 'failed' || item.status === 'conflict') return <Badge tone="bad">{t('attention')}</Badge>;
  const to = item.kind === 'sampleStep' ? label('SampleStatus', item.vars.input?.to) : '';
  return <Badge tone="info">{to ? t('stepPending', { status: to }) : t('trialWaiting')}</Badge>;
}

// ---------------------------------------------------------------------------
// New sample

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

const radioStyle = { width: '24px', height: '24px', flex: 'none', margin: 0 } as const;

function DocChecks({ docs, onChange, disabled }: { docs: Docs; onChange: (d: Docs) => void; disabled?: boolean }) {
  return (
    <fieldset aria-describedby="hint-docs">
      <legend>{t('docs')}</legend>
      <p class="muted small" id="hint-docs" style={{ margin: '0 0 6px' }}>
        {t('docsHint')}
      </p>
      <ul class="list">
        {DOCS.map((k) => (
          <li key={k}>
            <label class="row" style={{ cursor: 'pointer' }}>
              <input
                type="checkbox"
                name={k}
                checked={docs[k]}
                disabled={disabled}
                style={radioStyle}
                onChange={(e) => onChange({ ...docs, [k]: e.currentTarget.checked })}
              />
              <span class="row-main">{t(k)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

// ---------------------------------------------------------------------------
// Detail

export const SampleDetailQuery = graphql(`
  query SampleDetail($id: ID!) {
    node(id: $id) {
      __typename
      ... on Sample {
        id version status statusReason quantity unit purpose
        requestedAt shippedAt receivedAt trackingNo
        docManual docMsds docLabel docPrecautions
        allowedNextStatuses
        shippingReadiness { ready missing }
        customer { id name }
        product { id code name }
        requestedBy { id name }
        order { id number }
        events(first: 100, orderBy: { field: AT, direction: DESC }) {
          edges { node { id fromStatus toStatus note at actor { id name } } }
        }
        trials(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) {
          edges {
            node {
              id version kind outcome results createdAt startedAt finishedAt
              application industry sizeSpec colour environmental keyProperties
              testStandard cycle equipment testEquipment customerTechLevel
            }
          }
        }
      }
    }
  }
`);

export const SampleOrderChoicesQuery = graphql(`
  query SampleOrderChoices($customerID: ID!) {
    orders(first: 50, where: { customerID: $customerID, statusNEQ: CANCELLED }, orderBy: { field: ORDERED_AT, direction: DESC }) {
      edges { node { id number status orderedAt } }
    }
  }
`);

export const UpdateSampleDocs = graphql(`
  mutation UpdateSampleDocs($id: ID!, $input: UpdateSampleInput!) {
    updateSample(id: $id, input: $input) { id version docManual docMsds docLabel docPrecautions }
  }
`);

export const UpdateTrialResult = graphql(`
  mutation UpdateTrialResult($id: ID!, $input: UpdateTrialInput!) {
    updateTrial(id: $id, input: $input) { id version outcome results finishedAt }
  }
`);

type SampleNode = Extract<NonNullable<ResultOf<typeof SampleDetailQuery>['node']>, { __typename: 'Sample' }>;
type Trial = NonNullable<NonNullable<NonNullable<SampleNode['trials']['edges']>[number]>['node']>;

function asSample(d: ResultOf<typeof SampleDetailQuery> | undefined): SampleNode | undefined {
  const n = d?.node;
  return n && n.__typename === 'Sample' ? (n as SampleNode) : undefined;
}

export function SampleDetail({ id }: { id: string }) {
  const q = useQuery(SampleDetailQuery, { id });
  const s = asSample(q.data);
  const items = useStore(queue.items);
  const mine = items.filter(
    (i) => (i.kind === 'sampleStep' && i.vars.input?.id === id) || (i.kind === 'trial' && i.vars.input?.sampleID === id),
  );
  useQueueRefresh((i) => (i.kind === 'sampleStep' && i.vars.input?.id === id) || (i.kind === 'trial' && i.vars.input?.sampleID === id), q.refetch);

  const back = s ? `/customers/${s.customer.id}/samples` : '/accounts';
  return (
    <>
      <Header title={s ? `${t('sample')} · ${s.product.name}` : t('sample')} back={back} />
      <main class="content">
        <Query q={q}>
          {() =>
            !s ? (
              <ErrorBox error={new Error(t('notFound'))} />
            ) : (
              <>
                <Summary s={s} />
                <Steps s={s} queued={mine.filter((i) => i.kind === 'sampleStep')} refetch={q.refetch} />
                <DocsSection
                  s={s}
                  locked={mine.some((i) => i.kind === 'sampleStep' && (i.status === 'pending' || i.status === 'sending'))}
                  refetch={q.refetch}
                />
                <Trials s={s} queued={mine.filter((i) => i.kind === 'trial')} refetch={q.refetch} />
                <History s={s} />
              </>
            )
          }
        </Query>
      </main>
    </>
  );
}

function Summary({ s }: { s: SampleNode }) {
  return (
    <div class="card">
      <p style={{ margin: '0 0 8px' }}>
        <Badge tone={statusTone(s.status)}>{label('SampleStatus', s.status)}</Badge>
      </p>
      <dl class="kv">
        <dt>{t('customer')}</dt>
        <dd>
          <a href={`/customers/${s.customer.id}`}>{s.customer.name}</a>
        </dd>
        <dt>{t('product')}</dt>
        <dd>
          {s.product.name} <span class="muted small">{s.product.code}</span>
        </dd>
        <dt>{t('quantity')}</dt>
        <dd>{qty(s.quantity, s.unit)}</dd>
        {s.purpose && (
          <>
            <dt>{t('purpose')}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{s.purpose}</dd>
          </>
        )}
        <dt>{t('requestedAt')}</dt>
        <dd>
          {formatDate(s.requestedAt)}
          {s.requestedBy ? ` · ${s.requestedBy.name}` : ''}
        </dd>
        {s.shippedAt && (
          <>
            <dt>{t('shippedAt')}</dt>
            <dd>{formatDate(s.shippedAt)}</dd>
          </>
        )}
        {s.trackingNo && (
          <>
            <dt>{t('trackingNo')}</dt>
            <dd>{s.trackingNo}</dd>
          </>
        )}
        {s.receivedAt && (
          <>
            <dt>{t('receivedAt')}</dt>
            <dd>{formatDate(s.receivedAt)}</dd>
          </>
        )}
        {s.order && (
          <>
            <dt>{t('order')}</dt>
            <dd>
              <a href={`/orders/${s.order.id}`}>{s.order.number}</a>
            </dd>
          </>
        )}
        {s.statusReason && (
          <>
            <dt>{t('reason')}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{s.statusReason}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

// The lifecycle buttons, driven by the server's allowedNextStatuses.

// What the server says the sample still needs to ship, in the reader's language.
const NEED_LABEL: Record<string, () => string> = {
  MSDS: () => t('needMSDS'),
  MANUAL_TDS: () => t('needTDS'),
  docLabel: () => t('docLabel'),
  docPrecautions: () => t('docPrecautions'),
};

function missingDocs(s: SampleNode): string[] {
  return s.shippingReadiness.missing.map((m) => NEED_LABEL[m]?.() ?? m);
}

function Steps({ s, queued, refetch }: { s: SampleNode; queued: QueueItem[]; refetch: () => Promise<void> }) {
  const [open, setOpen] = useState<string | null>(null); // FAILED / ABANDONED / CONVERTED, asking for more
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [orderID, setOrderID] = useState('');
  const [err, setErr] = useState('');
  const [flash, setFlash] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState<string | null>(null);

  const item = queued[0];
  const sentVersion = useSentVersion(
    (i) => i.kind === 'sampleStep' && i.vars.input?.id === s.id,
    (r) => r?.advanceSample?.version ?? r?.version,
  );
  // A step was sent but the screen still shows the sample before it: wait for the refetch.
  const behind = sentVersion > s.version;
  const forward = s.allowedNextStatuses.filter((x) => x !== 'FAILED' && x !== 'ABANDONED');
  const closing = s.allowedNextStatuses.filter((x) => x === 'FAILED' || x === 'ABANDONED');

  async function enqueue(to: string, extra: { reason?: string; orderID?: string } = {}, version = s.version) {
    setBusy(true);
    setErr('');
    try {
      const input: Record<string, unknown> = { id: s.id, to, version };
      if (note.trim()) input.note = note.trim();
      if (extra.reason) input.reason = extra.reason;
      if (extra.orderID) input.orderID = extra.orderID;
      await queue.enqueue({
        id: newId(),
        kind: 'sampleStep',
        label: t('queueLabel', { product: s.product.name, status: label('SampleStatus', to) }),
        customerID: s.customer.id,
        recordID: s.id,
        vars: { input },
      });
      setFlash(savedMessage());
      setOpen(null);
      setNote('');
      setReason('');
      setOrderID('');
    } catch (e) {
      setErr((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function tap(to: string) {
    setFlash('');
    setErr('');
    if (to === 'FAILED' || to === 'ABANDONED' || to === 'CONVERTED') {
      setOpen(open === to ? null : to);
      return;
    }
    void enqueue(to);
  }

  function confirm(e: Event) {
    e.preventDefault();
    if (!open) return;
    if (open === 'CONVERTED') {
      if (!orderID) return setErr(t('needOrder'));
      void enqueue(open, { orderID });
    } else {
      if (!reason.trim()) return setErr(t('needReason'));
      void enqueue(open, { reason: reason.trim() });
    }
  }

  async function retryFailed(it: QueueItem) {
    // A refused step is sent again as a new item on top of the version now on screen
    // (the rep may have fixed what the server asked for, e.g. the documents).
    await queue.discard(it.id);
    await queue.enqueue({ ...it, id: newId(), vars: { input: { ...it.vars.input, version: s.version } } });
    setFlash(savedMessage());
  }

  const shipWarn = forward.includes('SHIPPED') ? missingDocs(s) : [];

  return (
    <Section title={t('nextStep')} id="next">
      {item ? (
        <div data-testid="sample-queue-state" data-state={item.status}>
          {item.status === 'pending' || item.status === 'sending' ? (
            <>
              <p class="notice" role="status">
                {t(item.status === 'sending' ? 'stepSending' : 'stepPending', { status: label('SampleStatus', item.vars.input.to) })}
              </p>
              <p class="muted small">{t('stepPendingHint')}</p>
            </>
          ) : (
            <div class="error" role="alert">
              <p>
                {item.status === 'conflict'
                  ? t('stepConflict', {
                      now: label('SampleStatus', (item.theirs?.status as string | undefined) ?? s.status),
                      to: label('SampleStatus', item.vars.input.to),
                    })
                  : t('stepFailed', { to: label('SampleStatus', item.vars.input.to), message: item.error?.message ?? '' })}
              </p>
              {item.status === 'failed' && item.vars.input.to === 'SHIPPED' && missingDocs(s).length > 0 && (
                <p>{t('fixDocsThenRetry', { missing: missingDocs(s).join(t('sep')) })}</p>
              )}
              {confirmDiscard === item.id ? (
                <>
                  <p>{t('confirmDiscard')}</p>
                  <div class="btn-row">
                    <button
                      type="button"
                      class="btn danger"
                      onClick={() => {
                        setConfirmDiscard(null);
                        void queue.discard(item.id).then(() => refetch());
                      }}
                    >
                      {t('yesDiscard')}
                    </button>
                    <button type="button" class="btn" onClick={() => setConfirmDiscard(null)}>
                      {t('keep')}
                    </button>
                  </div>
                </>
              ) : (
                <div class="btn-row">
                  {item.status === 'conflict' ? (
                    <button type="button" class="btn primary" onClick={() => void queue.retry(item.id)}>
                      {t('applyAgain')}
                    </button>
                  ) : (
                    <button type="button" class="btn primary" onClick={() => void retryFailed(item)}>
                      {t('tryAgain')}
                    </button>
                  )}
                  <button type="button" class="btn danger" onClick={() => setConfirmDiscard(item.id)}>
                    {t('discard')}
                  </button>
                </div>
              )}
            </div>
          )}
        </div>
      ) : behind ? (
        <p class="muted" role="status">
          {tc('loading')}
        </p>
      ) : s.allowedNextStatuses.length === 0 ? (
        <p class="muted">{t('closed')}</p>
      ) : (
        <>
          {flash && (
            <p class="notice" role="status">
              {flash}
            </p>
          )}
          {shipWarn.length > 0 && (
            <p class="stale" role="note">
              {t('docsBeforeShip', { missing: shipWarn.join(t('sep')) })}
            </p>
          )}
          <div class="btn-row">
            {forward.map((to) => (
              <button
                type="button"
                key={to}
                class="btn primary"
                disabled={busy}
                aria-expanded={to === 'CONVERTED' ? open === to : undefined}
                onClick={() => tap(to)}
              >
                {t('markAs', { status: label('SampleStatus', to) })}
              </button>
            ))}
          </div>
          <div class="btn-row">
            {closing.map((to) => (
              <button type="button" key={to} class="btn danger" disabled={busy} aria-expanded={open === to} onClick={() => tap(to)}>
                {t('markAs', { status: label('SampleStatus', to) })}
              </button>
            ))}
          </div>
          {open && (
            <form class="card" onSubmit={confirm} noValidate>
              {open === 'CONVERTED' ? (
                <OrderPicker customerID={s.customer.id} value={orderID} onChange={setOrderID} />
              ) : (
                <label class="field">
                  <span>{t('reasonFor', { status: label('SampleStatus', open) })}</span>
                  <textarea
                    value={reason}
                    rows={3}
                    maxLength={500}
                    required
                    aria-invalid={!!err}
                    onInput={(e) => setReason(e.currentTarget.value)}
                  />
                </label>
              )}
              {err && (
                <p class="field-error" role="alert">
                  {err}
                </p>
              )}
              <div class="btn-row">
                <button type="submit" class={'btn ' + (open === 'CONVERTED' ? 'primary' : 'danger')} disabled={busy}>
                  {t('confirmStatus', { status: label('SampleStatus', open) })}
                </button>
                <button type="button" class="btn" onClick={() => setOpen(null)}>
                  {tc('cancel')}
                </button>
              </div>
            </form>
          )}
          {!open && err && (
            <p class="error" role="alert">
              {err}
            </p>
          )}
          <details class="filters">
            <summary>{t('addNote')}</summary>
            <label class="field">
              <span>{t('note')}</span>
              <textarea value={note} rows={2} onInput={(e) => setNote(e.currentTarget.value)} />
            </label>
          </details>
        </>
      )}
      {item && (item.status === 'pending' || item.status === 'sending') && flash && (
        <p class="muted small" role="status">
          {flash}
        </p>
      )}
    </Section>
  );
}

function OrderPicker({ customerID, value, onChange }: { customerID: string; value: string; onChange: (id: string) => void }) {
  const q = useQuery(SampleOrderChoicesQuery, { customerID });
  const orders = (q.data?.orders.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <fieldset>
      <legend>{t('pickOrder')}</legend>
      {q.data === undefined ? (
        q.error ? (
          <p class="muted">{q.error instanceof OfflineError ? t('ordersOffline') : q.error.message}</p>
        ) : (
          <p class="muted" role="status">
            {tc('loading')}
          </p>
        )
      ) : orders.length === 0 ? (
        <p class="muted">{t('noOrders')}</p>
      ) : (
        <ul class="list">
          {orders.map((o) => (
            <li key={o.id}>
              <label class="row" style={{ cursor: 'pointer' }}>
                <input
                  type="radio"
                  name="convert-order"
                  value={o.id}
                  checked={value === o.id}
                  style={radioStyle}
                  onChange={() => onChange(o.id)}
                />
                <span class="row-main">
                  {t('orderChoice', { n: o.number, status: label('OrderStatus', o.status), date: formatDate(o.orderedAt) })}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

// The documents sent with the sample: shown, and editable (online) before it ships.

function DocsSection({ s, locked, refetch }: { s: SampleNode; locked: boolean; refetch: () => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [docs, setDocs] = useState<Docs>({ docLabel: s.docLabel, docPrecautions: s.docPrecautions });
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState('');
  const [flash, setFlash] = useState('');
  const editable = s.status === 'REQUESTED' || s.status === 'PREPARED';

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setErr('');
    try {
      await request(UpdateSampleDocs, { id: s.id, input: { version: s.version, ...docs } });
      setEditing(false);
      setFlash(t('docsSaved'));
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

  return (
    <Section title={t('docsTitle')} id="docs">
      {editing ? (
        <form onSubmit={save} noValidate>
          <DocChecks docs={docs} onChange={setDocs} disabled={busy} />
          <div class="btn-row">
            <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
              {busy ? tc('saving') : t('saveDocs')}
            </button>
            <button type="button" class="btn" onClick={() => setEditing(false)}>
              {tc('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <h3 class="small">{t('productDocs')}</h3>
          <ul class="list" data-testid="sample-product-docs">
            {(['MSDS', 'MANUAL_TDS'] as const).map((k) => {
              const onFile = !s.shippingReadiness.missing.includes(k);
              return (
                <li class="row" key={k}>
                  <span aria-hidden="true" style={{ width: '24px', textAlign: 'center', fontWeight: 700 }}>
                    {onFile ? '✓' : '✗'}
                  </span>
                  <span class="row-main">{NEED_LABEL[k]()}</span>
                  <span class="row-side">
                    <Badge tone={onFile ? 'good' : 'warn'}>{onFile ? t('onFile') : t('notOnFile')}</Badge>
                  </span>
                </li>
              );
            })}
          </ul>
          <p class="muted small">{t('productDocsHint')}</p>
          <h3 class="small">{t('docs')}</h3>
          <ul class="list">
            {DOCS.map((k) => (
              <li class="row" key={k}>
                <span aria-hidden="true" style={{ width: '24px', textAlign: 'center', fontWeight: 700 }}>
                  {s[k] ? '✓' : '✗'}
                </span>
                <span class="row-main">{t(k)}</span>
                <span class="row-side">
                  <Badge tone={s[k] ? 'good' : 'warn'}>{s[k] ? t('docSent') : t('docMissing')}</Badge>
                </span>
              </li>
            ))}
          </ul>
          {editable && (
            <div class="btn-row">
              <button
                type="button"
                class="btn"
                disabled={locked}
                aria-describedby={locked ? 'docs-locked' : undefined}
                onClick={() => {
                  setDocs({ docLabel: s.docLabel, docPrecautions: s.docPrecautions });
                  setFlash('');
                  setErr('');
                  setEditing(true);
                }}
              >
                {t('editDocs')}
              </button>
            </div>
          )}
          {editable && locked && (
            <p class="muted small" id="docs-locked">
              {t('docsLocked')}
            </p>
          )}
        </>
      )}
      {err && (
        <p class="error" role="alert">
          {err}
        </p>
      )}
      {flash && (
        <p class="notice" role="status">
          {flash}
        </p>
      )}
    </Section>
  );
}

// Trials (小试 / 中试)

function Trials({ s, queued, refetch }: { s: SampleNode; queued: QueueItem[]; refetch: () => Promise<void> }) {
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
      {err && (
        <p class="error" role="alert">
          {err}
        </p>
      )}
      {flash && (
        <p class="notice" role="status">
          {flash}
        </p>
      )}
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
      {err && (
        <p class="error" role="alert">
          {err}
        </p>
      )}
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

// The history of moves, newest first.

function History({ s }: { s: SampleNode }) {
  const events = (s.events.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <Section title={t('history')} count={events.length} id="history">
      {events.length === 0 ? (
        <Empty>{t('noHistory')}</Empty>
      ) : (
        <ol class="list">
          {events.map((ev) => (
            <li class="row" key={ev.id}>
              <span class="row-main">
                <span class="row-title">
                  {t('fromTo', { from: label('SampleStatus', ev.fromStatus), to: label('SampleStatus', ev.toStatus) })}
                </span>
                <span class="row-sub">
                  {ev.actor?.name ?? t('system')} · {formatDate(ev.at, true)}
                </span>
                {ev.note && <span style={{ whiteSpace: 'pre-wrap' }}>{ev.note}</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
