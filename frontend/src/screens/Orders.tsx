// Orders (订单): the account's orders, and one order's way from confirmation to payment
// along the seed's checklist (确认订单 → 合同 → 标签/生产日期/批号/包装 → 发货 → 签收 →
// 开票 → 回款 → 关闭), with its lines and shipments. Checklist steps go through the
// offline queue; cancelling and the shipment records are online writes.
import { useState } from 'preact/hooks';
import { graphql, type ResultOf, type VariablesOf } from '../graphql';
import { ApiError, newId, request, session } from '../lib/api';
import { formatDate, formatNumber, messages } from '../lib/i18n';
import { useQueueRefresh, useSentVersion } from '../lib/hooks';
import { errorText, savedMessage } from '../ui/feedback';
import { queue } from '../lib/offline';
import { useQuery } from '../lib/query';
import type { QueueItem } from '../lib/queue';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Badge, Empty, ErrorBox, Query, Section } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import { Header } from '../ui/Layout';
import { AccountTabStrip, LoadMore, accountName, useMore } from './AccountTabs';

const t = messages(
  'orders',
  {
    title: 'Orders',
    empty: 'No orders for this account yet.',
    orderedOn: 'ordered {date}',
    deliveryOn: 'delivery {date}',
    evaluation: 'Evaluation order',
    late: 'Past delivery date',
    stepsDone: '{done} of {total} steps',
    progressOf: 'Checklist of order {number}',
    attention: 'Needs attention',
    waiting: 'Waiting to send',
    // detail
    order: 'Order',
    notFound: 'This order does not exist or you may not see it.',
    customer: 'Customer',
    status: 'Status',
    orderedAt: 'Ordered',
    deliveryDate: 'Delivery date',
    contractNo: 'Contract no.',
    currency: 'Currency',
    notes: 'Notes',
    cancelledAt: 'Cancelled',
    cancelReason: 'Reason for cancelling',
    lines: 'Lines',
    noLines: 'This order has no lines.',
    batch: 'Batch {b}',
    noBatch: 'No batch number',
    editBatch: 'Set batch',
    batchLabel: 'Batch number of {product}',
    batchRequired: 'Enter the batch number.',
    batchConflict: 'Someone changed this line meanwhile. It has been reloaded: check and save again.',
    producedOn: 'produced {date}',
    price: '{price} {currency}/{unit}',
    checklist: 'Checklist',
    warnings: 'To check before shipping',
    lineWarnings: 'Batches and documents',
    warnBatchAge: '{product} batch {batch}: produced {date}, more than {months} months ago',
    warnNoDate: '{product} batch {batch}: no production date — check it is suitable',
    warnCoaFile: '{product} batch {batch}: the COA is a record without its file — upload the file before shipping',
    warnCertExpired: '{title}: expired on {date}',
    warnCertExpiring: '{title}: expires on {date}, before the delivery date',
    mustAcknowledge: 'Acknowledge before shipping',
    acknowledgedBy: 'Acknowledged by {name} on {date}: {reason}',
    acknowledge: 'Acknowledge',
    ackReason: 'Why it ships anyway',
    ackReasonRequired: 'Say why the batch ships anyway.',
    correction: 'Correct the closed order',
    correctionHelp: 'A closed order is frozen. Managers correct it here; the reason and the values before and after are recorded.',
    correctionTarget: 'What to correct',
    correctionOrder: 'The order itself',
    correctionField: 'Field',
    correctionValue: 'New value',
    correctionReason: 'Reason',
    correctionReasonRequired: 'Give the reason for the correction.',
    correctionDone: 'Corrected; the correction is recorded on the order.',
    correct: 'Correct',
    fieldBatchNo: 'Batch number',
    fieldProductionDate: 'Production date',
    fieldQuantity: 'Quantity',
    fieldUnitPrice: 'Unit price',
    fieldContractNo: 'Contract number',
    fieldDeliveryDate: 'Delivery date',
    fieldNotes: 'Notes',
    done: 'Done',
    doneStep: 'Done: {step}',
    stepDone: 'Done',
    stepOpen: 'Not done yet',
    byAt: '{who} · {when}',
    kv: '{k}: {v}',
    sep: ', ',
    someone: 'Someone',
    blockedBy: 'Needs first: {steps}',
    stepWaiting: 'Waiting to send',
    stepSending: 'Sending…',
    stepConflict: 'Someone else changed this order meanwhile; “{step}” was not applied.',
    stepFailed: 'Not accepted: {message}',
    applyAgain: 'Apply on the current version',
    applyAgainStep: 'Apply on the current version: {step}',
    tryAgain: 'Try again',
    tryAgainStep: 'Try again: {step}',
    discard: 'Discard',
    discardStep: 'Discard: {step}',
    confirmDiscard: 'Discard “{step}”? It will not be sent.',
    yesDiscard: 'Yes, discard',
    keep: 'Keep it',
    note: 'Note',
    addNote: 'Add a note',
    noteFor: 'Note for “{step}” (optional)',
    queueLabel: 'Order {number}: {step}',
    closedNote: 'This order is closed.',
    cancelledNote: 'This order was cancelled.',
    cancelTitle: 'Cancel the order',
    cancel: 'Cancel order…',
    cancelHint: 'Only an order that has not shipped can be cancelled. This cannot be undone.',
    cancelReasonLabel: 'Why is the order cancelled?',
    confirmCancel: 'Confirm: cancel order {number}',
    keepOrder: 'Keep the order',
    needReason: 'Give a reason.',
    cancelledOk: 'Order cancelled.',
    cancelLocked: 'Wait until the waiting steps have been sent.',
    conflictReload: 'Someone else changed this order meanwhile. The latest version is now shown: check it and try again.',
    // shipments
    shipments: 'Shipments',
    noShipments: 'No shipments yet.',
    shipment: 'Shipment {n}',
    carrier: 'Carrier',
    trackingNo: 'Tracking number',
    shippedAt: 'Shipped',
    eta: 'Expected',
    deliveredAt: 'Delivered',
    signoff: 'Delivery note',
    signedBy: 'signed by {name}',
    signed: 'Signed',
    notSigned: 'Not signed yet',
    tracking: 'Tracking',
    noTracking: 'No tracking updates yet.',
    addShipment: 'Add a shipment',
    newShipment: 'New shipment',
    saveShipment: 'Save shipment',
    addTracking: 'Add tracking update',
    addTrackingTo: 'Add tracking update: {name}',
    trackingWhat: 'What happened',
    location: 'Location',
    when: 'When',
    saveTracking: 'Save tracking update',
    recordSignoff: 'Record delivery sign-off',
    recordSignoffOf: 'Record delivery sign-off: {name}',
    signerName: 'Signed by (name)',
    saveSignoff: 'Save sign-off',
    needSigner: 'Enter who signed.',
    needWhat: 'Describe what happened.',
    badDate: 'Enter a valid date.',
    shipmentSaved: 'Shipment saved.',
    trackingSaved: 'Tracking update saved.',
    signoffSaved: 'Sign-off saved.',
  },
  {
    title: '订单',
    empty: '该客户还没有订单。',
    orderedOn: '{date}下单',
    deliveryOn: '交期 {date}',
    evaluation: '考核订单',
    late: '已过交期',
    stepsDone: '已完成 {done}/{total} 步',
    progressOf: '订单 {number} 的进度',
    attention: '需要处理',
    waiting: '待发送',
    order: '订单',
    notFound: '该订单不存在或你无权查看。',
    customer: '客户',
    status: '状态',
    orderedAt: '下单日期',
    deliveryDate: '交期',
    contractNo: '合同号',
    currency: '币种',
    notes: '备注',
    cancelledAt: '取消日期',
    cancelReason: '取消原因',
    lines: '订单明细',
    noLines: '该订单没有明细。',
    batch: '批号 {b}',
    noBatch: '未填批号',
    editBatch: '填写批号',
    batchLabel: '{product} 的批号',
    batchRequired: '请填写批号。',
    batchConflict: '此行已被他人修改并已重新加载，请核对后再保存。',
    producedOn: '生产日期 {date}',
    price: '{price} {currency}/{unit}',
    checklist: '订单进度',
    warnings: '发货前需注意',
    lineWarnings: '批次与证书',
    warnBatchAge: '{product} 批号 {batch}：生产日期 {date}，已超过 {months} 个月',
    warnNoDate: '{product} 批号 {batch}：未填生产日期，请确认生产日期合适',
    warnCoaFile: '{product} 批号 {batch}：COA 只有记录、没有文件，发货前请上传文件',
    warnCertExpired: '{title}：已于 {date} 过期',
    warnCertExpiring: '{title}：{date} 到期，早于交期',
    mustAcknowledge: '发货前需确认',
    acknowledgedBy: '{name} 已于 {date} 确认：{reason}',
    acknowledge: '确认可发货',
    ackReason: '为何仍可发货',
    ackReasonRequired: '请说明该批次仍可发货的原因。',
    correction: '更正已关闭订单',
    correctionHelp: '已关闭的订单不能再修改，只能由经理在此更正；原因和更正前后的值都会记录。',
    correctionTarget: '更正对象',
    correctionOrder: '订单本身',
    correctionField: '字段',
    correctionValue: '新值',
    correctionReason: '原因',
    correctionReasonRequired: '请填写更正原因。',
    correctionDone: '已更正，记录已写入订单。',
    correct: '更正',
    fieldBatchNo: '批号',
    fieldProductionDate: '生产日期',
    fieldQuantity: '数量',
    fieldUnitPrice: '单价',
    fieldContractNo: '合同号',
    fieldDeliveryDate: '交期',
    fieldNotes: '备注',
    done: '完成',
    doneStep: '完成：{step}',
    stepDone: '已完成',
    stepOpen: '未完成',
    byAt: '{who} · {when}',
    kv: '{k}：{v}',
    sep: '、',
    someone: '某人',
    blockedBy: '需先完成：{steps}',
    stepWaiting: '待发送',
    stepSending: '发送中…',
    stepConflict: '期间订单已被他人修改，“{step}”未生效。',
    stepFailed: '未被接受：{message}',
    applyAgain: '在最新版本上重新提交',
    applyAgainStep: '在最新版本上重新提交：{step}',
    tryAgain: '重试',
    tryAgainStep: '重试：{step}',
    discard: '放弃',
    discardStep: '放弃：{step}',
    confirmDiscard: '确定放弃“{step}”？此操作不会发送。',
    yesDiscard: '确定放弃',
    keep: '保留',
    note: '备注',
    addNote: '添加备注',
    noteFor: '“{step}”的备注（选填）',
    queueLabel: '订单 {number}：{step}',
    closedNote: '该订单已关闭。',
    cancelledNote: '该订单已取消。',
    cancelTitle: '取消订单',
    cancel: '取消订单…',
    cancelHint: '只有尚未发货的订单可以取消。取消后无法恢复。',
    cancelReasonLabel: '取消原因',
    confirmCancel: '确认取消订单 {number}',
    keepOrder: '不取消',
    needReason: '请填写原因。',
    cancelledOk: '订单已取消。',
    cancelLocked: '请等待待发送的步骤发送后再取消。',
    conflictReload: '期间订单已被他人修改，现已显示最新版本，请核对后重试。',
    shipments: '发货',
    noShipments: '还没有发货记录。',
    shipment: '发货 {n}',
    carrier: '承运商',
    trackingNo: '追踪号',
    shippedAt: '发货日期',
    eta: '预计到达',
    deliveredAt: '送达日期',
    signoff: '送货单签收',
    signedBy: '签收人：{name}',
    signed: '已签收',
    notSigned: '未签收',
    tracking: '物流跟踪',
    noTracking: '暂无物流信息。',
    addShipment: '新增发货',
    newShipment: '新发货记录',
    saveShipment: '保存发货',
    addTracking: '添加物流信息',
    addTrackingTo: '添加物流信息：{name}',
    trackingWhat: '物流动态',
    location: '地点',
    when: '时间',
    saveTracking: '保存物流信息',
    recordSignoff: '登记送货单签收',
    recordSignoffOf: '登记送货单签收：{name}',
    signerName: '签收人',
    saveSignoff: '保存签收',
    needSigner: '请填写签收人。',
    needWhat: '请填写物流动态。',
    badDate: '请输入有效日期。',
    shipmentSaved: '发货记录已保存。',
    trackingSaved: '物流信息已保存。',
    signoffSaved: '签收已保存。',
  },
);

// ---------------------------------------------------------------------------
// Shared bits

type Tone = 'warn' | 'bad' | 'good' | 'info' | undefined;

function orderTone(s: string): Tone {
  switch (s) {
    case 'OPEN':
      return 'info';
    case 'IN_PRODUCTION':
    case 'SHIPPED':
      return 'warn';
    case 'DELIVERED':
    case 'INVOICED':
      return 'good';
    case 'CANCELLED':
      return 'bad';
    default:
      return undefined;
  }
}

function shipmentTone(s: string): Tone {
  return s === 'DELIVERED' ? 'good' : s === 'RETURNED' ? 'bad' : s === 'IN_TRANSIT' ? 'warn' : 'info';
}

/** Delivery date passed and the goods have not left. */
function isLate(o: { status: string; deliveryDate?: string | null }): boolean {
  return !!o.deliveryDate && (o.status === 'OPEN' || o.status === 'IN_PRODUCTION') && Date.parse(o.deliveryDate) < Date.now();
}

function Progress({ done, total, name }: { done: number; total: number; name: string }) {
  const pct = total ? Math.round((done / total) * 100) : 0;
  return (
    <span style={{ display: 'block', marginTop: '6px' }}>
      <span
        class="progress"
        style={{ display: 'block' }}
        role="progressbar"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={t('stepsDone', { done, total })}
      >
        <span style={{ width: pct + '%' }} />
      </span>
      <span class="small muted">{t('stepsDone', { done, total })}</span>
    </span>
  );
}

const rowBadges = { display: 'flex', flexWrap: 'wrap', gap: '4px', marginTop: '4px' } as const;

/** A local date-time for <input type="datetime-local">. */
function localNow(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** An input's local date or date-time as an ISO time; null when empty, false when invalid. */
function toIso(v: string): string | null | false {
  if (!v) return null;
  const d = new Date(v.length === 10 ? v + 'T00:00:00' : v);
  return isNaN(d.getTime()) ? false : d.toISOString();
}

// ---------------------------------------------------------------------------
// List

export const OrderListQuery = graphql(`
  query OrderList($id: ID!, $first: Int!, $after: Cursor) {
    node(id: $id) { id ... on Customer { name } }
    orders(first: $first, after: $after, where: { customerID: $id }, orderBy: { field: ORDERED_AT, direction: DESC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id number status orderedAt deliveryDate isEvaluation
          checklist { items { done } }
        }
      }
    }
  }
`);

export function OrderList({ id }: { id: string }) {
  const vars: VariablesOf<typeof OrderListQuery> = { id, first: 20, after: null };
  const q = useQuery(OrderListQuery, vars);
  const more = useMore(OrderListQuery, vars, q, (d) => ({
    items: (d.orders.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    hasNext: d.orders.pageInfo.hasNextPage,
    end: d.orders.pageInfo.endCursor,
  }));
  const items = useStore(queue.items);
  const name = accountName(q.data);
  useQueueRefresh((i) => i.kind === 'orderStep' && i.customerID === id, q.refetch);

  return (
    <>
      <Header title={name ? `${name} · ${t('title')}` : t('title')} back={`/customers/${id}`} />
      <main class="content">
        <AccountTabStrip id={id} current="orders" />
        <Query q={q}>
          {(d) =>
            more.items.length === 0 ? (
              <Empty>{t('empty')}</Empty>
            ) : (
              <Section title={t('title')} count={d.orders.totalCount} id="orders">
                <ul class="list">
                  {more.items.map((o) => {
                    const mine = items.filter((i) => i.kind === 'orderStep' && i.vars.input?.id === o.id);
                    const parked = mine.some((i) => i.status === 'failed' || i.status === 'conflict');
                    const done = o.checklist.items.filter((i) => i.done).length;
                    return (
                      <li key={o.id}>
                        <a class="row" href={`/orders/${o.id}`}>
                          <span class="row-main">
                            <span class="row-title">{o.number}</span>
                            <span class="row-sub">
                              {t('orderedOn', { date: formatDate(o.orderedAt) })}
                              {o.deliveryDate ? ' · ' + t('deliveryOn', { date: formatDate(o.deliveryDate) }) : ''}
                            </span>
                            <span class="small" style={rowBadges}>
                              <Badge tone={orderTone(o.status)}>{label('OrderStatus', o.status)}</Badge>
                              {o.isEvaluation && <Badge tone="info">{t('evaluation')}</Badge>}
                              {isLate(o) && <Badge tone="bad">{t('late')}</Badge>}
                              {mine.length > 0 && <Badge tone={parked ? 'bad' : 'info'}>{parked ? t('attention') : t('waiting')}</Badge>}
                            </span>
                            {o.status !== 'CANCELLED' && (
                              <Progress done={done} total={o.checklist.items.length} name={t('progressOf', { number: o.number })} />
                            )}
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

// ---------------------------------------------------------------------------
// Detail

export const OrderDetailQuery = graphql(`
  query OrderDetail($id: ID!) {
    node(id: $id) {
      __typename
      ... on Order {
        id version number status orderedAt deliveryDate contractNo currency notes isEvaluation
        shippedAt cancelledAt cancelReason
        customer { id name }
        lines(first: 100) {
          edges { node { id version quantity unit unitPrice batchNo productionDate product { id code name } } }
        }
        checklist {
          progress nextSteps warnings
          items { step done at note blockedBy by { id name } }
          lineWarnings {
            kind message productionDate maxAgeMonths needsAcknowledgement acknowledged acknowledgedAt acknowledgement
            acknowledgedBy { id name }
            line { id batchNo product { id code name } }
            document { id title validUntil }
          }
        }
        shipments(first: 20, orderBy: { field: CREATED_AT, direction: DESC }) {
          edges {
            node {
              id version carrier trackingNo status shippedAt eta deliveredAt deliveryNoteSigned signedBy createdAt
              events(first: 50, orderBy: { field: AT, direction: DESC }) {
                edges { node { id at location description } }
              }
            }
          }
        }
      }
    }
  }
`);

export const CancelOrder = graphql(`
  mutation CancelOrder($input: CancelOrderInput!) {
    cancelOrder(input: $input) { id status version cancelledAt cancelReason }
  }
`);

export const CreateShipment = graphql(`
  mutation CreateShipment($input: CreateShipmentInput!, $cmid: String) {
    createShipment(input: $input, clientMutationId: $cmid) { id status }
  }
`);

export const UpdateShipment = graphql(`
  mutation UpdateShipment($id: ID!, $input: UpdateShipmentInput!) {
    updateShipment(id: $id, input: $input) { id version status deliveryNoteSigned signedBy deliveredAt }
  }
`);

export const CreateTrackingEvent = graphql(`
  mutation CreateTrackingEvent($input: CreateTrackingEventInput!, $cmid: String) {
    createTrackingEvent(input: $input, clientMutationId: $cmid) { id at }
  }
`);

type OrderNode = Extract<NonNullable<ResultOf<typeof OrderDetailQuery>['node']>, { __typename: 'Order' }>;
type ChecklistItem = OrderNode['checklist']['items'][number];
type Shipment = NonNullable<NonNullable<NonNullable<OrderNode['shipments']['edges']>[number]>['node']>;

function asOrder(d: ResultOf<typeof OrderDetailQuery> | undefined): OrderNode | undefined {
  const n = d?.node;
  return n && n.__typename === 'Order' ? (n as OrderNode) : undefined;
}

export function OrderDetail({ id }: { id: string }) {
  const q = useQuery(OrderDetailQuery, { id });
  const o = asOrder(q.data);
  const items = useStore(queue.items);
  const mine = items.filter((i) => i.kind === 'orderStep' && i.vars.input?.id === id);
  useQueueRefresh((i) => i.kind === 'orderStep' && i.vars.input?.id === id, q.refetch);

  return (
    <>
      <Header title={o ? `${t('order')} ${o.number}` : t('order')} back={o ? `/customers/${o.customer.id}/orders` : '/accounts'} />
      <main class="content">
        <Query q={q}>
          {() =>
            !o ? (
              <ErrorBox error={new Error(t('notFound'))} />
            ) : (
              <>
                <Summary o={o} />
                <Checklist o={o} queued={mine} />
                <LineWarnings o={o} onSaved={() => void q.refetch()} />
                <Lines o={o} onSaved={() => void q.refetch()} />
                <Shipments o={o} refetch={q.refetch} />
                <Correction o={o} onSaved={() => void q.refetch()} />
                <Cancel o={o} locked={mine.some((i) => i.status === 'pending' || i.status === 'sending')} refetch={q.refetch} />
              </>
            )
          }
        </Query>
      </main>
    </>
  );
}

function Summary({ o }: { o: OrderNode }) {
  return (
    <div class="card">
      <p style={{ margin: '0 0 8px', display: 'flex', flexWrap: 'wrap', gap: '4px' }}>
        <Badge tone={orderTone(o.status)}>{label('OrderStatus', o.status)}</Badge>
        {o.isEvaluation && <Badge tone="info">{t('evaluation')}</Badge>}
        {isLate(o) && <Badge tone="bad">{t('late')}</Badge>}
      </p>
      <dl class="kv">
        <dt>{t('customer')}</dt>
        <dd>
          <a href={`/customers/${o.customer.id}`}>{o.customer.name}</a>
        </dd>
        <dt>{t('orderedAt')}</dt>
        <dd>{formatDate(o.orderedAt)}</dd>
        {o.deliveryDate && (
          <>
            <dt>{t('deliveryDate')}</dt>
            <dd>{formatDate(o.deliveryDate)}</dd>
          </>
        )}
        {o.contractNo && (
          <>
            <dt>{t('contractNo')}</dt>
            <dd>{o.contractNo}</dd>
          </>
        )}
        <dt>{t('currency')}</dt>
        <dd>{o.currency}</dd>
        {o.notes && (
          <>
            <dt>{t('notes')}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{o.notes}</dd>
          </>
        )}
        {o.cancelledAt && (
          <>
            <dt>{t('cancelledAt')}</dt>
            <dd>{formatDate(o.cancelledAt)}</dd>
          </>
        )}
        {o.cancelReason && (
          <>
            <dt>{t('cancelReason')}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{o.cancelReason}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

// The checklist: each step with ✓, who and when; what blocks the others; a "Done" button
// on each step that can be done now (also once the steps it needs are waiting to send).

function Checklist({ o, queued }: { o: OrderNode; queued: QueueItem[] }) {
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [flash, setFlash] = useState('');
  const [err, setErr] = useState('');
  const [discarding, setDiscarding] = useState<string | null>(null);
  const items = o.checklist.items;
  const total = items.length;
  const doneCount = items.filter((i) => i.done).length;
  const waiting = queued.filter((i) => i.status === 'pending' || i.status === 'sending');
  const waitingSteps = new Set<string>(waiting.map((i) => i.vars.input.step as string));
  const doneSteps = new Set<string>(items.filter((i) => i.done).map((i) => i.step));
  const open = o.status !== 'CANCELLED' && o.status !== 'CLOSED';

  function doable(i: ChecklistItem): boolean {
    if (!open || i.done || queued.some((q) => q.vars.input.step === i.step)) return false;
    if (o.checklist.nextSteps.includes(i.step)) return true;
    return i.blockedBy.every((b) => doneSteps.has(b) || waitingSteps.has(b));
  }

  const sentVersion = useSentVersion(
    (i) => i.kind === 'orderStep' && i.vars.input?.id === o.id,
    (r) => r?.completeOrderStep?.version ?? r?.version,
  );

  /**
   * The version to send with a new step: each step still waiting moves the order's
   * version on by one when it is sent, so steps ticked in a row (or offline) do not
   * collide with each other.
   */
  function nextVersion(): number {
    return Math.max(o.version, sentVersion) + waiting.length;
  }

  async function complete(step: string) {
    setErr('');
    setFlash('');
    try {
      const input: Record<string, unknown> = { id: o.id, step, version: nextVersion() };
      const note = (notes[step] ?? '').trim();
      if (note) input.note = note;
      await queue.enqueue({
        id: newId(),
        kind: 'orderStep',
        label: t('queueLabel', { number: o.number, step: label('OrderEventStep', step) }),
        customerID: o.customer.id,
        recordID: o.id,
        vars: { input },
      });
      setNotes((n) => ({ ...n, [step]: '' }));
      setFlash(savedMessage());
    } catch (e) {
      setErr((e as Error).message);
    }
  }

  async function retryFailed(it: QueueItem) {
    await queue.discard(it.id);
    await queue.enqueue({ ...it, id: newId(), vars: { input: { ...it.vars.input, version: nextVersion() } } });
    setFlash(savedMessage());
  }

  return (
    <Section title={t('checklist')} id="checklist">
      <Progress done={doneCount} total={total} name={t('progressOf', { number: o.number })} />
      {o.status === 'CANCELLED' && <p class="muted">{t('cancelledNote')}</p>}
      {o.status === 'CLOSED' && <p class="muted">{t('closedNote')}</p>}
      {o.checklist.warnings.length > 0 && (
        <div class="stale" role="note" style={{ marginTop: '8px' }}>
          <p style={{ margin: '0 0 4px', fontWeight: 600 }}>{t('warnings')}</p>
          <ul style={{ margin: 0, paddingLeft: '20px' }}>
            {o.checklist.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {flash && (
        <p class="notice" role="status">
          {flash}
        </p>
      )}
      {err && (
        <p class="error" role="alert">
          {err}
        </p>
      )}
      <ol class="list" style={{ marginTop: '8px' }}>
        {items.map((i) => {
          const stepName = label('OrderEventStep', i.step);
          const qi = queued.find((x) => x.vars.input.step === i.step);
          const can = doable(i);
          return (
            <li key={i.step} class="row" data-testid={`step-${i.step}`} style={{ alignItems: 'flex-start' }}>
              <span aria-hidden="true" style={mark(i.done)}>
                {i.done ? '✓' : ''}
              </span>
              <span class="row-main">
                <span class="row-title">
                  {stepName} <span class="sr-only">({i.done ? t('stepDone') : t('stepOpen')})</span>
                </span>
                {i.done && (
                  <span class="row-sub">
                    {t('byAt', { who: i.by?.name ?? t('someone'), when: formatDate(i.at, true) })}
                  </span>
                )}
                {i.note && <span class="small" style={{ whiteSpace: 'pre-wrap' }}>{i.note}</span>}
                {!i.done && !can && !qi && i.blockedBy.length > 0 && (
                  <span class="row-sub">{t('blockedBy', { steps: i.blockedBy.map((b) => label('OrderEventStep', b)).join(t('sep')) })}</span>
                )}
                {qi && (qi.status === 'pending' || qi.status === 'sending') && (
                  <span style={{ marginTop: '4px' }}>
                    <Badge tone="info">{qi.status === 'sending' ? t('stepSending') : t('stepWaiting')}</Badge>
                  </span>
                )}
                {qi && (qi.status === 'failed' || qi.status === 'conflict') && (
                  <span class="error" role="alert" style={{ display: 'block' }}>
                    <span style={{ display: 'block' }}>
                      {qi.status === 'conflict' ? t('stepConflict', { step: stepName }) : t('stepFailed', { message: qi.error?.message ?? '' })}
                    </span>
                    {discarding === qi.id ? (
                      <>
                        <span style={{ display: 'block' }}>{t('confirmDiscard', { step: stepName })}</span>
                        <span class="btn-row">
                          <button
                            type="button"
                            class="btn danger"
                            onClick={() => {
                              setDiscarding(null);
                              void queue.discard(qi.id);
                            }}
                          >
                            {t('yesDiscard')}
                          </button>
                          <button type="button" class="btn" onClick={() => setDiscarding(null)}>
                            {t('keep')}
                          </button>
                        </span>
                      </>
                    ) : (
                      <span class="btn-row">
                        {qi.status === 'conflict' ? (
                          <button
                            type="button"
                            class="btn primary"
                            aria-label={t('applyAgainStep', { step: stepName })}
                            onClick={() => void queue.retry(qi.id)}
                          >
                            {t('applyAgain')}
                          </button>
                        ) : (
                          <button
                            type="button"
                            class="btn primary"
                            aria-label={t('tryAgainStep', { step: stepName })}
                            onClick={() => void retryFailed(qi)}
                          >
                            {t('tryAgain')}
                          </button>
                        )}
                        <button
                          type="button"
                          class="btn danger"
                          aria-label={t('discardStep', { step: stepName })}
                          onClick={() => setDiscarding(qi.id)}
                        >
                          {t('discard')}
                        </button>
                      </span>
                    )}
                  </span>
                )}
                {can && (
                  <details class="filters">
                    <summary>
                      {t('addNote')}
                      <span class="sr-only">: {stepName}</span>
                    </summary>
                    <label class="field">
                      <span>{t('noteFor', { step: stepName })}</span>
                      <textarea
                        rows={2}
                        value={notes[i.step] ?? ''}
                        onInput={(e) => {
                          const v = e.currentTarget.value;
                          setNotes((n) => ({ ...n, [i.step]: v }));
                        }}
                      />
                    </label>
                  </details>
                )}
              </span>
              {can && (
                <span class="row-side">
                  <button
                    type="button"
                    class="btn primary"
                    aria-label={t('doneStep', { step: stepName })}
                    onClick={() => void complete(i.step)}
                  >
                    {t('done')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </Section>
  );
}

function mark(done: boolean) {
  return {
    flex: 'none',
    width: '28px',
    height: '28px',
    marginTop: '2px',
    borderRadius: '14px',
    border: '2px solid ' + (done ? 'var(--good)' : 'var(--line)'),
    background: done ? 'var(--good-bg)' : '#fff',
    color: 'var(--good)',
    fontWeight: 700,
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
  } as const;
}

const AcknowledgeBatchAge = graphql(`
  mutation AcknowledgeBatchAge($input: AcknowledgeBatchAgeInput!) {
    acknowledgeBatchAge(input: $input) { id version batchAgeAcknowledgedAt }
  }
`);

type LineWarning = OrderNode['checklist']['lineWarnings'][number];

function warningText(w: LineWarning): string {
  const product = w.line.product.code;
  const batch = w.line.batchNo || '—';
  switch (w.kind) {
    case 'BATCH_TOO_OLD':
      return t('warnBatchAge', { product, batch, date: w.productionDate ? formatDate(w.productionDate) : '—', months: String(w.maxAgeMonths ?? '') });
    case 'NO_PRODUCTION_DATE':
      return t('warnNoDate', { product, batch });
    case 'COA_WITHOUT_FILE':
      return t('warnCoaFile', { product, batch });
    case 'CERTIFICATE_EXPIRED':
      return t('warnCertExpired', { title: w.document?.title ?? '', date: w.document?.validUntil ? formatDate(w.document.validUntil) : '—' });
    default:
      return t('warnCertExpiring', { title: w.document?.title ?? '', date: w.document?.validUntil ? formatDate(w.document.validUntil) : '—' });
  }
}

// One batch-age warning acknowledged (合适的生产日期): online, with the reason.
function AcknowledgeForm({ w, onSaved }: { w: LineWarning; onSaved: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState('');
  async function save(e: Event) {
    e.preventDefault();
    const r = reason.trim();
    if (!r) return setErr(t('ackReasonRequired'));
    setBusy(true);
    setErr('');
    try {
      await request(AcknowledgeBatchAge, { input: { lineID: w.line.id, reason: r } });
      onSaved();
    } catch (x) {
      setErr(errorText(x, t("batchConflict")));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={save} class="inline-form" noValidate>
      <label class="field">
        <span>{t('ackReason')}</span>
        <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} autocomplete="off" />
      </label>
      {err && (
        <p class="error" role="alert">
          {err}
        </p>
      )}
      <button type="submit" class="btn primary" disabled={busy}>
        {busy ? tc('saving') : t('acknowledge')}
      </button>
    </form>
  );
}

// What shipping must look at line by line: old or undated batches (acknowledge them),
// COAs without their file, certificates expired or expiring before delivery.
function LineWarnings({ o, onSaved }: { o: OrderNode; onSaved: () => void }) {
  const ws = o.checklist.lineWarnings;
  if (ws.length === 0) return null;
  const open = o.status !== 'CANCELLED' && o.status !== 'CLOSED' && !o.shippedAt;
  return (
    <Section title={t('lineWarnings')} count={ws.length} id="line-warnings">
      <ul class="list">
        {ws.map((w, k) => (
          <li key={`${w.kind}-${w.line.id}-${k}`} class="row" data-testid={`warning-${w.kind}`} style={{ flexDirection: 'column', alignItems: 'flex-start' }}>
            <span class="row-title">
              <Badge>{label('OrderLineWarningKind', w.kind)}</Badge> {warningText(w)}
            </span>
            {w.needsAcknowledgement && w.acknowledged && (
              <span class="muted">
                {t('acknowledgedBy', { name: w.acknowledgedBy?.name ?? '—', date: w.acknowledgedAt ? formatDate(w.acknowledgedAt) : '', reason: w.acknowledgement ?? '' })}
              </span>
            )}
            {w.needsAcknowledgement && !w.acknowledged && open && (
              <>
                <span class="muted">{t('mustAcknowledge')}</span>
                <AcknowledgeForm w={w} onSaved={onSaved} />
              </>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}

const CorrectClosedOrder = graphql(`
  mutation CorrectClosedOrder($input: CorrectClosedOrderInput!) {
    correctClosedOrder(input: $input) { id version }
  }
`);

const lineFields = ['batchNo', 'productionDate', 'quantity', 'unitPrice'] as const;
const orderFields = ['contractNo', 'deliveryDate', 'notes'] as const;
const fieldLabel: Record<string, string> = {
  batchNo: 'fieldBatchNo', productionDate: 'fieldProductionDate', quantity: 'fieldQuantity', unitPrice: 'fieldUnitPrice',
  contractNo: 'fieldContractNo', deliveryDate: 'fieldDeliveryDate', notes: 'fieldNotes',
};

// A manager's correction of a closed (or cancelled) order: one field of a line or of
// the order, a new value and the reason; the server records it as a CORRECTED event.
function Correction({ o, onSaved }: { o: OrderNode; onSaved: () => void }) {
  const s = useStore(session);
  const lines = (o.lines.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const [target, setTarget] = useState(lines[0]?.id ?? '');
  const [field, setField] = useState<string>(lines.length ? 'batchNo' : 'contractNo');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState('');
  const [flash, setFlash] = useState('');
  if (!s?.access?.manages || (o.status !== 'CLOSED' && o.status !== 'CANCELLED')) return null;
  const fields: readonly string[] = target ? lineFields : orderFields;
  async function save(e: Event) {
    e.preventDefault();
    if (!reason.trim()) return setErr(t('correctionReasonRequired'));
    const input: Record<string, unknown> = { id: o.id, reason: reason.trim() };
    if (target) input.lineID = target;
    const v = value.trim();
    if (field === 'quantity' || field === 'unitPrice') input[field] = Number(v);
    else if (field === 'productionDate' || field === 'deliveryDate') input[field] = new Date(v).toISOString();
    else input[field] = v;
    setBusy(true);
    setErr('');
    setFlash('');
    try {
      await request(CorrectClosedOrder, { input: input as VariablesOf<typeof CorrectClosedOrder>['input'] });
      setValue('');
      setReason('');
      setFlash(t('correctionDone'));
      onSaved();
    } catch (x) {
      setErr(errorText(x, t('batchConflict')));
    } finally {
      setBusy(false);
    }
  }
  const isDate = field === 'productionDate' || field === 'deliveryDate';
  return (
    <Section title={t('correction')} id="correction">
      <p class="muted small">{t('correctionHelp')}</p>
      <form onSubmit={save} class="inline-form" noValidate>
        <label class="field">
          <span>{t('correctionTarget')}</span>
          <select
            value={target}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setTarget(v);
              setField(v ? 'batchNo' : 'contractNo');
            }}
          >
            {lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.product.code} {l.batchNo ?? ''}
              </option>
            ))}
            <option value="">{t('correctionOrder')}</option>
          </select>
        </label>
        <label class="field">
          <span>{t('correctionField')}</span>
          <select value={field} onChange={(e) => setField(e.currentTarget.value)}>
            {fields.map((f) => (
              <option key={f} value={f}>
                {t(fieldLabel[f] as 'fieldNotes')}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('correctionValue')}</span>
          <input type={isDate ? 'date' : 'text'} value={value} onInput={(e) => setValue(e.currentTarget.value)} autocomplete="off" />
        </label>
        <label class="field">
          <span>{t('correctionReason')}</span>
          <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} autocomplete="off" />
        </label>
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
        <button type="submit" class="btn primary" disabled={busy}>
          {busy ? tc('saving') : t('correct')}
        </button>
      </form>
    </Section>
  );
}

const UpdateLineBatch = graphql(`
  mutation UpdateLineBatch($id: ID!, $input: UpdateOrderLineInput!) {
    updateOrderLine(id: $id, input: $input) { id version batchNo }
  }
`);

type Line = NonNullable<NonNullable<NonNullable<OrderNode['lines']['edges']>[number]>['node']>;

// The batch number of a line, set or corrected from the phone (the COA is checked per batch
// before shipping). Online only: it is a correction the rep makes with the order in hand.
function BatchEditor({ line, onSaved }: { line: Line; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(line.batchNo ?? '');
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState('');
  if (!open)
    return (
      <button type="button" class="btn ghost" onClick={() => setOpen(true)} aria-label={`${t('editBatch')}: ${line.product.name}`}>
        {t('editBatch')}
      </button>
    );
  async function save(e: Event) {
    e.preventDefault();
    const b = value.trim();
    if (!b) return setErr(t('batchRequired'));
    setBusy(true);
    setErr('');
    try {
      await request(UpdateLineBatch, { id: line.id, input: { batchNo: b, version: line.version } });
      setOpen(false);
      onSaved();
    } catch (x) {
      setErr(errorText(x, t('batchConflict')));
      if (x instanceof ApiError && x.code === 'CONFLICT') onSaved(); // reload the line, as the message says
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={save} class="inline-form" noValidate>
      <label class="field">
        <span>{t('batchLabel', { product: line.product.name })}</span>
        <input value={value} onInput={(e) => setValue(e.currentTarget.value)} autocomplete="off" />
      </label>
      {err && (
        <p class="error" role="alert">
          {err}
        </p>
      )}
      <div class="btn-row">
        <button type="submit" class="btn primary" disabled={busy}>
          {busy ? tc('saving') : tc('save')}
        </button>
        <button type="button" class="btn" onClick={() => setOpen(false)}>
          {tc('cancel')}
        </button>
      </div>
    </form>
  );
}

function Lines({ o, onSaved }: { o: OrderNode; onSaved: () => void }) {
  const lines = (o.lines.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <Section title={t('lines')} count={lines.length} id="lines">
      {lines.length === 0 ? (
        <Empty>{t('noLines')}</Empty>
      ) : (
        <ul class="list">
          {lines.map((l) => (
            <li class="row" key={l.id}>
              <span class="row-main">
                <span class="row-title">{l.product.name}</span>
                <span class="row-sub">
                  {l.product.code}
                  {l.productionDate ? ' · ' + t('producedOn', { date: formatDate(l.productionDate) }) : ''}
                  {l.unitPrice != null ? ' · ' + t('price', { price: formatNumber(l.unitPrice, 2), currency: o.currency, unit: l.unit }) : ''}
                </span>
                <span class="small" style={rowBadges}>
                  {l.batchNo ? <Badge>{t('batch', { b: l.batchNo })}</Badge> : <Badge tone="warn">{t('noBatch')}</Badge>}
                </span>
                {!o.shippedAt && !o.cancelledAt && <BatchEditor line={l} onSaved={onSaved} />}
              </span>
              <span class="row-side" style={{ color: 'var(--ink)', fontWeight: 600 }}>
                {formatNumber(l.quantity, 3)} {l.unit}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

// Shipments with their tracking, newest first; recording one, a tracking update and the
// signed delivery note are online writes.

function Shipments({ o, refetch }: { o: OrderNode; refetch: () => Promise<void> }) {
  const [adding, setAdding] = useState(false);
  const [flash, setFlash] = useState('');
  const shipments = (o.shipments.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const canAdd = o.status !== 'CANCELLED' && o.status !== 'CLOSED';
  return (
    <Section title={t('shipments')} count={shipments.length} id="shipments">
      {flash && (
        <p class="notice" role="status">
          {flash}
        </p>
      )}
      {shipments.length === 0 && !adding && <Empty>{t('noShipments')}</Empty>}
      {shipments.map((s, n) => (
        <ShipmentCard key={s.id} s={s} n={shipments.length - n} refetch={refetch} />
      ))}
      {canAdd &&
        (adding ? (
          <ShipmentForm
            orderID={o.id}
            onDone={async () => {
              setAdding(false);
              setFlash(t('shipmentSaved'));
              await refetch();
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
              {t('addShipment')}
            </button>
          </div>
        ))}
    </Section>
  );
}

function shipmentName(s: Shipment, n: number): string {
  const parts = [s.carrier, s.trackingNo].filter(Boolean);
  return parts.length ? parts.join(' ') : t('shipment', { n });
}

function ShipmentCard({ s, n, refetch }: { s: Shipment; n: number; refetch: () => Promise<void> }) {
  const [mode, setMode] = useState<'' | 'tracking' | 'signoff'>('');
  const [flash, setFlash] = useState('');
  const events = (s.events.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  events.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const name = shipmentName(s, n);
  return (
    <div class="card" data-testid={`shipment-${s.id}`}>
      <h3>{name}</h3>
      <p style={{ margin: '0 0 8px', display: 'flex', flexWrap: 'wrap', gap: '4px' }}>
        <Badge tone={shipmentTone(s.status)}>{label('ShipmentStatus', s.status)}</Badge>
        <Badge tone={s.deliveryNoteSigned ? 'good' : 'warn'}>
          {t('kv', { k: t('signoff'), v: s.deliveryNoteSigned ? t('signed') : t('notSigned') })}
        </Badge>
      </p>
      <dl class="kv small">
        {s.carrier && (
          <>
            <dt>{t('carrier')}</dt>
            <dd>{s.carrier}</dd>
          </>
        )}
        {s.trackingNo && (
          <>
            <dt>{t('trackingNo')}</dt>
            <dd>{s.trackingNo}</dd>
          </>
        )}
        {s.shippedAt && (
          <>
            <dt>{t('shippedAt')}</dt>
            <dd>{formatDate(s.shippedAt)}</dd>
          </>
        )}
        {s.eta && !s.deliveredAt && (
          <>
            <dt>{t('eta')}</dt>
            <dd>{formatDate(s.eta)}</dd>
          </>
        )}
        {s.deliveredAt && (
          <>
            <dt>{t('deliveredAt')}</dt>
            <dd>{formatDate(s.deliveredAt, true)}</dd>
          </>
        )}
        {s.deliveryNoteSigned && s.signedBy && (
          <>
            <dt>{t('signoff')}</dt>
            <dd>{t('signedBy', { name: s.signedBy })}</dd>
          </>
        )}
      </dl>
      <p class="muted small" style={{ margin: '10px 0 4px', fontWeight: 600 }} id={`trk-${s.id}`}>
        {t('tracking')}
      </p>
      {events.length === 0 ? (
        <p class="muted small" style={{ margin: 0 }}>
          {t('noTracking')}
        </p>
      ) : (
        <ol class="list" aria-labelledby={`trk-${s.id}`}>
          {events.map((e) => (
            <li class="row" key={e.id} style={{ minHeight: '44px' }}>
              <span class="row-main">
                <span>{e.description}</span>
                <span class="row-sub">
                  {formatDate(e.at, true)}
                  {e.location ? ' · ' + e.location : ''}
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
      {flash && (
        <p class="notice" role="status">
          {flash}
        </p>
      )}
      {mode === 'tracking' ? (
        <TrackingForm
          s={s}
          onDone={async () => {
            setMode('');
            setFlash(t('trackingSaved'));
            await refetch();
          }}
          onCancel={() => setMode('')}
        />
      ) : mode === 'signoff' ? (
        <SignoffForm
          s={s}
          onDone={async (msg) => {
            setMode('');
            setFlash(msg);
            await refetch();
          }}
          onCancel={() => setMode('')}
        />
      ) : (
        <div class="btn-row">
          <button
            type="button"
            class="btn"
            aria-label={t('addTrackingTo', { name })}
            onClick={() => {
              setFlash('');
              setMode('tracking');
            }}
          >
            {t('addTracking')}
          </button>
          {!s.deliveryNoteSigned && (
            <button
              type="button"
              class="btn"
              aria-label={t('recordSignoffOf', { name })}
              onClick={() => {
                setFlash('');
                setMode('signoff');
              }}
            >
              {t('recordSignoff')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function ShipmentForm({ orderID, onDone, onCancel }: { orderID: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const [cmid] = useState(() => newId());
  const [carrier, setCarrier] = useState('');
  const [trackingNo, setTrackingNo] = useState('');
  const [status, setStatus] = useState<'PREPARING' | 'IN_TRANSIT'>('IN_TRANSIT');
  const [shipped, setShipped] = useState(localNow().slice(0, 10));
  const [eta, setEta] = useState('');
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const shippedAt = toIso(shipped);
    const etaAt = toIso(eta);
    if (shippedAt === false || etaAt === false) return setErr(t('badDate'));
    setErr('');
    setBusy(true);
    try {
      const input: VariablesOf<typeof CreateShipment>['input'] = { orderID, status };
      if (carrier.trim()) input.carrier = carrier.trim();
      if (trackingNo.trim()) input.trackingNo = trackingNo.trim();
      if (shippedAt) input.shippedAt = shippedAt;
      if (etaAt) input.eta = etaAt;
      await request(CreateShipment, { input, cmid });
      await onDone();
    } catch (x) {
      setErr(errorText(x, t('conflictReload')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="ship-form-h">
      <h3 id="ship-form-h">{t('newShipment')}</h3>
      <label class="field">
        <span>{t('carrier')}</span>
        <input type="text" value={carrier} onInput={(e) => setCarrier(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('trackingNo')}</span>
        <input type="text" value={trackingNo} autocapitalize="characters" onInput={(e) => setTrackingNo(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t('status')}</legend>
        <div class="chips">
          {(['PREPARING', 'IN_TRANSIT'] as const).map((s) => (
            <button type="button" key={s} class="chip" aria-pressed={status === s} onClick={() => setStatus(s)}>
              {label('ShipmentStatus', s)}
            </button>
          ))}
        </div>
      </fieldset>
      <label class="field">
        <span>{t('shippedAt')}</span>
        <input type="date" value={shipped} onInput={(e) => setShipped(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('eta')}</span>
        <input type="date" value={eta} onInput={(e) => setEta(e.currentTarget.value)} />
      </label>
      {err && (
        <p class="error" role="alert">
          {err}
        </p>
      )}
      <div class="btn-row">
        <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
          {busy ? tc('saving') : t('saveShipment')}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {tc('cancel')}
        </button>
      </div>
    </form>
  );
}

function TrackingForm({ s, onDone, onCancel }: { s: Shipment; onDone: () => Promise<void>; onCancel: () => void }) {
  const [cmid] = useState(() => newId());
  const [what, setWhat] = useState('');
  const [where, setWhere] = useState('');
  const [when, setWhen] = useState(localNow());
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (!what.trim()) return setErr(t('needWhat'));
    const at = toIso(when);
    if (at === false) return setErr(t('badDate'));
    setErr('');
    setBusy(true);
    try {
      await request(CreateTrackingEvent, {
        cmid,
        input: { shipmentID: s.id, description: what.trim(), location: where.trim() || null, at: at ?? null },
      });
      await onDone();
    } catch (x) {
      setErr(errorText(x, t('conflictReload')));
    } finally {
      setBusy(false);
    }
  }

  const fid = `trk-form-${s.id}`;
  return (
    <form onSubmit={submit} noValidate style={{ marginTop: '10px' }}>
      <label class="field">
        <span>{t('trackingWhat')}</span>
        <input
          type="text"
          value={what}
          required
          aria-invalid={!!err && !what.trim()}
          aria-describedby={err ? fid + '-err' : undefined}
          onInput={(e) => setWhat(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('location')}</span>
        <input type="text" value={where} onInput={(e) => setWhere(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('when')}</span>
        <input type="datetime-local" value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
      </label>
      {err && (
        <p class="error" role="alert" id={fid + '-err'}>
          {err}
        </p>
      )}
      <div class="btn-row">
        <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
          {busy ? tc('saving') : t('saveTracking')}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {tc('cancel')}
        </button>
      </div>
    </form>
  );
}

function SignoffForm({ s, onDone, onCancel }: { s: Shipment; onDone: (msg: string) => Promise<void>; onCancel: () => void }) {
  const [who, setWho] = useState(s.signedBy ?? '');
  const [when, setWhen] = useState(localNow());
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (!who.trim()) return setErr(t('needSigner'));
    const at = toIso(when);
    if (!at) return setErr(t('badDate'));
    setErr('');
    setBusy(true);
    try {
      await request(UpdateShipment, {
        id: s.id,
        input: { version: s.version, status: 'DELIVERED', deliveryNoteSigned: true, signedBy: who.trim(), deliveredAt: at },
      });
      await onDone(t('signoffSaved'));
    } catch (x) {
      if (x instanceof ApiError && x.code === 'CONFLICT') await onDone(t('conflictReload'));
      else setErr(errorText(x, t('conflictReload')));
    } finally {
      setBusy(false);
    }
  }

  const fid = `sign-form-${s.id}`;
  return (
    <form onSubmit={submit} noValidate style={{ marginTop: '10px' }}>
      <label class="field">
        <span>{t('signerName')}</span>
        <input
          type="text"
          value={who}
          required
          aria-invalid={!!err && !who.trim()}
          aria-describedby={err ? fid + '-err' : undefined}
          onInput={(e) => setWho(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('deliveredAt')}</span>
        <input type="datetime-local" value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
      </label>
      {err && (
        <p class="error" role="alert" id={fid + '-err'}>
          {err}
        </p>
      )}
      <div class="btn-row">
        <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
          {busy ? tc('saving') : t('saveSignoff')}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {tc('cancel')}
        </button>
      </div>
    </form>
  );
}

// Cancelling: only before shipping, with a reason, after an inline confirmation.

function Cancel({ o, locked, refetch }: { o: OrderNode; locked: boolean; refetch: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  if (done)
    return (
      <p class="notice" role="status">
        {t('cancelledOk')}
      </p>
    );
  if (o.shippedAt || o.status === 'CANCELLED' || o.status === 'CLOSED') return null;

  async function submit(e: Event) {
    e.preventDefault();
    if (!reason.trim()) return setErr(t('needReason'));
    setErr('');
    setBusy(true);
    try {
      await request(CancelOrder, { input: { id: o.id, reason: reason.trim(), version: o.version } });
      setOpen(false);
      setDone(true);
      await refetch();
    } catch (x) {
      setErr(errorText(x, t('conflictReload')));
      if (x instanceof ApiError && x.code === 'CONFLICT') await refetch();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('cancelTitle')} id="cancel">
      <p class="muted small" id="cancel-hint">
        {t('cancelHint')}
      </p>
      {open ? (
        <form class="card" onSubmit={submit} noValidate>
          <label class="field">
            <span>{t('cancelReasonLabel')}</span>
            <textarea
              value={reason}
              rows={3}
              required
              aria-invalid={!!err}
              aria-describedby={err ? 'cancel-err' : 'cancel-hint'}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </label>
          {err && (
            <p class="error" role="alert" id="cancel-err">
              {err}
            </p>
          )}
          <div class="btn-row">
            <button type="submit" class="btn danger" disabled={busy} aria-busy={busy}>
              {t('confirmCancel', { number: o.number })}
            </button>
            <button type="button" class="btn" onClick={() => setOpen(false)}>
              {t('keepOrder')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <div class="btn-row">
            <button
              type="button"
              class="btn danger"
              disabled={locked}
              aria-expanded={false}
              aria-describedby={locked ? 'cancel-locked' : 'cancel-hint'}
              onClick={() => {
                setErr('');
                setOpen(true);
              }}
            >
              {t('cancel')}
            </button>
          </div>
          {locked && (
            <p class="muted small" id="cancel-locked">
              {t('cancelLocked')}
            </p>
          )}
        </>
      )}
    </Section>
  );
}
