// The account's tab strip and three of its tabs: the timeline (everything that
// happened, newest first), the documents the customer gets, and the customer's profile
// (客户档案), read-only with an edit mode for the text fields.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { graphql, type ResultOf, type VariablesOf } from '../graphql';
import { ApiError, OfflineError, online, request } from '../lib/api';
import { formatDate, formatNumber, lang, messages, relativeDay } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Badge, Empty, ErrorBox, Query, Section } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import { Header } from '../ui/Layout';
import { LoadMore, useMore } from '../ui/LoadMore';
import { MapLinks } from '../ui/MapLinks';
import { countMedia } from './mediaLogic';
import { countText } from './media.i18n';

const t = messages(
  'accountTabs',
  {
    tabsNav: 'Account sections',
    overview: 'Overview',
    timeline: 'Timeline',
    samples: 'Samples',
    orders: 'Orders',
    problems: 'Problems',
    documents: 'Documents',
    profile: 'Profile',
    report: 'Report',
    // timeline
    timelineEmpty: 'Nothing has happened on this account yet.',
    nextStep: 'Next: {text}',
    // documents
    forCustomer: 'Made for this customer',
    forProducts: 'For the products they use',
    serviceLevel: 'Documents they receive (service level)',
    serviceLevelEmpty: 'No service level recorded: which documents this customer gets is not set.',
    since: 'since {date}',
    ended: 'ended {date}',
    noneOnFile: 'none on file',
    onFile: '{n} on file',
    docsEmpty: 'No documents for this customer or the products they use.',
    version: 'version {v}',
    validUntil: 'valid until {date}',
    expired: 'expired',
    expiresSoon: 'expires soon',
    batch: 'batch {b}',
    download: 'Download',
    downloadNamed: 'Download {title}',
    noFile: 'no file',
    needsNetwork: 'Downloads need the network.',
    // profile
    basics: 'Basics',
    ratings: 'Ratings (1–5)',
    history: 'History and character',
    status: 'How they are doing',
    industry: 'Industry',
    region: 'Region',
    shortName: 'Short name',
    address: 'Address',
    phone: 'Phone',
    website: 'Website',
    leadSource: 'Lead source',
    leadSourceDetail: 'Lead source detail',
    industryStatus: 'Industry status',
    scale: 'Scale',
    technicalLevel: 'Technical level',
    credit: 'Credit',
    demand: 'Demand for our products',
    easeOfClosing: 'Ease of closing',
    founderHistory: 'Founder: history and character',
    shareholders: 'Shareholders',
    decisionMechanism: 'Decision mechanism',
    culture: 'Company culture',
    peopleStatus: 'People',
    businessStatus: 'Business',
    technologyStatus: 'Technology',
    managementStatus: 'Management',
    notes: 'Notes',
    notRated: 'not rated',
    rating: '{v} of 5',
    notSet: 'not set',
    edit: 'Edit profile',
    saveProfile: 'Save profile',
    cancelEdit: 'Cancel editing',
    saved: 'Profile saved.',
    unchanged: 'Nothing changed.',
    offlineEdit: 'Saving the profile needs the network. Your text stays here; try again when online.',
    editOffline: 'Editing the profile needs the network.',
    conflictTitle: 'Someone else changed this profile',
    conflictBody: 'While you were editing, the profile was saved by someone else. Compare the values below.',
    theirs: 'Saved now',
    yours: 'Yours',
    reload: 'Reload their version (discard my edits)',
    keepMine: 'Keep my edits on top of theirs',
    notChangedByMe: 'not changed by you (theirs is kept)',
    conflictLoadFailed: 'Could not load their version: {message}',
    call: 'Call {phone}',
    notFound: 'This account does not exist or you may not see it.',
    lastChanged: 'Last changed {when}',
  },
  {
    tabsNav: '客户栏目',
    overview: '概况',
    timeline: '动态',
    samples: '样品',
    orders: '订单',
    problems: '问题',
    documents: '资料',
    profile: '档案',
    report: '客户报告',
    timelineEmpty: '该客户暂无任何动态。',
    nextStep: '下一步：{text}',
    forCustomer: '专为该客户出具',
    forProducts: '客户所用产品的资料',
    serviceLevel: '客户获得的资料（服务水平）',
    serviceLevelEmpty: '未记录服务水平：尚未设定该客户应获得哪些资料。',
    since: '自 {date}',
    ended: '{date} 停止',
    noneOnFile: '暂无此类资料',
    onFile: '已有 {n} 份',
    docsEmpty: '没有该客户或其所用产品的资料。',
    version: '版本 {v}',
    validUntil: '有效期至 {date}',
    expired: '已过期',
    expiresSoon: '即将过期',
    batch: '批号 {b}',
    download: '下载',
    downloadNamed: '下载 {title}',
    noFile: '无文件',
    needsNetwork: '下载需要联网。',
    basics: '基本信息',
    ratings: '评分（1–5）',
    history: '发展史与品行（客户档案）',
    status: '客户状况',
    industry: '行业',
    region: '地区',
    shortName: '简称',
    address: '地址',
    phone: '电话',
    website: '网站',
    leadSource: '信息来源',
    leadSourceDetail: '来源详情',
    industryStatus: '行业状况',
    scale: '规模',
    technicalLevel: '技术水平',
    credit: '资信',
    demand: '对我们产品的需求度',
    easeOfClosing: '成交难易',
    founderHistory: '企业负责人的发展史与品行',
    shareholders: '股东结构',
    decisionMechanism: '决策机制',
    culture: '企业文化',
    peopleStatus: '人员状况',
    businessStatus: '生意状况',
    technologyStatus: '技术状况',
    managementStatus: '管理状况',
    notes: '备注',
    notRated: '未评分',
    rating: '{v} / 5',
    notSet: '未填写',
    edit: '编辑档案',
    saveProfile: '保存档案',
    cancelEdit: '取消编辑',
    saved: '档案已保存。',
    unchanged: '没有修改。',
    offlineEdit: '保存档案需要联网。你填写的内容仍保留在此，联网后再试。',
    editOffline: '编辑档案需要联网。',
    conflictTitle: '档案已被他人修改',
    conflictBody: '你编辑期间，其他人保存了这个档案。请对比下面的内容。',
    theirs: '现在保存的',
    yours: '你填写的',
    reload: '重新加载他人的版本（放弃我的修改）',
    keepMine: '在他人版本上保留我的修改',
    notChangedByMe: '你未修改（保留他人的内容）',
    conflictLoadFailed: '无法加载最新版本：{message}',
    call: '拨打 {phone}',
    notFound: '该客户不存在或你无权查看。',
    lastChanged: '最后修改：{when}',
  },
);

// ---------------------------------------------------------------------------
// The tab strip

export type AccountTab = 'overview' | 'timeline' | 'samples' | 'orders' | 'problems' | 'documents' | 'profile' | 'report';

const TABS: { key: AccountTab; path: string }[] = [
  { key: 'overview', path: '' },
  { key: 'timeline', path: '/timeline' },
  { key: 'samples', path: '/samples' },
  { key: 'orders', path: '/orders' },
  { key: 'problems', path: '/problems' },
  { key: 'documents', path: '/documents' },
  { key: 'profile', path: '/profile' },
  { key: 'report', path: '/report' },
];

/** The account's sections, as a row of links; the current one is marked. */
export function AccountTabStrip({ id, current }: { id: string; current?: AccountTab | string }) {
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    // Bring the current tab into view (the strip scrolls sideways on a phone).
    const n = nav.current;
    const a = n?.querySelector<HTMLElement>('[aria-current="page"]');
    if (n && a) n.scrollLeft = Math.max(0, a.offsetLeft - n.offsetLeft - (n.clientWidth - a.offsetWidth) / 2);
  }, [current]);
  return (
    <nav class="tabs" aria-label={t('tabsNav')} ref={nav}>
      {TABS.map((tab) => (
        <a key={tab.key} href={`/customers/${encodeURIComponent(id)}${tab.path}`} aria-current={current === tab.key ? 'page' : undefined}>
          {t(tab.key)}
        </a>
      ))}
    </nav>
  );
}

/** The account's name from a query that asked for `node(id) { ... on Customer { name } }`. */
export function accountName(data: { node?: unknown } | undefined): string {
  const n = data?.node as { name?: string } | null | undefined;
  return n?.name ?? '';
}

function Frame({ id, tab, name, children }: { id: string; tab: AccountTab; name: string; children: ComponentChildren }) {
  return (
    <>
      <Header title={name ? `${name} · ${t(tab)}` : t(tab)} back={`/customers/${id}`} />
      <main class="content">
        <AccountTabStrip id={id} current={tab} />
        {children}
      </main>
    </>
  );
}

// ---------------------------------------------------------------------------
// Timeline

export const TimelineQuery = graphql(`
  query AccountTimeline($id: ID!, $first: Int!, $after: String) {
    node(id: $id) { id ... on Customer { name } }
    timeline(customerID: $id, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          kind at title
          node {
            __typename id
            ... on Interaction { summary findings nextStep author { name } media { kind } }
            ... on StageChange { reason }
            ... on SampleEvent { sampleID note }
            ... on Trial { sampleID results }
            ... on Order { orderStatus: status }
            ... on OrderEvent { orderID note }
            ... on Shipment { orderID trackingNo }
            ... on Issue { issueStatus: status }
            ... on Document { downloadURL }
            ... on ChangeNoticeAck { note }
            ... on Assistance { outcome }
            ... on MarketInfoShare { note }
            ... on Quotation { number }
            ... on Project { projectStatus: status }
            ... on ProjectMilestone { projectID }
          }
        }
      }
    }
  }
`);

type TimelineNode = ResultOf<typeof TimelineQuery>['timeline']['edges'][number]['node'];

const PAGE = 20;

/** Where an entry's record opens in the app (or its file), if anywhere. */
function entryHref(n: TimelineNode['node']): { href: string; external?: boolean } | null {
  switch (n.__typename) {
    case 'SampleEvent':
    case 'Trial':
      return { href: `/samples/${n.sampleID}` };
    case 'Order':
      return { href: `/orders/${n.id}` };
    case 'OrderEvent':
    case 'Shipment':
      return { href: `/orders/${n.orderID}` };
    case 'Issue':
      return { href: `/problems/${n.id}` };
    case 'Quotation':
      return { href: `/quotations/${n.id}` };
    case 'Project':
      return { href: `/projects/${n.id}` };
    case 'ProjectMilestone':
      return { href: `/projects/${n.projectID}` };
    case 'Document':
      return n.downloadURL ? { href: n.downloadURL, external: true } : null;
  }
  return null;
}

function entrySummary(n: TimelineNode['node']): string {
  switch (n.__typename) {
    case 'Interaction':
      return [n.author?.name, n.nextStep ? t('nextStep', { text: n.nextStep }) : '', countText(countMedia(n.media))].filter(Boolean).join(' · ');
    case 'StageChange':
      return n.reason ?? '';
    case 'SampleEvent':
    case 'OrderEvent':
    case 'ChangeNoticeAck':
    case 'MarketInfoShare':
      return n.note ?? '';
    case 'Trial':
      return n.results ?? '';
    case 'Order':
      return label('OrderStatus', n.orderStatus);
    case 'Shipment':
      return n.trackingNo ?? '';
    case 'Issue':
      return label('IssueStatus', n.issueStatus);
    case 'Project':
      return label('ProjectStatus', n.projectStatus);
    case 'Assistance':
      return n.outcome ?? '';
  }
  return '';
}

/** "2025年11月" / "November 2025": the heading of a month in the timeline. */
function monthOf(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleDateString(lang.get() === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'long' });
}

export function Timeline({ id }: { id: string }) {
  const vars = { id, first: PAGE, after: null as string | null };
  const q = useQuery(TimelineQuery, vars);
  const more = useMore(TimelineQuery, vars, q, (d) => ({
    items: d.timeline.edges,
    hasNext: d.timeline.pageInfo.hasNextPage,
    end: d.timeline.pageInfo.endCursor,
  }));
  const stale = !!q.staleSince;
  // Entries are newest first: consecutive entries of one month form a group.
  const groups: { month: string; items: typeof more.items }[] = [];
  for (const e of more.items) {
    const m = monthOf(e.node.at);
    if (groups.length && groups[groups.length - 1].month === m) groups[groups.length - 1].items.push(e);
    else groups.push({ month: m, items: [e] });
  }
  return (
    <Frame id={id} tab="timeline" name={accountName(q.data)}>
      <Query q={q}>
        {() =>
          more.items.length === 0 ? (
            <Empty>{t('timelineEmpty')}</Empty>
          ) : (
            <>
              {groups.map((g, gi) => (
                <Section key={g.month} title={g.month} id={`m${gi}`}>
                  <ul class="list">
                    {g.items.map((e) => {
                      const n = e.node;
                      const link = entryHref(n.node);
                      const summary = entrySummary(n.node);
                      const body = (
                        <>
                          <span class="row-main">
                            <span class="small">
                              <Badge tone={n.kind === 'ISSUE' ? 'warn' : n.kind === 'STAGE_CHANGE' ? 'good' : 'info'}>
                                {label('TimelineKind', n.kind)}
                              </Badge>{' '}
                              <time class="muted" dateTime={n.at}>
                                {formatDate(n.at, true)}
                              </time>
                            </span>
                            <span class="row-title">{n.title}</span>
                            {summary && <span class="row-sub">{summary}</span>}
                          </span>
                          {link && (
                            <span class="row-side" aria-hidden="true">
                              ›
                            </span>
                          )}
                        </>
                      );
                      return (
                        <li key={e.cursor}>
                          {link && !(link.external && stale) ? (
                            <a
                              class="row"
                              href={link.href}
                              target={link.external ? '_blank' : undefined}
                              rel={link.external ? 'noopener' : undefined}
                            >
                              {body}
                            </a>
                          ) : (
                            <div class="row">{body}</div>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </Section>
              ))}
              <LoadMore more={more} />
            </>
          )
        }
      </Query>
    </Frame>
  );
}

// ---------------------------------------------------------------------------
// Documents

const DocFields = graphql(`
  fragment AccountDocFields on Document @_unmask {
    id type title docVersion language batchNo validUntil publishedAt fileName sizeBytes customerID downloadURL
    product { id code name }
  }
`);

/**
 * Documents made for the customer, and the current versions of the documents of the
 * products they were sampled or bought (COAs apart: those come per delivered batch).
 */
export const DocumentsQuery = graphql(
  `
  query AccountDocuments($id: ID!) {
    node(id: $id) {
      id
      ... on Customer {
        name
        serviceDocuments(first: 50, orderBy: { field: SINCE, direction: ASC }) {
          edges { node { id type since until note } }
        }
      }
    }
    orders(first: 100, where: { customerID: $id }, orderBy: { field: ORDERED_AT, direction: DESC }) {
      edges { node { id lines(first: 50) { edges { node { id batchNo } } } } }
    }
    documents(
      first: 100
      orderBy: { field: UPDATED_AT, direction: DESC }
      where: {
        hasSupersededBy: false
        or: [
          { customerID: $id }
          {
            customerIDIsNil: true
            typeNEQ: COA
            hasProductWith: [{ or: [{ hasSamplesWith: [{ customerID: $id }] }, { hasOrderLinesWith: [{ customerID: $id }] }] }]
          }
        ]
      }
    ) {
      edges { node { ...AccountDocFields } }
    }
  }
`,
  [DocFields],
);

/** The certificates of analysis (COA) of the batches delivered to the customer. */
export const BatchCOAQuery = graphql(
  `
  query AccountBatchCOAs($id: ID!, $batches: [String!]!) {
    documents(
      first: 100
      orderBy: { field: UPDATED_AT, direction: DESC }
      where: { type: COA, batchNoIn: $batches, hasSupersededBy: false, or: [{ customerIDIsNil: true }, { customerID: $id }] }
    ) {
      edges { node { ...AccountDocFields } }
    }
  }
`,
  [DocFields],
);

type Doc = ResultOf<typeof DocFields>;

const SOON = 30 * 86400_000;

function sizeText(n: number | null | undefined): string {
  if (n == null) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${formatNumber(n / 1024, 0)} KB`;
  return `${formatNumber(n / 1024 / 1024, 1)} MB`;
}

function DocRow({ d, canDownload }: { d: Doc; canDownload: boolean }) {
  const until = d.validUntil ? Date.parse(d.validUntil) : NaN;
  const now = Date.now();
  const sub = [
    label('DocumentType', d.type),
    t('version', { v: d.docVersion }),
    d.language.toUpperCase(),
    d.product ? `${d.product.code} ${d.product.name}` : '',
    d.batchNo ? t('batch', { b: d.batchNo }) : '',
    d.validUntil ? t('validUntil', { date: formatDate(d.validUntil) }) : '',
    d.downloadURL ? sizeText(d.sizeBytes) : '',
  ].filter(Boolean);
  return (
    <li class="row">
      <span class="row-main">
        <span class="row-title">{d.title}</span>
        <span class="row-sub">{sub.join(' · ')}</span>
        {!isNaN(until) && until < now && (
          <span>
            <Badge tone="bad">{t('expired')}</Badge>
          </span>
        )}
        {!isNaN(until) && until >= now && until - now < SOON && (
          <span>
            <Badge tone="warn">{t('expiresSoon')}</Badge>
          </span>
        )}
      </span>
      {d.downloadURL && canDownload ? (
        <a class="btn" href={d.downloadURL} target="_blank" rel="noopener" aria-label={t('downloadNamed', { title: d.title })}>
          {t('download')}
        </a>
      ) : (
        <span class="row-side">{d.downloadURL ? '' : t('noFile')}</span>
      )}
    </li>
  );
}

export function Documents({ id }: { id: string }) {
  const q = useQuery(DocumentsQuery, { id });
  const batches = Array.from(
    new Set(
      (q.data?.orders.edges ?? []).flatMap((o) => (o?.node?.lines.edges ?? []).flatMap((l) => (l?.node?.batchNo ? [l.node.batchNo] : []))),
    ),
  ).sort();
  const coa = useQuery(BatchCOAQuery, { id, batches }, { skip: q.data === undefined || batches.length === 0 });
  const on = useStore(online);
  return (
    <Frame id={id} tab="documents" name={accountName(q.data)}>
      <Query q={q}>
        {(d) => {
          const seen = new Set<string>();
          const docs: Doc[] = [];
          for (const e of [...(d.documents.edges ?? []), ...(coa.data?.documents.edges ?? [])]) {
            if (e?.node && !seen.has(e.node.id)) {
              seen.add(e.node.id);
              docs.push(e.node);
            }
          }
          const own = docs.filter((x) => x.customerID === id);
          const general = docs.filter((x) => x.customerID !== id);
          const byType = (a: Doc, b: Doc) => a.type.localeCompare(b.type) || a.title.localeCompare(b.title);
          own.sort(byType);
          general.sort(byType);
          const customer = d.node && 'serviceDocuments' in d.node ? d.node : null;
          const levels = (customer?.serviceDocuments.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
          const current = levels.filter((s) => !s.until);
          const past = levels.filter((s) => s.until);
          const canDownload = on && !q.staleSince && !coa.staleSince;
          return (
            <>
              {!canDownload && docs.some((x) => x.downloadURL) && (
                <p class="stale" role="status">
                  {t('needsNetwork')}
                </p>
              )}
              <Section title={t('serviceLevel')} count={current.length} id="svc">
                {levels.length === 0 ? (
                  <Empty>{t('serviceLevelEmpty')}</Empty>
                ) : (
                  <ul class="list">
                    {current.concat(past).map((s) => {
                      const n = docs.filter((x) => x.type === s.type).length;
                      return (
                        <li class="row" key={s.id}>
                          <span class="row-main">
                            <span class="row-title">{label('DocumentType', s.type)}</span>
                            <span class="row-sub">
                              {s.until
                                ? `${t('since', { date: formatDate(s.since) })} · ${t('ended', { date: formatDate(s.until) })}`
                                : t('since', { date: formatDate(s.since) })}
                              {s.note ? ` · ${s.note}` : ''}
                            </span>
                          </span>
                          {!s.until && (
                            <span class="row-side">
                              {n ? <Badge tone="good">{t('onFile', { n })}</Badge> : <Badge tone="warn">{t('noneOnFile')}</Badge>}
                            </span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </Section>
              {coa.error && !coa.data && <ErrorBox error={coa.error} onRetry={() => void coa.refetch()} />}
              {docs.length === 0 && <Empty>{t('docsEmpty')}</Empty>}
              {own.length > 0 && (
                <Section title={t('forCustomer')} count={own.length} id="own">
                  <ul class="list">
                    {own.map((x) => (
                      <DocRow key={x.id} d={x} canDownload={canDownload} />
                    ))}
                  </ul>
                </Section>
              )}
              {general.length > 0 && (
                <Section title={t('forProducts')} count={general.length} id="gen">
                  <ul class="list">
                    {general.map((x) => (
                      <DocRow key={x.id} d={x} canDownload={canDownload} />
                    ))}
                  </ul>
                </Section>
              )}
            </>
          );
        }}
      </Query>
    </Frame>
  );
}

// ---------------------------------------------------------------------------
// Profile

export const ProfileQuery = graphql(`
  query AccountProfile($id: ID!) {
    node(id: $id) {
      id
      ... on Customer {
        name nameEn shortName version updatedAt
        industry region address phone website leadSource leadSourceDetail latitude longitude
        scale technicalLevel credit demand easeOfClosing
        industryStatus founderHistory shareholders decisionMechanism culture
        peopleStatus businessStatus technologyStatus managementStatus notes
      }
    }
  }
`);

export const UpdateProfile = graphql(`
  mutation UpdateCustomerProfile($id: ID!, $input: UpdateCustomerInput!) {
    updateCustomer(id: $id, input: $input) {
      id name nameEn shortName version updatedAt
      industry region address phone website leadSource leadSourceDetail
      scale technicalLevel credit demand easeOfClosing
      industryStatus founderHistory shareholders decisionMechanism culture
      peopleStatus businessStatus technologyStatus managementStatus notes
    }
  }
`);

type ProfileData = ResultOf<typeof ProfileQuery>['node'];
type Profile = Extract<NonNullable<ProfileData>, { name: string }>;

/** The text fields the rep may edit here, in display order, with the clear-flag of each. */
const TEXT_FIELDS = [
  'shortName',
  'industry',
  'region',
  'address',
  'phone',
  'website',
  'leadSourceDetail',
  'founderHistory',
  'shareholders',
  'decisionMechanism',
  'culture',
  'peopleStatus',
  'businessStatus',
  'technologyStatus',
  'managementStatus',
  'notes',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type Editable = TextField | 'industryStatus';
const EDITABLE: readonly Editable[] = [...TEXT_FIELDS, 'industryStatus'];
const LONG: readonly TextField[] = [
  'address',
  'founderHistory',
  'shareholders',
  'decisionMechanism',
  'culture',
  'peopleStatus',
  'businessStatus',
  'technologyStatus',
  'managementStatus',
  'notes',
];
const INDUSTRY_STATUS = ['EMERGING', 'MATURE', 'SUNSET'] as const;

type Draft = Record<Editable, string>;

function draftOf(p: Profile): Draft {
  const d = {} as Draft;
  for (const f of EDITABLE) d[f] = (p[f] as string | null | undefined) ?? '';
  return d;
}

function clearKey(f: Editable): string {
  return 'clear' + f[0].toUpperCase() + f.slice(1);
}

/** The update input for what changed between base and draft (empty text clears the field). */
function diffInput(base: Draft, draft: Draft, version: number): Record<string, unknown> | null {
  const input: Record<string, unknown> = { version };
  let changed = false;
  for (const f of EDITABLE) {
    const a = base[f].trim();
    const b = draft[f].trim();
    if (a === b) continue;
    changed = true;
    if (b === '') input[clearKey(f)] = true;
    else input[f] = b;
  }
  return changed ? input : null;
}

function fieldText(f: Editable, v: string): string {
  if (!v.trim()) return t('notSet');
  return f === 'industryStatus' ? label('CustomerIndustryStatus', v) : v;
}

/** A link alone in a value cell: tall enough for a thumb. */
export const tapLink = { display: 'inline-flex', alignItems: 'center', minHeight: '44px', overflowWrap: 'anywhere' } as const;

const KV_LAYOUT = {
  // label beside value, the label column kept narrow
  pairs: { gridTemplateColumns: 'minmax(0, 38%) minmax(0, 1fr)' },
  // short values (ratings) at the right
  ratings: { gridTemplateColumns: 'minmax(0, 1fr) auto' },
  // long texts under their label
  stacked: { gridTemplateColumns: 'minmax(0, 1fr)' },
};

function Kv({ rows, layout = 'pairs' }: { rows: [string, ComponentChildren][]; layout?: keyof typeof KV_LAYOUT }) {
  const stacked = layout === 'stacked';
  return (
    <dl class="kv" style={KV_LAYOUT[layout]}>
      {rows.flatMap(([k, v]) => [
        <dt key={k + ':k'} style={stacked ? { fontWeight: 600 } : undefined}>
          {k}
        </dt>,
        <dd key={k + ':v'} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: stacked ? '8px' : undefined }}>
          {v === '' || v == null ? <span class="muted">{t('notSet')}</span> : v}
        </dd>,
      ])}
    </dl>
  );
}

function rating(v: number | null | undefined): ComponentChildren {
  if (v == null) return <span class="muted">{t('notRated')}</span>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <span aria-hidden="true">{'●'.repeat(v) + '○'.repeat(Math.max(0, 5 - v))}</span> {t('rating', { v })}
    </span>
  );
}

interface Conflict {
  theirs: Profile;
  /** What the rep started from. */
  base: Draft;
  /** Fields someone changed (they or the rep) where the saved value differs from the rep's. */
  fields: Editable[];
}

function ProfileView({ p }: { p: Profile }) {
  const site = p.website ? (/^https?:\/\//i.test(p.website) ? p.website : 'https://' + p.website) : '';
  return (
    <>
      <Section title={t('basics')} id="basics">
        <div class="card">
          <Kv
            rows={[
              [t('shortName'), p.shortName ?? ''],
              [t('industry'), p.industry ?? ''],
              [t('industryStatus'), p.industryStatus ? label('CustomerIndustryStatus', p.industryStatus) : ''],
              [t('region'), p.region ?? ''],
              [
                t('address'),
                p.address || p.latitude != null ? (
                  <>
                    {p.address ?? ''}
                    <MapLinks place={p} />
                  </>
                ) : (
                  ''
                ),
              ],
              [
                t('phone'),
                p.phone ? (
                  <a href={`tel:${p.phone.replace(/\s+/g, '')}`} aria-label={t('call', { phone: p.phone })} style={tapLink}>
                    {p.phone}
                  </a>
                ) : (
                  ''
                ),
              ],
              [
                t('website'),
                site ? (
                  <a href={site} target="_blank" rel="noopener noreferrer" style={tapLink}>
                    {p.website}
                  </a>
                ) : (
                  ''
                ),
              ],
              [t('leadSource'), label('CustomerLeadSource', p.leadSource)],
              [t('leadSourceDetail'), p.leadSourceDetail ?? ''],
            ]}
          />
        </div>
      </Section>
      <Section title={t('ratings')} id="ratings">
        <div class="card">
          <Kv
            layout="ratings"
            rows={[
              [t('scale'), rating(p.scale)],
              [t('technicalLevel'), rating(p.technicalLevel)],
              [t('credit'), rating(p.credit)],
              [t('demand'), rating(p.demand)],
              [t('easeOfClosing'), rating(p.easeOfClosing)],
            ]}
          />
        </div>
      </Section>
      <Section title={t('history')} id="history">
        <div class="card">
          <Kv
            layout="stacked"
            rows={[
              [t('founderHistory'), p.founderHistory ?? ''],
              [t('shareholders'), p.shareholders ?? ''],
              [t('decisionMechanism'), p.decisionMechanism ?? ''],
              [t('culture'), p.culture ?? ''],
            ]}
          />
        </div>
      </Section>
      <Section title={t('status')} id="status">
        <div class="card">
          <Kv
            layout="stacked"
            rows={[
              [t('peopleStatus'), p.peopleStatus ?? ''],
              [t('businessStatus'), p.businessStatus ?? ''],
              [t('technologyStatus'), p.technologyStatus ?? ''],
              [t('managementStatus'), p.managementStatus ?? ''],
              [t('notes'), p.notes ?? ''],
            ]}
          />
        </div>
      </Section>
    </>
  );
}

function ProfileEdit({
  draft,
  setDraft,
  busy,
  onSave,
  onCancel,
}: {
  draft: Draft;
  setDraft: (d: Draft) => void;
  busy: boolean;
  onSave: () => void;
  onCancel: () => void;
}) {
  const groups: [string, readonly Editable[]][] = [
    [t('basics'), ['shortName', 'industry', 'industryStatus', 'region', 'address', 'phone', 'website', 'leadSourceDetail']],
    [t('history'), ['founderHistory', 'shareholders', 'decisionMechanism', 'culture']],
    [t('status'), ['peopleStatus', 'businessStatus', 'technologyStatus', 'managementStatus', 'notes']],
  ];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      noValidate
    >
      {groups.map(([title, fields], gi) => (
        <section class="section" key={title} aria-labelledby={`edit-g${gi}`}>
          <h2 id={`edit-g${gi}`}>{title}</h2>
          {fields.map((f) =>
            f === 'industryStatus' ? (
              <fieldset key={f}>
                <legend>{t('industryStatus')}</legend>
                <div class="chips">
                  {INDUSTRY_STATUS.map((s) => (
                    <button
                      type="button"
                      class="chip"
                      key={s}
                      aria-pressed={draft.industryStatus === s}
                      onClick={() => setDraft({ ...draft, industryStatus: draft.industryStatus === s ? '' : s })}
                    >
                      {label('CustomerIndustryStatus', s)}
                    </button>
                  ))}
                </div>
              </fieldset>
            ) : (
              <label class="field" key={f}>
                <span>{t(f)}</span>
                {(LONG as readonly string[]).includes(f) ? (
                  <textarea name={f} value={draft[f]} rows={3} onInput={(e) => setDraft({ ...draft, [f]: e.currentTarget.value })} />
                ) : (
                  <input
                    name={f}
                    type={f === 'phone' ? 'tel' : f === 'website' ? 'url' : 'text'}
                    inputMode={f === 'phone' ? 'tel' : f === 'website' ? 'url' : undefined}
                    autocomplete="off"
                    value={draft[f]}
                    onInput={(e) => setDraft({ ...draft, [f]: e.currentTarget.value })}
                  />
                )}
              </label>
            ),
          )}
        </section>
      ))}
      <div class="btn-row">
        <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
          {busy ? tc('saving') : t('saveProfile')}
        </button>
        <button type="button" class="btn" onClick={onCancel} disabled={busy}>
          {t('cancelEdit')}
        </button>
      </div>
    </form>
  );
}

export function Profile({ id }: { id: string }) {
  const q = useQuery(ProfileQuery, { id });
  const on = useStore(online);
  const [editing, setEditing] = useState(false);
  const [base, setBase] = useState<{ draft: Draft; version: number } | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ tone: 'notice' | 'error'; text: string } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saved, setSaved] = useState<Profile | null>(null);
  const top = useRef<HTMLDivElement>(null);
  // A new message or conflict is shown at the top: bring it into view and focus it.
  useEffect(() => {
    if (!msg && !conflict) return;
    const el = top.current;
    if (!el) return;
    el.scrollIntoView?.({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [msg, conflict]);

  const fromQuery = q.data?.node && 'name' in q.data.node ? (q.data.node as Profile) : null;
  // What was last saved here wins over an older query answer.
  const p = saved && fromQuery && saved.version >= fromQuery.version ? saved : fromQuery;

  function startEdit() {
    if (!p) return;
    const d = draftOf(p);
    setBase({ draft: d, version: p.version });
    setDraft(d);
    setEditing(true);
    setMsg(null);
    setConflict(null);
  }

  async function save() {
    if (!base || !draft) return;
    const input = diffInput(base.draft, draft, base.version);
    if (!input) {
      setEditing(false);
      setMsg({ tone: 'notice', text: t('unchanged') });
      return;
    }
    setBusy(true);
    setMsg(null);
    try {
      const res = await request(UpdateProfile, { id, input: input as VariablesOf<typeof UpdateProfile>['input'] });
      setSaved(res.updateCustomer as Profile);
      setEditing(false);
      setConflict(null);
      setMsg({ tone: 'notice', text: t('saved') });
      void q.refetch();
    } catch (e) {
      if (e instanceof OfflineError) setMsg({ tone: 'error', text: t('offlineEdit') });
      else if (e instanceof ApiError && e.code === 'CONFLICT') {
        try {
          const d = await request(ProfileQuery, { id });
          const theirs = d.node && 'name' in d.node ? (d.node as Profile) : null;
          if (theirs) {
            // The fields where what is saved now differs from what the rep has.
            const now = draftOf(theirs);
            setConflict({ theirs, base: base.draft, fields: EDITABLE.filter((f) => now[f].trim() !== draft[f].trim()) });
          }
        } catch (e2) {
          setMsg({ tone: 'error', text: t('conflictLoadFailed', { message: (e2 as Error).message }) });
        }
      } else if (e instanceof ApiError) {
        setMsg({ tone: 'error', text: `${e.message} (${e.code})` });
      } else setMsg({ tone: 'error', text: String((e as Error)?.message ?? e) });
    } finally {
      setBusy(false);
    }
  }

  function reloadTheirs() {
    if (!conflict) return;
    setSaved(conflict.theirs);
    setConflict(null);
    setEditing(false);
    setBase(null);
    setDraft(null);
    void q.refetch();
  }

  function keepMine() {
    if (!conflict || !draft) return;
    // Their version becomes the base; the fields I changed keep my text, the others take
    // theirs, so saving again sends only my changes on top of their version.
    const now = draftOf(conflict.theirs);
    const merged = { ...now };
    for (const f of EDITABLE) if (draft[f].trim() !== conflict.base[f].trim()) merged[f] = draft[f];
    setBase({ draft: now, version: conflict.theirs.version });
    setDraft(merged);
    setSaved(conflict.theirs);
    setConflict(null);
  }

  return (
    <Frame id={id} tab="profile" name={accountName(q.data)}>
      <div ref={top} tabIndex={-1} style={{ outline: 'none', scrollMarginTop: '64px' }}>
        {msg && (
          <p class={msg.tone} role={msg.tone === 'error' ? 'alert' : 'status'}>
            {msg.text}
          </p>
        )}
        {conflict && draft && (
          <div class="error" role="alert">
            <h2 style={{ fontSize: '1.125rem', marginBottom: '4px' }}>{t('conflictTitle')}</h2>
            <p>{t('conflictBody')}</p>
            {conflict.fields.map((f) => (
              <div key={f} class="card" style={{ color: 'var(--ink)', margin: '8px 0' }}>
                <h3>{t(f)}</h3>
                <dl class="kv" style={KV_LAYOUT.pairs}>
                  <dt>{t('theirs')}</dt>
                  <dd style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {fieldText(f, (conflict.theirs[f] as string | null) ?? '')}
                  </dd>
                  <dt>{t('yours')}</dt>
                  <dd style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {draft[f].trim() === conflict.base[f].trim() ? <em>{t('notChangedByMe')}</em> : fieldText(f, draft[f])}
                  </dd>
                </dl>
              </div>
            ))}
            <div class="btn-row">
              <button type="button" class="btn" onClick={reloadTheirs}>
                {t('reload')}
              </button>
              <button type="button" class="btn primary" onClick={keepMine}>
                {t('keepMine')}
              </button>
            </div>
          </div>
        )}
      </div>
      <Query q={q}>
        {() =>
          !p ? (
            <ErrorBox error={new ApiError(t('notFound'), 'NOT_FOUND')} />
          ) : editing && draft && base ? (
            <ProfileEdit
              draft={draft}
              setDraft={setDraft}
              busy={busy}
              onSave={() => void save()}
              onCancel={() => {
                setEditing(false);
                setConflict(null);
                setMsg(null);
              }}
            />
          ) : (
            <>
              <div class="btn-row">
                <button type="button" class="btn primary" onClick={startEdit} disabled={!on || !!q.staleSince}>
                  {t('edit')}
                </button>
              </div>
              {(!on || q.staleSince) && <p class="muted small">{t('editOffline')}</p>}
              <ProfileView p={p} />
              <p class="muted small">{t('lastChanged', { when: `${formatDate(p.updatedAt, true)} (${relativeDay(p.updatedAt)})` })}</p>
            </>
          )
        }
      </Query>
    </Frame>
  );
}
