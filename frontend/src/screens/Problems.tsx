// Problems (问题): the account's list, reporting one from the shop floor (with photos,
// offline), and one problem's handling from report to closing: respond, go on site
// (及时到现场), find the root cause together (共同找原因), dispose of defective goods,
// resolve, close — against the service level for its severity.
import { shrinkPhoto } from '../lib/photo';
import { useEffect, useRef, useState } from 'preact/hooks';
import { graphql, type ResultOf, type VariablesOf } from '../graphql';
import { ApiError, OfflineError, newId, online, request } from '../lib/api';
import { formatDate, formatNumber, lang, messages, relativeDay } from '../lib/i18n';
import { AttachIssueFile, CreateIssue } from '../lib/mutations';
import { queue } from '../lib/offline';
import { useQuery } from '../lib/query';
import type { QueueItem } from '../lib/queue';
import { navigate, useQueryParam } from '../lib/router';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Badge, Empty, ErrorBox, Query, Section } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import { Header } from '../ui/Layout';
import { AccountTabStrip, LoadMore, accountName, tapLink, useMore } from './AccountTabs';

const t = messages(
  'problems',
  {
    title: 'Problems',
    report: 'Report a problem',
    openOnly: 'Open only',
    all: 'All',
    filter: 'Show',
    empty: 'No problems reported for this account.',
    emptyOpen: 'No open problems.',
    reported: 'reported {when}',
    batch: 'batch {b}',
    order: 'order {n}',
    pastSla: 'past SLA',
    respondBy: 'respond due {when}',
    onSiteBy: 'on site due {when}',
    onTime: 'within SLA',
    waitingSend: 'Waiting to send',
    waiting: 'waiting to send',
    attention: 'needs attention — open the queue',
    savedQueued: 'Problem report saved. It will be sent when the network returns.',
    savedFailed: 'Problem report saved, but the server did not accept it. Open the queue in Settings to fix it.',
    savedSent: 'Problem report sent.',
    // new
    newTitle: 'Report a problem',
    fTitle: 'What is wrong (short title)',
    fTitleHint: 'e.g. “Colour differs from last batch”',
    fCategory: 'Category',
    fSeverity: 'Severity',
    fOrder: 'Order (optional)',
    fNoOrder: 'No order / not known',
    fOrdersLoading: 'Loading orders…',
    fOrdersOffline: 'Orders are not available offline; you can type the batch number.',
    fBatch: 'Batch number (optional)',
    fDescription: 'Description',
    fDescriptionHint: 'What the customer saw, when, how much is affected. Tip: tap the microphone on your keyboard to dictate.',
    fPhotos: 'Photos',
    fPhotosHint: 'Take photos or choose from the gallery (at most 20 MB each).',
    photoAlt: 'Photo {n}: {name}',
    removePhoto: 'Remove photo {n} ({name})',
    tooLarge: '{name} is larger than 20 MB and was not added.',
    needTitle: 'Enter a short title.',
    needCategory: 'Choose a category.',
    fixErrors: 'Please fix the marked fields.',
    submit: 'Save problem report',
    saving: 'Saving…',
    sending: 'Saved. Sending to the server…',
    queueLabel: 'Problem report',
    enqueueFailed: 'Could not save on this phone: {message}',
    // detail
    detailTitle: 'Problem',
    customer: 'Customer',
    orderLabel: 'Order',
    batchLabel: 'Batch',
    product: 'Product',
    assignee: 'Handled by',
    description: 'Description',
    progress: 'Handling and service level',
    stepReported: 'Reported',
    breachRecorded: 'Service level missed: {deadline}, due {due}, recorded {at}. It stays recorded whatever is edited later, and the managers see the problem on Today until it is resolved.',
    stepResponded: 'Responded',
    stepOnSite: 'On site',
    stepResolved: 'Resolved',
    stepClosed: 'Closed',
    due: 'due {when}',
    late: 'late',
    notYet: 'not yet',
    skipped: 'not needed',
    handling: 'Root cause and handling',
    rootCause: 'Root cause',
    onsiteResponse: 'On-site response (及时到现场)',
    jointRootCauseWork: 'Finding the cause together (共同找原因)',
    disposition: 'Disposition of defective goods',
    lossAmount: 'Loss amount',
    resolution: 'Resolution',
    nextStep: 'Next step',
    moveTo: 'Move to “{status}”',
    confirmMove: 'Save: {status}',
    closeWarn: 'Closing is final: the problem can no longer change.',
    closeNeeds: 'A problem is closed only with a root cause and a resolution.',
    needRootCause: 'Choose the root cause.',
    needResolution: 'Describe the resolution.',
    badLoss: 'Enter the loss as a number (0 or more).',
    finished: 'This problem is closed.',
    stepWaiting: 'Waiting to send: move to “{status}”',
    stepParked: 'Move to “{status}” was not accepted — open the queue in Settings.',
    saved: 'Saved.',
    savedOffline: 'Saved. It will be sent when the network returns.',
    files: 'Photos and files',
    filesEmpty: 'No photos or files yet.',
    filesOffline: 'Photos need the network to show.',
    addPhotos: 'Add photos',
    caption: 'Caption (optional)',
    upload: 'Upload {n} photo(s)',
    uploading: 'Uploading {i} of {n}…',
    uploaded: 'Photos added.',
    uploadOffline: 'Adding photos needs the network. Try again when online.',
    uploadFailed: 'Upload failed: {message}',
    openFile: 'Open {name}',
    notFound: 'This problem does not exist or you may not see it.',
  },
  {
    title: '问题',
    report: '报告问题',
    openOnly: '仅未解决',
    all: '全部',
    filter: '显示',
    empty: '该客户没有报告过问题。',
    emptyOpen: '没有未解决的问题。',
    reported: '{when}报告',
    batch: '批号 {b}',
    order: '订单 {n}',
    pastSla: '已超时',
    respondBy: '响应时限：{when}',
    onSiteBy: '到现场时限：{when}',
    onTime: '未超时',
    waitingSend: '待发送',
    waiting: '待发送',
    attention: '需要处理 — 打开待发送队列',
    savedQueued: '问题已保存，联网后发送。',
    savedFailed: '问题已保存，但服务器未接受。请在设置的待发送队列中处理。',
    savedSent: '问题已发送。',
    newTitle: '报告问题',
    fTitle: '问题简述（标题）',
    fTitleHint: '例如：“颜色与上一批不一致”',
    fCategory: '问题类别',
    fSeverity: '严重程度',
    fOrder: '相关订单（可选）',
    fNoOrder: '无订单 / 不清楚',
    fOrdersLoading: '正在加载订单…',
    fOrdersOffline: '离线时无法加载订单，可直接填写批号。',
    fBatch: '批号（可选）',
    fDescription: '问题描述',
    fDescriptionHint: '客户看到了什么、什么时候、影响多少。提示：可点键盘上的麦克风语音输入。',
    fPhotos: '照片',
    fPhotosHint: '现场拍照或从相册选择（每张不超过 20 MB）。',
    photoAlt: '照片 {n}：{name}',
    removePhoto: '删除照片 {n}（{name}）',
    tooLarge: '{name} 超过 20 MB，未添加。',
    needTitle: '请填写问题简述。',
    needCategory: '请选择问题类别。',
    fixErrors: '请修改标出的项目。',
    submit: '保存问题',
    saving: '保存中…',
    sending: '已保存，正在发送…',
    queueLabel: '问题报告',
    enqueueFailed: '无法保存到手机：{message}',
    detailTitle: '问题',
    customer: '客户',
    orderLabel: '订单',
    batchLabel: '批号',
    product: '产品',
    assignee: '处理人',
    description: '问题描述',
    progress: '处理进度与服务时限',
    stepReported: '报告',
    breachRecorded: '超出服务时限：{deadline}，应在 {due} 前完成，记录于 {at}。此记录不因后续修改而消失；问题解决前，经理的今日列表上会显示此问题（已升级）。',
    stepResponded: '响应',
    stepOnSite: '到现场',
    stepResolved: '解决',
    stepClosed: '关闭',
    due: '时限 {when}',
    late: '超时',
    notYet: '尚未',
    skipped: '无需',
    handling: '根本原因与处理',
    rootCause: '根本原因',
    onsiteResponse: '现场响应（及时到现场）',
    jointRootCauseWork: '共同找原因',
    disposition: '不良品处置',
    lossAmount: '损失金额',
    resolution: '处理结果',
    nextStep: '下一步',
    moveTo: '转为「{status}」',
    confirmMove: '保存：{status}',
    closeWarn: '关闭后问题不能再修改。',
    closeNeeds: '关闭问题需要根本原因和处理结果。',
    needRootCause: '请选择根本原因。',
    needResolution: '请填写处理结果。',
    badLoss: '损失金额请填写数字（0 或以上）。',
    finished: '该问题已关闭。',
    stepWaiting: '待发送：转为「{status}」',
    stepParked: '转为「{status}」未被接受 — 请在设置的待发送队列中处理。',
    saved: '已保存。',
    savedOffline: '已保存，联网后发送。',
    files: '照片和附件',
    filesEmpty: '暂无照片或附件。',
    filesOffline: '照片需要联网才能显示。',
    addPhotos: '添加照片',
    caption: '说明（可选）',
    upload: '上传 {n} 张照片',
    uploading: '正在上传 {i}/{n}…',
    uploaded: '照片已添加。',
    uploadOffline: '添加照片需要联网，请联网后再试。',
    uploadFailed: '上传失败：{message}',
    openFile: '打开 {name}',
    notFound: '该问题不存在或你无权查看。',
  },
);

const CATEGORIES = [
  'QUALITY_FLUCTUATION',
  'SHORT_QUANTITY',
  'LATE_DELIVERY',
  'FUNDING',
  'INVOICE',
  'TEST_METHOD_DIFFERENCE',
  'PRICE',
  'OTHER',
] as const;
const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
const ROOT_CAUSES = ['OUR_PRODUCT', 'CUSTOMER_UNFAMILIAR', 'CUSTOMER_PROCESS_MISMATCH', 'DELIBERATE'] as const;
type Category = (typeof CATEGORIES)[number];
type Severity = (typeof SEVERITIES)[number];
type RootCause = (typeof ROOT_CAUSES)[number] | 'UNDETERMINED';

const MAX_PHOTO = 20 << 20;

type Tone = 'warn' | 'bad' | 'good' | 'info' | undefined;

function severityTone(s: string): Tone {
  return s === 'CRITICAL' ? 'bad' : s === 'HIGH' ? 'warn' : undefined;
}

function statusTone(s: string): Tone {
  return s === 'OPEN' ? 'warn' : s === 'RESOLVED' || s === 'CLOSED' ? 'good' : 'info';
}

const done = (s: string) => s === 'RESOLVED' || s === 'CLOSED';

interface Sla {
  respondBy: string;
  onSiteBy: string;
  respondedLate: boolean;
  onSiteLate: boolean;
  breached: boolean;
}

/** "in 8 hours", "in 2 days", "3 hours ago": SLA deadlines are often hours away. */
function until(iso: string, now = Date.now()): string {
  const hours = (Date.parse(iso) - now) / 3600_000;
  if (Math.abs(hours) >= 36) return relativeDay(iso, now);
  const rtf = new Intl.RelativeTimeFormat(lang.get() === 'zh' ? 'zh-CN' : 'en', { numeric: 'auto' });
  return Math.abs(hours) < 1 ? rtf.format(Math.round(hours * 60), 'minute') : rtf.format(Math.round(hours), 'hour');
}

/** The problem's SLA state as a badge: past SLA, or the next deadline. */
function SlaBadge({ status, sla }: { status: string; sla: Sla }) {
  if (sla.breached) return <Badge tone="bad">{t('pastSla')}</Badge>;
  if (status === 'OPEN') return <Badge>{t('respondBy', { when: until(sla.respondBy) })}</Badge>;
  if (status === 'RESPONDED') return <Badge>{t('onSiteBy', { when: until(sla.onSiteBy) })}</Badge>;
  if (done(status)) return null;
  return <Badge tone="good">{t('onTime')}</Badge>;
}

function QueueState({ item }: { item: QueueItem }) {
  if (item.status === 'failed' || item.status === 'conflict')
    return (
      <a href="/settings#queue" style={tapLink}>
        <Badge tone="bad">{t('attention')}</Badge>
      </a>
    );
  return <Badge tone="info">{t('waiting')}</Badge>;
}

// ---------------------------------------------------------------------------
// List

export const ProblemListQuery = graphql(`
  query ProblemList($id: ID!, $first: Int!, $after: Cursor, $where: IssueWhereInput) {
    node(id: $id) { id ... on Customer { name } }
    issues(first: $first, after: $after, where: $where, orderBy: { field: REPORTED_AT, direction: DESC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id title category severity status reportedAt batchNo
          order { id number }
          sla { respondBy onSiteBy respondedLate onSiteLate breached }
        }
      }
    }
  }
`);

export function ProblemList({ id }: { id: string }) {
  const [openOnly, setOpenOnly] = useState(false);
  const vars: VariablesOf<typeof ProblemListQuery> = {
    id,
    first: 20,
    after: null,
    where: openOnly ? { customerID: id, statusNotIn: ['RESOLVED', 'CLOSED'] } : { customerID: id },
  };
  const q = useQuery(ProblemListQuery, vars);
  const more = useMore(ProblemListQuery, vars, q, (d) => ({
    items: (d.issues.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    hasNext: d.issues.pageInfo.hasNextPage,
    end: d.issues.pageInfo.endCursor,
  }));
  const items = useStore(queue.items);
  const waiting = items.filter((i) => i.kind === 'issue' && i.customerID === id);
  const saved = useQueryParam('saved');
  const name = accountName(q.data);

  useEffect(
    () =>
      queue.on((e) => {
        if (e.type === 'sent' && e.item.customerID === id && (e.item.kind === 'issue' || e.item.kind === 'issueStep')) void q.refetch();
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [id, q.refetch],
  );

  return (
    <>
      <Header title={name ? `${name} · ${t('title')}` : t('title')} back={`/customers/${id}`} />
      <main class="content">
        <AccountTabStrip id={id} current="problems" />
        {saved && (
          <p class={saved === 'failed' ? 'error' : 'notice'} role={saved === 'failed' ? 'alert' : 'status'}>
            {saved === 'failed' ? t('savedFailed') : saved === 'sent' ? t('savedSent') : t('savedQueued')}
          </p>
        )}
        <div class="btn-row">
          <a class="btn primary" href={`/customers/${id}/problems/new`}>
            {t('report')}
          </a>
        </div>
        {waiting.length > 0 && (
          <Section title={t('waitingSend')} count={waiting.length} id="waiting">
            <ul class="list">
              {waiting.map((w) => (
                <li class="row" key={w.id}>
                  <span class="row-main">
                    <span class="row-title">{String(w.vars.input?.title ?? w.label)}</span>
                    <span class="row-sub">
                      {label('IssueCategory', w.vars.input?.category)} · {formatDate(new Date(w.createdAt).toISOString(), true)}
                    </span>
                  </span>
                  <span class="row-side">
                    <QueueState item={w} />
                  </span>
                </li>
              ))}
            </ul>
          </Section>
        )}
        <div class="chips" role="group" aria-label={t('filter')}>
          <button type="button" class="chip" aria-pressed={!openOnly} onClick={() => setOpenOnly(false)}>
            {t('all')}
          </button>
          <button type="button" class="chip" aria-pressed={openOnly} onClick={() => setOpenOnly(true)}>
            {t('openOnly')}
          </button>
        </div>
        <Query q={q}>
          {(d) =>
            more.items.length === 0 ? (
              <Empty>{openOnly ? t('emptyOpen') : t('empty')}</Empty>
            ) : (
              <Section title={openOnly ? t('openOnly') : t('title')} count={d.issues.totalCount} id="list">
                <ul class="list">
                  {more.items.map((i) => (
                    <li key={i.id}>
                      <a class="row" href={`/problems/${i.id}`}>
                        <span class="row-main">
                          <span class="row-title">{i.title}</span>
                          <span class="row-sub">
                            {label('IssueCategory', i.category)} · {t('reported', { when: relativeDay(i.reportedAt) })}
                            {i.order ? ' · ' + t('order', { n: i.order.number }) : ''}
                            {i.batchNo ? ' · ' + t('batch', { b: i.batchNo }) : ''}
                          </span>
                          <span class="small" style={{ display: 'flex', flexWrap: 'wrap', gap: '4px', marginTop: '4px' }}>
                            <Badge tone={statusTone(i.status)}>{label('IssueStatus', i.status)}</Badge>
                            <Badge tone={severityTone(i.severity)}>{label('IssueSeverity', i.severity)}</Badge>
                            <SlaBadge status={i.status} sla={i.sla} />
                          </span>
                        </span>
                        <span class="row-side" aria-hidden="true">
                          ›
                        </span>
                      </a>
                    </li>
                  ))}
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

// ---------------------------------------------------------------------------
// Photos chosen on the phone, previewed before they are sent

interface Photo {
  key: string;
  file: File;
  url: string;
}

function usePhotos() {
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [warning, setWarning] = useState('');
  const current = useRef(photos);
  current.current = photos;
  // The previews' object URLs live as long as the screen.
  useEffect(() => () => current.current.forEach((p) => URL.revokeObjectURL(p.url)), []);

  async function add(list: FileList | null) {
    if (!list?.length) return;
    const added: Photo[] = [];
    const rejected: string[] = [];
    for (const chosen of Array.from(list)) {
      const file = await shrinkPhoto(chosen);
      if (file.size > MAX_PHOTO) {
        rejected.push(file.name);
        continue;
      }
      added.push({ key: newId(), file, url: URL.createObjectURL(file) });
    }
    setWarning(rejected.map((name) => t('tooLarge', { name })).join(' '));
    setPhotos((ps) => ps.concat(added));
  }
  function remove(key: string) {
    const p = current.current.find((x) => x.key === key);
    if (p) URL.revokeObjectURL(p.url);
    setPhotos((ps) => ps.filter((x) => x.key !== key));
  }
  function clear() {
    current.current.forEach((p) => URL.revokeObjectURL(p.url));
    setPhotos([]);
  }
  return { photos, add, remove, clear, warning };
}

const thumbItem = { position: 'relative', listStyle: 'none' } as const;
const thumbRemove = {
  position: 'absolute',
  top: '-6px',
  right: '-6px',
  width: '44px',
  height: '44px',
  borderRadius: '22px',
  border: '2px solid #fff',
  background: '#1b1f23',
  color: '#fff',
  fontSize: '1.25rem',
  lineHeight: 1,
  cursor: 'pointer',
} as const;

function PhotoPicker({
  ph,
  fieldLabel,
  hint,
  disabled,
}: {
  ph: ReturnType<typeof usePhotos>;
  fieldLabel: string;
  hint?: string;
  disabled?: boolean;
}) {
  return (
    <div class="field">
      <label>
        <span style={{ display: 'block', fontWeight: 600, marginBottom: '4px' }}>{fieldLabel}</span>
        <input
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          disabled={disabled}
          aria-describedby={hint ? 'photo-hint' : undefined}
          onChange={(e) => {
            ph.add(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {hint && (
        <span class="hint" id="photo-hint">
          {hint}
        </span>
      )}
      {ph.warning && (
        <p class="field-error" role="alert">
          {ph.warning}
        </p>
      )}
      {ph.photos.length > 0 && (
        <ul class="thumbs" style={{ padding: '8px 0 0', margin: 0 }}>
          {ph.photos.map((p, i) => (
            <li key={p.key} style={thumbItem}>
              <img src={p.url} alt={t('photoAlt', { n: i + 1, name: p.file.name })} />
              <button
                type="button"
                style={thumbRemove}
                aria-label={t('removePhoto', { n: i + 1, name: p.file.name })}
                onClick={() => ph.remove(p.key)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------
// New problem

export const ProblemNewQuery = graphql(`
  query ProblemNewData($id: ID!) {
    node(id: $id) { id ... on Customer { name } }
    orders(first: 50, where: { customerID: $id }, orderBy: { field: ORDERED_AT, direction: DESC }) {
      edges {
        node {
          id number status orderedAt
          lines(first: 20) { edges { node { id batchNo product { id code name } } } }
        }
      }
    }
  }
`);

type Errors = Partial<Record<'title' | 'category', string>>;

export function ProblemNew({ id }: { id: string }) {
  const q = useQuery(ProblemNewQuery, { id });
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<Category | ''>('');
  const [severity, setSeverity] = useState<Severity>('MEDIUM');
  const [orderID, setOrderID] = useState('');
  const [batchNo, setBatchNo] = useState('');
  const [description, setDescription] = useState('');
  const ph = usePhotos();
  const [errors, setErrors] = useState<Errors>({});
  const [phase, setPhase] = useState<'edit' | 'saving' | 'sending'>('edit');
  const [failure, setFailure] = useState('');
  const titleRef = useRef<HTMLInputElement>(null);
  const catRef = useRef<HTMLButtonElement>(null);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  const orders = (q.data?.orders.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const order = orders.find((o) => o.id === orderID);
  const lines = (order?.lines.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const batches = Array.from(new Set(lines.map((l) => l.batchNo).filter((b): b is string => !!b)));
  const name = accountName(q.data);
  const listHref = `/customers/${id}/problems`;

  function validate(): Errors {
    const e: Errors = {};
    if (!title.trim()) e.title = t('needTitle');
    if (!category) e.category = t('needCategory');
    return e;
  }

  /** The product the problem is about, when the order tells it. */
  function productID(): string | undefined {
    const byBatch = lines.find((l) => l.batchNo && l.batchNo === batchNo.trim());
    if (byBatch) return byBatch.product.id;
    const products = new Set(lines.map((l) => l.product.id));
    return products.size === 1 ? [...products][0] : undefined;
  }

  async function submit(ev: Event) {
    ev.preventDefault();
    if (phase !== 'edit') return;
    const e = validate();
    setErrors(e);
    setFailure('');
    if (e.title) return titleRef.current?.focus();
    if (e.category) return catRef.current?.focus();

    const input: VariablesOf<typeof CreateIssue>['input'] = {
      customerID: id,
      title: title.trim(),
      category: category as Category,
      severity,
      description: description.trim() || null,
      orderID: orderID || null,
      batchNo: batchNo.trim() || null,
      productID: productID() ?? null,
      reportedAt: new Date().toISOString(),
    };
    const itemID = newId();
    setPhase('saving');
    // Listen before enqueueing: a fast network may send the item at once.
    let off: () => void = () => undefined;
    const outcome = new Promise<{ sent: string | null } | { parked: true }>((resolve) => {
      off = queue.on((qe) => {
        if (qe.item.id !== itemID) return;
        if (qe.type === 'sent') {
          const r = qe.result as { createIssue?: { id?: string } } | undefined;
          resolve({ sent: r?.createIssue?.id ?? qe.item.recordID ?? null });
        } else resolve({ parked: true });
      });
    });
    try {
      await queue.enqueue({
        id: itemID,
        kind: 'issue',
        label: `${t('queueLabel')}: ${input.title}${name ? ' — ' + name : ''}`,
        customerID: id,
        vars: { input },
        files: ph.photos.map((p) => ({ key: 'photo', blob: p.file, name: p.file.name })),
      });
    } catch (err) {
      off();
      setPhase('edit');
      setFailure(t('enqueueFailed', { message: (err as Error)?.message ?? String(err) }));
      return;
    }
    if (!online.get()) {
      off();
      navigate(`${listHref}?saved=queued`, true);
      return;
    }
    setPhase('sending');
    // Photos take a while on a slow network; after a while the list shows it as waiting.
    const res = await Promise.race([outcome, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
    off();
    if (!live.current) return;
    if (res && 'sent' in res && res.sent) navigate(`/problems/${res.sent}?saved=sent`, true);
    else if (res && 'parked' in res) navigate(`${listHref}?saved=failed`, true);
    else navigate(`${listHref}?saved=queued`, true);
  }

  const busy = phase !== 'edit';
  const hasErrors = !!(errors.title || errors.category);
  return (
    <>
      <Header title={t('newTitle')} back={listHref} />
      <main class="content">
        {name && <p class="muted">{name}</p>}
        <form onSubmit={(e) => void submit(e)} noValidate>
          {hasErrors && (
            <p class="error" role="alert">
              {t('fixErrors')}
            </p>
          )}
          <label class="field">
            <span id="title-label">
              {t('fTitle')} <span class="muted small">({tc('required')})</span>
            </span>
            <input
              ref={titleRef}
              aria-labelledby="title-label"
              name="title"
              value={title}
              maxLength={300}
              required
              aria-invalid={errors.title ? true : undefined}
              aria-describedby={errors.title ? 'title-err title-hint' : 'title-hint'}
              onInput={(e) => {
                setTitle(e.currentTarget.value);
                if (errors.title) setErrors({ ...errors, title: undefined });
              }}
            />
            <span class="hint" id="title-hint">
              {t('fTitleHint')}
            </span>
            {errors.title && (
              <span class="field-error" id="title-err" style={{ display: 'block' }}>
                {errors.title}
              </span>
            )}
          </label>

          <fieldset aria-describedby={errors.category ? 'cat-err' : undefined} aria-invalid={errors.category ? true : undefined}>
            <legend>
              {t('fCategory')} <span class="muted small">({tc('required')})</span>
            </legend>
            <div class="chips">
              {CATEGORIES.map((c, i) => (
                <button
                  type="button"
                  class="chip"
                  key={c}
                  ref={i === 0 ? catRef : undefined}
                  aria-pressed={category === c}
                  onClick={() => {
                    setCategory(c);
                    if (errors.category) setErrors({ ...errors, category: undefined });
                  }}
                >
                  {label('IssueCategory', c)}
                </button>
              ))}
            </div>
            {errors.category && (
              <p class="field-error" id="cat-err">
                {errors.category}
              </p>
            )}
          </fieldset>

          <fieldset>
            <legend>{t('fSeverity')}</legend>
            <div class="chips">
              {SEVERITIES.map((s) => (
                <button type="button" class="chip" key={s} aria-pressed={severity === s} onClick={() => setSeverity(s)}>
                  {label('IssueSeverity', s)}
                </button>
              ))}
            </div>
          </fieldset>

          <label class="field">
            <span id="order-label">{t('fOrder')}</span>
            <select
              aria-labelledby="order-label"
              name="order"
              value={orderID}
              onChange={(e) => setOrderID(e.currentTarget.value)}
              aria-describedby="order-hint"
            >
              <option value="">{t('fNoOrder')}</option>
              {orders.map((o) => (
                <option value={o.id} key={o.id}>
                  {o.number} · {formatDate(o.orderedAt)} · {label('OrderStatus', o.status)}
                </option>
              ))}
            </select>
            <span class="hint" id="order-hint">
              {q.data === undefined ? (q.error ? t('fOrdersOffline') : t('fOrdersLoading')) : ''}
            </span>
          </label>

          <label class="field">
            <span>{t('fBatch')}</span>
            <input
              name="batchNo"
              value={batchNo}
              maxLength={80}
              autocomplete="off"
              list={batches.length ? 'batch-list' : undefined}
              onInput={(e) => setBatchNo(e.currentTarget.value)}
            />
            {batches.length > 0 && (
              <datalist id="batch-list">
                {batches.map((b) => (
                  <option value={b} key={b} />
                ))}
              </datalist>
            )}
          </label>

          <label class="field">
            <span id="desc-label">{t('fDescription')}</span>
            <textarea
              aria-labelledby="desc-label"
              name="description"
              rows={5}
              value={description}
              aria-describedby="desc-hint"
              onInput={(e) => setDescription(e.currentTarget.value)}
            />
            <span class="hint" id="desc-hint">
              {t('fDescriptionHint')}
            </span>
          </label>

          <PhotoPicker ph={ph} fieldLabel={t('fPhotos')} hint={t('fPhotosHint')} disabled={busy} />

          {failure && (
            <p class="error" role="alert">
              {failure}
            </p>
          )}
          {phase === 'sending' && (
            <p class="notice" role="status">
              {t('sending')}
            </p>
          )}
          <button type="submit" class="btn primary block" disabled={busy} aria-busy={busy}>
            {phase === 'edit' ? t('submit') : t('saving')}
          </button>
        </form>
      </main>
    </>
  );
}

// ---------------------------------------------------------------------------
// One problem

export const ProblemDetailQuery = graphql(`
  query ProblemDetail($id: ID!) {
    node(id: $id) {
      id
      ... on Issue {
        version title description category rootCause severity status batchNo reportedAt updatedAt
        onsiteResponse jointRootCauseWork disposition lossAmount resolution
        respondedAt onsiteAt resolvedAt closedAt
        customerID
        customer { id name }
        order { id number }
        product { id code name }
        reportedBy { id name }
        assignee { id name }
        allowedNextStatuses
        sla { respondBy onSiteBy respondedLate onSiteLate breached }
        events(first: 10) { edges { node { id kind deadline dueAt at } } }
      }
    }
  }
`);

export const ProblemFilesQuery = graphql(`
  query ProblemFiles($id: ID!) {
    node(id: $id) {
      id
      ... on Issue {
        attachments(first: 20) { edges { node { id fileName contentType sizeBytes downloadURL caption } } }
      }
    }
  }
`);

type IssueData = Extract<NonNullable<ResultOf<typeof ProblemDetailQuery>['node']>, { title: string }>;
type Status = IssueData['status'];

function Text({ v }: { v: string | null | undefined }) {
  if (!v?.trim()) return <span class="muted">{tc('none')}</span>;
  return <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>;
}

/** The steps of handling with their times and, for response and on-site, the SLA deadline. */
function Progress({ i }: { i: IssueData }) {
  const rows: { name: string; at: string | null | undefined; due?: string; late?: boolean; skippable?: boolean }[] = [
    { name: t('stepReported'), at: i.reportedAt },
    { name: t('stepResponded'), at: i.respondedAt, due: i.sla.respondBy, late: i.sla.respondedLate },
    { name: t('stepOnSite'), at: i.onsiteAt, due: i.sla.onSiteBy, late: i.sla.onSiteLate, skippable: true },
    { name: t('stepResolved'), at: i.resolvedAt },
    { name: t('stepClosed'), at: i.closedAt },
  ];
  const past = (s: Status) => ['ROOT_CAUSE_FOUND', 'DISPOSITION', 'RESOLVED', 'CLOSED'].includes(s);
  const breaches = (i.events?.edges ?? []).flatMap((e) => (e?.node && e.node.kind === 'SLA_BREACHED' ? [e.node] : []));
  return (
    <>
    {breaches.map((b) => (
      <p class="error" role="note" key={b.id} data-testid="sla-breach">
        {t('breachRecorded', { deadline: label('IssueEventDeadline', b.deadline), due: formatDate(b.dueAt, true), at: formatDate(b.at, true) })}
      </p>
    ))}
    <ol class="list" style={{ listStyle: 'none' }}>
      {rows.map((r) => (
        <li class="row" key={r.name}>
          <span class="row-main">
            <span class="row-title">{r.name}</span>
            <span class="row-sub">
              {r.at ? formatDate(r.at, true) : r.skippable && past(i.status) ? t('skipped') : t('notYet')}
              {r.due && !(r.skippable && !r.at && past(i.status)) ? ' · ' + t('due', { when: formatDate(r.due, true) }) : ''}
            </span>
          </span>
          {r.late && (
            <span class="row-side">
              <Badge tone="bad">{t('late')}</Badge>
            </span>
          )}
        </li>
      ))}
    </ol>
    </>
  );
}

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

function StepPanel({
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

function Files({ id }: { id: string }) {
  const q = useQuery(ProblemFilesQuery, { id });
  const on = useStore(online);
  const ph = usePhotos();
  const [caption, setCaption] = useState('');
  const [progress, setProgress] = useState<{ i: number; n: number } | null>(null);
  const [msg, setMsg] = useState<{ tone: 'notice' | 'error'; text: string } | null>(null);

  async function upload() {
    const list = ph.photos.slice();
    if (!list.length) return;
    setMsg(null);
    try {
      for (const [i, p] of list.entries()) {
        setProgress({ i: i + 1, n: list.length });
        await request(AttachIssueFile, { input: { issueID: id, file: p.file, caption: caption.trim() || null }, cmid: newId() }, [
          { path: 'input.file', file: p.file, name: p.file.name },
        ]);
        ph.remove(p.key);
      }
      setCaption('');
      setMsg({ tone: 'notice', text: t('uploaded') });
    } catch (e) {
      setMsg({
        tone: 'error',
        text:
          e instanceof OfflineError
            ? t('uploadOffline')
            : t('uploadFailed', { message: e instanceof ApiError ? `${e.message} (${e.code})` : String((e as Error)?.message ?? e) }),
      });
    } finally {
      setProgress(null);
      void q.refetch();
    }
  }

  const stale = !!q.staleSince || !on;
  return (
    <Section title={t('files')} id="files">
      <Query q={q}>
        {(d) => {
          const node = d.node && 'attachments' in d.node ? d.node : null;
          const files = (node?.attachments.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
          if (!files.length) return <Empty>{t('filesEmpty')}</Empty>;
          return (
            <>
              {stale && <p class="muted small">{t('filesOffline')}</p>}
              <ul class="thumbs" style={{ padding: 0, margin: '0 0 12px' }}>
                {files.map((f) => {
                  const image = f.contentType.startsWith('image/') && !/hei[cf]/.test(f.contentType);
                  return (
                    <li key={f.id} style={{ listStyle: 'none', width: '88px' }}>
                      {f.downloadURL && !stale ? (
                        <a
                          href={f.downloadURL}
                          target="_blank"
                          rel="noopener"
                          aria-label={t('openFile', { name: f.fileName })}
                          style={{ display: 'block', width: '88px', height: '88px' }}
                        >
                          {image ? (
                            <img src={f.downloadURL} alt={f.caption || f.fileName} loading="lazy" />
                          ) : (
                            <span
                              class="badge"
                              style={{
                                display: 'flex',
                                width: '88px',
                                height: '88px',
                                alignItems: 'center',
                                justifyContent: 'center',
                                wordBreak: 'break-all',
                              }}
                            >
                              {f.fileName}
                            </span>
                          )}
                        </a>
                      ) : (
                        <span
                          class="badge"
                          style={{
                            display: 'flex',
                            width: '88px',
                            height: '88px',
                            alignItems: 'center',
                            justifyContent: 'center',
                            wordBreak: 'break-all',
                          }}
                        >
                          {f.fileName}
                        </span>
                      )}
                      {f.caption && (
                        <span class="small muted" style={{ display: 'block' }}>
                          {f.caption}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </>
          );
        }}
      </Query>
      <div class="card">
        <PhotoPicker ph={ph} fieldLabel={t('addPhotos')} disabled={!on || !!progress} />
        {!on && <p class="muted small">{t('uploadOffline')}</p>}
        {ph.photos.length > 0 && (
          <>
            <label class="field">
              <span>{t('caption')}</span>
              <input name="caption" value={caption} maxLength={1000} onInput={(e) => setCaption(e.currentTarget.value)} />
            </label>
            <button
              type="button"
              class="btn primary block"
              disabled={!on || !!progress}
              aria-busy={!!progress}
              onClick={() => void upload()}
            >
              {progress ? t('uploading', progress) : t('upload', { n: ph.photos.length })}
            </button>
          </>
        )}
        {msg && (
          <p class={msg.tone} role={msg.tone === 'error' ? 'alert' : 'status'}>
            {msg.text}
          </p>
        )}
      </div>
    </Section>
  );
}

export function ProblemDetail({ id }: { id: string }) {
  const q = useQuery(ProblemDetailQuery, { id });
  const items = useStore(queue.items);
  const steps = items.filter((i) => i.kind === 'issueStep' && i.recordID === id);
  const [step, setStep] = useState<Status | null>(null);
  const [msg, setMsg] = useState('');
  const saved = useQueryParam('saved');

  useEffect(
    () =>
      queue.on((e) => {
        if (e.item.recordID === id && e.type === 'sent') void q.refetch();
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [id, q.refetch],
  );

  const issue = q.data?.node && 'title' in q.data.node ? (q.data.node as IssueData) : null;

  async function move(to: Status, extra: Record<string, unknown>) {
    if (!issue) return;
    setStep(null);
    const input = { ...extra, status: to, version: issue.version };
    await queue.enqueue({
      id: newId(),
      kind: 'issueStep',
      label: `${t('detailTitle')}: ${issue.title} → ${label('IssueStatus', to)}`,
      customerID: issue.customerID,
      recordID: id,
      vars: { id, input },
    });
    setMsg(online.get() ? t('saved') : t('savedOffline'));
  }

  return (
    <>
      <Header title={issue?.title ?? t('detailTitle')} back={issue ? `/customers/${issue.customerID}/problems` : '/'} />
      <main class="content">
        {saved === 'sent' && (
          <p class="notice" role="status">
            {t('savedSent')}
          </p>
        )}
        {msg && (
          <p class="notice" role="status">
            {msg}
          </p>
        )}
        <Query q={q}>
          {() => {
            if (!issue) return <ErrorBox error={new ApiError(t('notFound'), 'NOT_FOUND')} />;
            const i = issue;
            const waiting = steps.filter((s) => s.status === 'pending' || s.status === 'sending');
            const parked = steps.filter((s) => s.status === 'failed' || s.status === 'conflict');
            return (
              <>
                <div class="card">
                  <p style={{ display: 'flex', flexWrap: 'wrap', gap: '6px', margin: 0 }}>
                    <Badge tone={statusTone(i.status)}>{label('IssueStatus', i.status)}</Badge>
                    <Badge tone={severityTone(i.severity)}>{label('IssueSeverity', i.severity)}</Badge>
                    <Badge>{label('IssueCategory', i.category)}</Badge>
                    <SlaBadge status={i.status} sla={i.sla} />
                  </p>
                  <dl class="kv" style={{ marginTop: '10px' }}>
                    <dt>{t('customer')}</dt>
                    <dd>
                      <a href={`/customers/${i.customer.id}`} style={tapLink}>
                        {i.customer.name}
                      </a>
                    </dd>
                    {i.order && (
                      <>
                        <dt>{t('orderLabel')}</dt>
                        <dd>
                          <a href={`/orders/${i.order.id}`} style={tapLink}>
                            {i.order.number}
                          </a>
                        </dd>
                      </>
                    )}
                    {i.product && (
                      <>
                        <dt>{t('product')}</dt>
                        <dd>
                          {i.product.code} {i.product.name}
                        </dd>
                      </>
                    )}
                    {i.batchNo && (
                      <>
                        <dt>{t('batchLabel')}</dt>
                        <dd>{i.batchNo}</dd>
                      </>
                    )}
                    <dt>{t('stepReported')}</dt>
                    <dd>
                      {formatDate(i.reportedAt, true)}
                      {i.reportedBy ? ` · ${i.reportedBy.name}` : ''}
                    </dd>
                    {i.assignee && (
                      <>
                        <dt>{t('assignee')}</dt>
                        <dd>{i.assignee.name}</dd>
                      </>
                    )}
                  </dl>
                </div>

                <Section title={t('nextStep')} id="next">
                  {waiting.map((s) => (
                    <p class="notice" role="status" key={s.id}>
                      {t('stepWaiting', { status: label('IssueStatus', s.vars.input?.status) })}
                    </p>
                  ))}
                  {parked.map((s) => (
                    <p class="error" role="alert" key={s.id}>
                      <a href="/settings#queue" style={tapLink}>
                        {t('stepParked', { status: label('IssueStatus', s.vars.input?.status) })}
                      </a>
                    </p>
                  ))}
                  {i.status === 'CLOSED' ? (
                    <p class="muted">{t('finished')}</p>
                  ) : step ? (
                    <StepPanel key={step} to={step} issue={i} onCancel={() => setStep(null)} onSave={(input) => void move(step, input)} />
                  ) : (
                    <div class="btn-row">
                      {i.allowedNextStatuses.map((s) => (
                        <button
                          type="button"
                          key={s}
                          class={s === 'CLOSED' ? 'btn' : 'btn primary'}
                          disabled={waiting.length > 0 || parked.length > 0}
                          onClick={() => {
                            setMsg('');
                            // Responding needs nothing more: one tap.
                            if (s === 'RESPONDED') void move(s, {});
                            else setStep(s);
                          }}
                        >
                          {t('moveTo', { status: label('IssueStatus', s) })}
                        </button>
                      ))}
                    </div>
                  )}
                </Section>

                <Section title={t('progress')} id="progress">
                  <Progress i={i} />
                </Section>

                <Section title={t('description')} id="desc">
                  <div class="card">
                    <Text v={i.description} />
                  </div>
                </Section>

                <Section title={t('handling')} id="handling">
                  <div class="card">
                    <dl class="kv" style={{ gridTemplateColumns: '1fr' }}>
                      <dt>{t('rootCause')}</dt>
                      <dd>{label('IssueRootCause', i.rootCause)}</dd>
                      <dt>{t('onsiteResponse')}</dt>
                      <dd>
                        <Text v={i.onsiteResponse} />
                      </dd>
                      <dt>{t('jointRootCauseWork')}</dt>
                      <dd>
                        <Text v={i.jointRootCauseWork} />
                      </dd>
                      <dt>{t('disposition')}</dt>
                      <dd>
                        <Text v={i.disposition} />
                      </dd>
                      <dt>{t('lossAmount')}</dt>
                      <dd>{i.lossAmount != null ? formatNumber(i.lossAmount, 2) : tc('none')}</dd>
                      <dt>{t('resolution')}</dt>
                      <dd>
                        <Text v={i.resolution} />
                      </dd>
                    </dl>
                  </div>
                </Section>
              </>
            );
          }}
        </Query>
        {issue && <Files id={id} />}
      </main>
    </>
  );
}
