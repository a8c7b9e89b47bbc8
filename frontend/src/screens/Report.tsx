// The seed's 《客户报告》: the first page of key facts about an account, then the
// account's progress and the rep's own progress. Rendered without the app frame so it
// prints on A4 (report.css); readable on a phone too.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { graphql, type ResultOf } from '../graphql';
import { formatDate, formatNumber, lang, messages, relativeDay } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { enumEn, label } from '../i18n/enums';
import { Badge, Query } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import './report.css';
import { ReportDependence, ReportProjects } from './ReportCommercial';
import { ReportSummary } from './ReportSummary';
import { ReportShare } from './ReportShare';

const t = messages(
  'report',
  {
    title: 'Customer report',
    back: 'Back to the account',
    print: 'Print',
    includePersonal: 'Include personal needs',
    confidential: 'Confidential · internal use only',
    pageOf: 'Page {n} of {total}',
    generated: 'Generated {when}',
    stage: 'Stage',
    tier: 'Tier',
    score: 'Score',
    owner: 'Owner',
    region: 'Region',
    industry: 'Industry',
    leadSource: 'Lead source',
    industryStatus: 'Industry status',
    since: 'since {date}',
    noOwner: 'no owner',
    watch: 'To watch',
    declining: "The customer's industry is in decline (sunset industry): weigh the risk of every new order and plan (payment terms, volumes).",
    unknownDepartments: 'Before the account relies on us, get to know someone in: {list}.',
    // classification
    classification: 'Classification',
    rating: 'Rating',
    value: 'Value',
    weight: 'Weight',
    contribution: 'Contribution',
    notRated: 'not rated',
    of5: '{v} / 5',
    reasonA: 'Score {s} is at least {a}, the lowest score of tier A.',
    reasonB: 'Score {s} is at least {b} (tier B) but below {a} (tier A).',
    reasonC: 'Score {s} is below {b}, the lowest score of tier B.',
    notScored: 'Not classified yet: {n} of the 5 ratings are filled in, at least {min} are needed.',
    scoreNote: 'The score is the weighted average of the ratings (the sum of the contributions).',
    // key persons
    keyPersons: 'Key persons',
    role: 'Role',
    attitude: 'Attitude',
    scope: 'Scope',
    department: 'Department',
    professionalNeeds: 'Professional needs',
    personalNeeds: 'Personal needs',
    interval: 'Contact every',
    days: '{n} days',
    lastContact: 'Last contact',
    never: 'never',
    overdue: 'overdue',
    // needs, competitors, pitch
    needs: 'Open needs',
    competitors: 'Competitors',
    competitor: 'Competitor',
    product: 'Product',
    pricePosition: 'Price',
    share: 'Share',
    notes: 'Notes',
    pitch: 'Entry point and our advantages',
    entryPoint: 'Entry point',
    advantages: 'Our advantages',
    detail: 'Detail',
    noPitch: 'No entry point chosen yet.',
    // samples, orders, problems
    samples: 'Samples and trials in flight',
    quantity: 'Quantity',
    requested: 'Requested',
    shipped: 'Shipped',
    received: 'Received',
    purpose: 'Purpose',
    trials: 'Trials',
    orders: 'Orders in flight',
    evaluation: 'evaluation order',
    ordered: 'Ordered',
    delivery: 'Delivery date',
    checklist: 'Checklist',
    checklistDone: '{p}% done',
    nextSteps: 'Next steps',
    warnings: 'Warnings',
    problems: 'Open problems',
    category: 'Category',
    severity: 'Severity',
    status: 'Status',
    reported: 'Reported',
    pastSla: 'past SLA',
    // service, interactions, tasks
    serviceLevel: 'Service level: documents provided',
    interactions: 'Last interactions',
    promises: 'Promises made',
    nextStep: 'Next step',
    findings: 'Findings',
    by: 'by {name}',
    tasks: 'Open tasks and next steps',
    due: 'Due',
    noDue: 'no date',
    // progress
    timeline: 'Stage timeline',
    entered: 'Entered',
    left: 'Left',
    duration: 'Days',
    current: 'current',
    repProgress: 'Rep progress',
    rep: 'Person',
    interactionsN: 'Interactions',
    visits: 'Visits',
    samplesN: 'Samples',
    converted: 'Converted',
    rate: 'Conversion',
    first: 'First contact',
    last: 'Last contact',
    none: 'None.',
  },
  {
    title: '客户报告',
    back: '返回客户',
    print: '打印',
    includePersonal: '包含个人需求',
    confidential: '内部资料 · 注意保密',
    pageOf: '第 {n} 页 / 共 {total} 页',
    generated: '生成于 {when}',
    stage: '阶段',
    tier: '分类',
    score: '得分',
    owner: '负责人',
    region: '地区',
    industry: '行业',
    leadSource: '信息来源',
    industryStatus: '行业状况',
    since: '自 {date}',
    noOwner: '无负责人',
    watch: '注意',
    declining: '客户所在行业为夕阳产业：每笔新订单和计划都要权衡风险（账期、用量），规避行业风险。',
    unknownDepartments: '成为主供应商之前，还需在以下部门建立联系：{list}。',
    classification: '客户分类',
    rating: '评分项',
    value: '评分',
    weight: '权重',
    contribution: '贡献',
    notRated: '未评分',
    of5: '{v} / 5',
    reasonA: '得分 {s} 不低于 A 类最低分 {a}。',
    reasonB: '得分 {s} 不低于 B 类最低分 {b}，但低于 A 类最低分 {a}。',
    reasonC: '得分 {s} 低于 B 类最低分 {b}。',
    notScored: '尚未分类：5 项评分已填 {n} 项，至少需要 {min} 项。',
    scoreNote: '得分为各项评分的加权平均（即各项贡献之和）。',
    keyPersons: '关键人',
    role: '角色',
    attitude: '态度',
    scope: '范围',
    department: '部门',
    professionalNeeds: '工作需求',
    personalNeeds: '个人需求',
    interval: '联系周期',
    days: '{n} 天',
    lastContact: '上次联系',
    never: '从未',
    overdue: '已超期',
    needs: '未满足的需求',
    competitors: '竞争对手',
    competitor: '竞争对手',
    product: '产品',
    pricePosition: '价格',
    share: '份额',
    notes: '备注',
    pitch: '切入点与我方优势',
    entryPoint: '切入点',
    advantages: '我方优势',
    detail: '说明',
    noPitch: '尚未确定切入点。',
    samples: '进行中的送样和试样',
    quantity: '数量',
    requested: '申请',
    shipped: '寄出',
    received: '签收',
    purpose: '用途',
    trials: '试样',
    orders: '进行中的订单',
    evaluation: '评估订单',
    ordered: '下单',
    delivery: '交期',
    checklist: '订单清单',
    checklistDone: '已完成 {p}%',
    nextSteps: '下一步',
    warnings: '提醒',
    problems: '未解决的问题',
    category: '类别',
    severity: '严重程度',
    status: '状态',
    reported: '报告时间',
    pastSla: '已超时',
    serviceLevel: '服务水平：提供的资料',
    interactions: '最近沟通',
    promises: '已作出的承诺',
    nextStep: '下一步',
    findings: '发现',
    by: '{name}',
    tasks: '待办与下一步',
    due: '到期',
    noDue: '无日期',
    timeline: '客户发展进程',
    entered: '进入',
    left: '离开',
    duration: '天数',
    current: '当前',
    repProgress: '经办人的进步',
    rep: '人员',
    interactionsN: '沟通',
    visits: '拜访',
    samplesN: '送样',
    converted: '转订单',
    rate: '转化率',
    first: '首次联系',
    last: '最近联系',
    none: '无。',
  },
);

// Enum labels src/i18n/enums.ts does not have yet (used only when it lacks them).
const te = messages(
  'reportEnums',
  {
    'PitchEntryPoint.PERSON': 'Person',
    'PitchEntryPoint.PRODUCT': 'Product',
    'PitchEntryPoint.TECHNOLOGY': 'Technology',
    'PitchEntryPoint.PAYMENT_TERMS': 'Payment terms',
    'PitchAdvantage.PRODUCT_STOCK': 'Product (stock, steady supply, steady quality)',
    'PitchAdvantage.TECHNOLOGY': 'Technology',
    'PitchAdvantage.PRICE': 'Price',
    'PitchAdvantage.QC_CERTIFICATION': 'Quality control (certification)',
    'PitchAdvantage.SERVICE_LOCAL_SUPPLY': 'Service (local supply, many products)',
    'PitchAdvantage.PEOPLE': 'People (expertise)',
    'PitchAdvantage.FUNDING': 'Funding',
    'CompetitorPricePosition.HIGHER': 'higher than ours',
    'CompetitorPricePosition.SIMILAR': 'similar to ours',
    'CompetitorPricePosition.LOWER': 'lower than ours',
    'CompetitorPricePosition.UNKNOWN': 'unknown',
    'NeedCompanyAspect.IMAGE': 'Image',
    'NeedCompanyAspect.LISTING': 'Listing (IPO)',
    'NeedCompanyAspect.SCALE': 'Scale',
    'NeedCompanyAspect.FUNDING': 'Funding',
    'NeedCompanyAspect.INFORMATION': 'Information',
    'NeedCompanyAspect.TECHNOLOGY': 'Technology',
    'NeedCompanyAspect.MANAGEMENT': 'Management',
    'NeedCompanyAspect.PRODUCT': 'Product',
    'NeedProductGrade.HIGH': 'high end',
    'NeedProductGrade.MID': 'mid range',
    'NeedProductGrade.LOW': 'low end',
    'NeedLikelyProblem.TECHNICAL': 'technical problem',
    'NeedLikelyProblem.PRICE': 'price problem',
    'NeedLikelyProblem.SUPPLY': 'supply problem',
    'NeedLikelyProblem.FUNDING': 'funding problem',
    'NeedLikelyProblem.KEY_PERSON': 'key person’s needs',
    'Rating.scale': 'Scale',
    'Rating.technical_level': 'Technical level',
    'Rating.credit': 'Credit',
    'Rating.demand': 'Demand for our products',
    'Rating.ease_of_closing': 'Ease of closing',
  },
  {
    'PitchEntryPoint.PERSON': '人',
    'PitchEntryPoint.PRODUCT': '产品',
    'PitchEntryPoint.TECHNOLOGY': '技术',
    'PitchEntryPoint.PAYMENT_TERMS': '账期',
    'PitchAdvantage.PRODUCT_STOCK': '产品优势（备货充足、稳定供应、品质稳定）',
    'PitchAdvantage.TECHNOLOGY': '技术优势',
    'PitchAdvantage.PRICE': '价格优势',
    'PitchAdvantage.QC_CERTIFICATION': '品控优势（认证）',
    'PitchAdvantage.SERVICE_LOCAL_SUPPLY': '服务优势（属地供应、多品种供应）',
    'PitchAdvantage.PEOPLE': '人员优势（专业）',
    'PitchAdvantage.FUNDING': '资金优势',
    'CompetitorPricePosition.HIGHER': '高于我方',
    'CompetitorPricePosition.SIMILAR': '与我方相近',
    'CompetitorPricePosition.LOWER': '低于我方',
    'CompetitorPricePosition.UNKNOWN': '不清楚',
    'NeedCompanyAspect.IMAGE': '形象',
    'NeedCompanyAspect.LISTING': '上市',
    'NeedCompanyAspect.SCALE': '规模',
    'NeedCompanyAspect.FUNDING': '资金',
    'NeedCompanyAspect.INFORMATION': '信息',
    'NeedCompanyAspect.TECHNOLOGY': '技术',
    'NeedCompanyAspect.MANAGEMENT': '管理',
    'NeedCompanyAspect.PRODUCT': '产品',
    'NeedProductGrade.HIGH': '高端',
    'NeedProductGrade.MID': '中端',
    'NeedProductGrade.LOW': '低端',
    'NeedLikelyProblem.TECHNICAL': '技术问题',
    'NeedLikelyProblem.PRICE': '价格问题',
    'NeedLikelyProblem.SUPPLY': '供应问题',
    'NeedLikelyProblem.FUNDING': '资金问题',
    'NeedLikelyProblem.KEY_PERSON': '关键人需求问题',
    'Rating.scale': '规模',
    'Rating.technical_level': '技术水平',
    'Rating.credit': '资信',
    'Rating.demand': '对我们产品的需求度',
    'Rating.ease_of_closing': '成交的难易',
  },
);

/** An enum value's label: from enums.ts when it knows the enum, else from the set above. */
function el(enumName: string, value: string | null | undefined): string {
  if (!value) return '';
  if (enumEn[enumName]?.[value]) return label(enumName, value);
  const key = `${enumName}.${value}`;
  const s = te(key as Parameters<typeof te>[0]);
  return s === key ? value : s;
}

export const ReportQuery = graphql(`
  query CustomerReport($id: ID!) {
    customerReport(id: $id) {
      generatedAt
      unknownDepartments
      decliningIndustry
      customer {
        id name nameEn stage stageChangedAt tier score region industry leadSource leadSourceDetail industryStatus
        owner { id name }
        dependence { ourKg annualDemandKg ourShareOfTheirUse shareOfOurRevenue concentrationRisk concentrationThreshold }
        projects(first: 20, orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { id title kind status milestones { doneAt } } } }
      }
      classification { score tier tierAThreshold tierBThreshold minInputs inputs { name value weight contribution } }
      keyPersons {
        id decisionRole attitude scope professionalNeeds personalNeeds contactIntervalDays lastContactedAt
        contact { id name title department }
      }
      openNeeds {
        id level companyAspect productGrade likelyProblem description status
        keyPerson { id contact { name } }
        candidateProduct { id code name }
      }
      competitors { id name product pricePosition sharePercent notes }
      pitch { id entryPoint advantages detail }
      samplesInFlight {
        id status quantity unit purpose requestedAt shippedAt receivedAt
        product { id code name }
        trials(first: 5) { edges { node { id kind outcome startedAt finishedAt results } } }
      }
      ordersInFlight {
        id number status isEvaluation orderedAt deliveryDate
        checklist { progress nextSteps warnings }
      }
      openIssues {
        id title category severity status reportedAt
        sla { breached }
      }
      serviceLevel { id type since note }
      lastInteractions {
        id kind phase occurredAt summary findings promises nextStep nextStepDue
        author { id name }
      }
      promises
      openTasks { id title dueAt assignee { id name } }
      yearToDate { year orders quantities { unit quantity } values { currency value } }
      nextContact { id kind occurredAt }
      stageTimeline { stage enteredAt leftAt days }
      repProgress {
        user { id name }
        interactions visits samples samplesConverted conversionRate firstContactAt lastContactAt
      }
    }
  }
`);

type R = ResultOf<typeof ReportQuery>['customerReport'];

function Sec({ id, title, count, children }: { id: string; title: string; count?: number; children: ComponentChildren }) {
  return (
    <section class="rp-sec" aria-labelledby={`rp-${id}`}>
      <h2 id={`rp-${id}`}>
        {title}
        {count !== undefined && <span class="rp-count"> ({count})</span>}
      </h2>
      {children}
    </section>
  );
}

/** A table that may scroll sideways on a phone: focusable, so a keyboard can scroll it too. */
function Scroll({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <div class="rp-scroll" tabIndex={0} role="group" aria-label={title}>
      {children}
    </div>
  );
}

function None() {
  return <p class="rp-none">{t('none')}</p>;
}

/** A definition list of facts; empty values are left out. */
function Facts({ rows }: { rows: [string, ComponentChildren][] }) {
  const shown = rows.filter(([, v]) => v !== '' && v != null && v !== false);
  return <dl class="rp-facts">{shown.flatMap(([k, v]) => [<dt key={k + 'k'}>{k}</dt>, <dd key={k + 'v'}>{v}</dd>])}</dl>;
}

/** Items joined the way the language lists them. */
function joined(items: string[]): string {
  return items.filter(Boolean).join(lang.get() === 'zh' ? '、' : ', ');
}

function pct(x: number | null | undefined): string {
  return x == null ? '—' : `${formatNumber(x * 100, 0)}%`;
}

function tierReason(c: R['classification']): string {
  const n = c.inputs.filter((i) => i.value != null).length;
  if (c.score == null || !c.tier) return t('notScored', { n, min: c.minInputs });
  const s = formatNumber(c.score, 2);
  const a = formatNumber(c.tierAThreshold, 2);
  const b = formatNumber(c.tierBThreshold, 2);
  if (c.tier === 'A') return t('reasonA', { s, a });
  if (c.tier === 'B') return t('reasonB', { s, a, b });
  return t('reasonC', { s, b });
}

function Header({ r }: { r: R }) {
  const c = r.customer;
  const cl = r.classification;
  return (
    <header class="rp-head">
      <h1>
        <span class="rp-kicker">{t('title')}</span>
        <span class="rp-name">{c.name}</span>
        {c.nameEn && c.nameEn !== c.name && <span class="rp-alt">{c.nameEn}</span>}
      </h1>
      <Facts
        rows={[
          [
            t('stage'),
            <>
              {label('CustomerStage', c.stage)}
              {c.stageChangedAt ? <span class="rp-muted"> · {t('since', { date: formatDate(c.stageChangedAt) })}</span> : null}
            </>,
          ],
          [t('tier'), cl.tier ? label('CustomerTier', cl.tier) : '—'],
          [t('score'), cl.score != null ? formatNumber(cl.score, 2) : '—'],
          [t('owner'), c.owner?.name ?? t('noOwner')],
          [t('region'), c.region ?? ''],
          [t('industry'), c.industry ?? ''],
          [t('industryStatus'), c.industryStatus ? label('CustomerIndustryStatus', c.industryStatus) : ''],
          [t('leadSource'), label('CustomerLeadSource', c.leadSource) + (c.leadSourceDetail ? ` · ${c.leadSourceDetail}` : '')],
        ]}
      />
    </header>
  );
}

/** What the source text asks to watch: an industry in decline, departments of the receiving chain we do not know yet. */
function Watch({ r }: { r: R }) {
  if (!r.decliningIndustry && !r.unknownDepartments.length) return null;
  return (
    <Sec id="watch" title={t('watch')}>
      <ul class="rp-watch">
        {r.decliningIndustry && <li>{t('declining')}</li>}
        {r.unknownDepartments.length > 0 && (
          <li>{t('unknownDepartments', { list: joined(r.unknownDepartments.map((d) => label('ContactDepartment', d))) })}</li>
        )}
      </ul>
    </Sec>
  );
}

function Classification({ c }: { c: R['classification'] }) {
  return (
    <Sec id="class" title={t('classification')}>
      <Scroll title={t('classification')}>
        <table class="rp-table">
          <thead>
            <tr>
              <th scope="col">{t('rating')}</th>
              <th scope="col" class="num">
                {t('value')}
              </th>
              <th scope="col" class="num">
                {t('weight')}
              </th>
              <th scope="col" class="num">
                {t('contribution')}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.inputs.map((i) => (
              <tr key={i.name}>
                <th scope="row">{el('Rating', i.name)}</th>
                <td class="num">{i.value != null ? t('of5', { v: i.value }) : <span class="rp-muted">{t('notRated')}</span>}</td>
                <td class="num">×{formatNumber(i.weight, 2)}</td>
                <td class="num">{i.value != null ? formatNumber(i.contribution, 2) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      <p class="rp-reason">
        <strong>{c.tier ? label('CustomerTier', c.tier) : '—'}</strong> — {tierReason(c)}
      </p>
      <p class="rp-muted rp-small">{t('scoreNote')}</p>
    </Sec>
  );
}

function KeyPersons({ list, personal }: { list: R['keyPersons']; personal: boolean }) {
  const now = Date.now();
  return (
    <Sec id="kp" title={t('keyPersons')} count={list.length}>
      {!list.length && <None />}
      <div class="rp-grid">
        {list.map((k) => {
          const overdue = !k.lastContactedAt || Date.parse(k.lastContactedAt) + k.contactIntervalDays * 86400_000 < now;
          return (
            <article class="card rp-card" key={k.id}>
              <h3>
                {k.contact.name}
                {k.contact.title ? <span class="rp-muted"> · {k.contact.title}</span> : null}
              </h3>
              <Facts
                rows={[
                  [t('department'), label('ContactDepartment', k.contact.department)],
                  [t('role'), label('KeyPersonDecisionRole', k.decisionRole)],
                  [t('attitude'), label('KeyPersonAttitude', k.attitude)],
                  [t('scope'), label('KeyPersonScope', k.scope)],
                  [t('professionalNeeds'), k.professionalNeeds ?? ''],
                  // Private to the relationship: printed only when the rep chose to.
                  ...(personal ? [[t('personalNeeds'), k.personalNeeds ?? ''] as [string, ComponentChildren]] : []),
                  [t('interval'), t('days', { n: k.contactIntervalDays })],
                  [
                    t('lastContact'),
                    <>
                      {k.lastContactedAt ? `${formatDate(k.lastContactedAt)} (${relativeDay(k.lastContactedAt)})` : t('never')}
                      {overdue && (
                        <>
                          {' '}
                          <Badge tone="warn">{t('overdue')}</Badge>
                        </>
                      )}
                    </>,
                  ],
                ]}
              />
            </article>
          );
        })}
      </div>
    </Sec>
  );
}

/** Open needs; a key person's personal needs only when the rep chose to print them. */
function Needs({ list: all, personal }: { list: R['openNeeds']; personal: boolean }) {
  const list = personal ? all : all.filter((n) => n.level !== 'PERSONAL');
  return (
    <Sec id="needs" title={t('needs')} count={list.length}>
      {!list.length ? (
        <None />
      ) : (
        <ul class="rp-list">
          {list.map((n) => {
            const tags = [
              label('NeedLevel', n.level),
              el('NeedCompanyAspect', n.companyAspect),
              el('NeedProductGrade', n.productGrade),
              el('NeedLikelyProblem', n.likelyProblem),
            ].filter(Boolean);
            return (
              <li key={n.id}>
                <span class="rp-tags">
                  {tags.join(' · ')} · <Badge>{label('NeedStatus', n.status)}</Badge>
                </span>
                <span class="rp-text">{n.description}</span>
                {(n.keyPerson || n.candidateProduct) && (
                  <span class="rp-muted rp-small">
                    {[n.keyPerson?.contact.name, n.candidateProduct ? `${n.candidateProduct.code} ${n.candidateProduct.name}` : '']
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Sec>
  );
}

function Competitors({ list }: { list: R['competitors'] }) {
  return (
    <Sec id="comp" title={t('competitors')} count={list.length}>
      {!list.length ? (
        <None />
      ) : (
        <Scroll title={t('competitors')}>
          <table class="rp-table">
            <thead>
              <tr>
                <th scope="col">{t('competitor')}</th>
                <th scope="col">{t('product')}</th>
                <th scope="col">{t('pricePosition')}</th>
                <th scope="col" class="num">
                  {t('share')}
                </th>
                <th scope="col">{t('notes')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{c.product ?? ''}</td>
                  <td>{el('CompetitorPricePosition', c.pricePosition)}</td>
                  <td class="num">{c.sharePercent != null ? `${formatNumber(c.sharePercent, 1)}%` : '—'}</td>
                  <td>{c.notes ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </Sec>
  );
}

function Pitch({ p }: { p: R['pitch'] }) {
  return (
    <Sec id="pitch" title={t('pitch')}>
      {!p ? (
        <p class="rp-none">{t('noPitch')}</p>
      ) : (
        <div class="card rp-card">
          <Facts
            rows={[
              [t('entryPoint'), el('PitchEntryPoint', p.entryPoint)],
              [t('advantages'), joined((p.advantages ?? []).map((a) => el('PitchAdvantage', a)))],
              [t('detail'), p.detail ?? ''],
            ]}
          />
        </div>
      )}
    </Sec>
  );
}

function Samples({ list }: { list: R['samplesInFlight'] }) {
  return (
    <Sec id="samples" title={t('samples')} count={list.length}>
      {!list.length && <None />}
      {list.map((s) => {
        const trials = (s.trials.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
        return (
          <article class="card rp-card" key={s.id}>
            <h3>
              {s.product.code} {s.product.name} · <Badge tone="info">{label('SampleStatus', s.status)}</Badge>
            </h3>
            <Facts
              rows={[
                [t('quantity'), `${formatNumber(s.quantity, 2)} ${s.unit}`],
                [t('purpose'), s.purpose ?? ''],
                [t('requested'), formatDate(s.requestedAt)],
                [t('shipped'), formatDate(s.shippedAt)],
                [t('received'), formatDate(s.receivedAt)],
                [
                  t('trials'),
                  trials.length ? (
                    <ul class="rp-plain">
                      {trials.map((tr) => (
                        <li key={tr.id}>
                          {label('TrialKind', tr.kind)}: {label('TrialOutcome', tr.outcome)}
                          {tr.startedAt ? ` · ${formatDate(tr.startedAt)}` : ''}
                          {tr.finishedAt ? ` – ${formatDate(tr.finishedAt)}` : ''}
                          {tr.results ? <span class="rp-muted"> · {tr.results}</span> : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    ''
                  ),
                ],
              ]}
            />
          </article>
        );
      })}
    </Sec>
  );
}

function Orders({ list }: { list: R['ordersInFlight'] }) {
  return (
    <Sec id="orders" title={t('orders')} count={list.length}>
      {!list.length && <None />}
      {list.map((o) => {
        const p = Math.round(o.checklist.progress * 100);
        return (
          <article class="card rp-card" key={o.id}>
            <h3>
              {o.number} · <Badge tone="info">{label('OrderStatus', o.status)}</Badge>
              {o.isEvaluation && (
                <>
                  {' '}
                  <Badge tone="warn">{t('evaluation')}</Badge>
                </>
              )}
            </h3>
            <Facts
              rows={[
                [t('ordered'), formatDate(o.orderedAt)],
                [t('delivery'), formatDate(o.deliveryDate)],
                [
                  t('checklist'),
                  <span class="rp-progress">
                    <span class="progress" aria-hidden="true">
                      <span style={{ width: `${p}%` }} />
                    </span>
                    <span>{t('checklistDone', { p })}</span>
                  </span>,
                ],
                [t('nextSteps'), joined(o.checklist.nextSteps.map((s) => label('OrderEventStep', s)))],
                [t('warnings'), o.checklist.warnings.join('; ')],
              ]}
            />
          </article>
        );
      })}
    </Sec>
  );
}

function Problems({ list }: { list: R['openIssues'] }) {
  return (
    <Sec id="issues" title={t('problems')} count={list.length}>
      {!list.length ? (
        <None />
      ) : (
        <Scroll title={t('problems')}>
          <table class="rp-table">
            <thead>
              <tr>
                <th scope="col">{t('problems')}</th>
                <th scope="col">{t('category')}</th>
                <th scope="col">{t('severity')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('reported')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    {i.title}
                    {i.sla.breached && (
                      <>
                        {' '}
                        <Badge tone="bad">{t('pastSla')}</Badge>
                      </>
                    )}
                  </th>
                  <td>{label('IssueCategory', i.category)}</td>
                  <td>{label('IssueSeverity', i.severity)}</td>
                  <td>{label('IssueStatus', i.status)}</td>
                  <td>{formatDate(i.reportedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </Sec>
  );
}

function ServiceLevel({ list }: { list: R['serviceLevel'] }) {
  return (
    <Sec id="svc" title={t('serviceLevel')} count={list.length}>
      {!list.length ? (
        <None />
      ) : (
        <ul class="rp-list">
          {list.map((s) => (
            <li key={s.id}>
              <strong>{label('DocumentType', s.type)}</strong> <span class="rp-muted">{t('since', { date: formatDate(s.since) })}</span>
              {s.note ? <span class="rp-text">{s.note}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Sec>
  );
}

function Interactions({ list, promises }: { list: R['lastInteractions']; promises: R['promises'] }) {
  return (
    <Sec id="talks" title={t('interactions')} count={list.length}>
      {!list.length && <None />}
      {list.map((i) => (
        <article class="card rp-card" key={i.id}>
          <h3>
            {label('InteractionKind', i.kind)} · {formatDate(i.occurredAt)}
            <span class="rp-muted">
              {' '}
              · {label('InteractionPhase', i.phase)}
              {i.author ? ` · ${t('by', { name: i.author.name })}` : ''}
            </span>
          </h3>
          {i.summary && <p class="rp-text">{i.summary}</p>}
          <Facts
            rows={[
              [t('findings'), i.findings ?? ''],
              [t('promises'), i.promises ?? ''],
              [t('nextStep'), i.nextStep ? i.nextStep + (i.nextStepDue ? ` (${formatDate(i.nextStepDue)})` : '') : ''],
            ]}
          />
        </article>
      ))}
      <h3 class="rp-sub">{t('promises')}</h3>
      {promises.length ? (
        <ul class="rp-list">
          {promises.map((p, i) => (
            <li key={i} class="rp-text">
              {p}
            </li>
          ))}
        </ul>
      ) : (
        <None />
      )}
    </Sec>
  );
}

function Tasks({ list }: { list: R['openTasks'] }) {
  const now = Date.now();
  return (
    <Sec id="tasks" title={t('tasks')} count={list.length}>
      {!list.length ? (
        <None />
      ) : (
        <ul class="rp-list">
          {list.map((k) => (
            <li key={k.id}>
              <strong>{k.title}</strong>{' '}
              <span class="rp-muted">
                · {t('due')}: {k.dueAt ? formatDate(k.dueAt) : t('noDue')}
                {k.assignee ? ` · ${k.assignee.name}` : ''}
              </span>
              {k.dueAt && Date.parse(k.dueAt) < now && (
                <>
                  {' '}
                  <Badge tone="warn">{t('overdue')}</Badge>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Sec>
  );
}

function StageTimeline({ list }: { list: R['stageTimeline'] }) {
  return (
    <Sec id="stages" title={t('timeline')}>
      {!list.length ? (
        <None />
      ) : (
        <Scroll title={t('timeline')}>
          <table class="rp-table">
            <thead>
              <tr>
                <th scope="col">{t('stage')}</th>
                <th scope="col">{t('entered')}</th>
                <th scope="col">{t('left')}</th>
                <th scope="col" class="num">
                  {t('duration')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((s, i) => (
                <tr key={i}>
                  <th scope="row">{label('CustomerStage', s.stage)}</th>
                  <td>{formatDate(s.enteredAt)}</td>
                  <td>{s.leftAt ? formatDate(s.leftAt) : <em>{t('current')}</em>}</td>
                  <td class="num">{formatNumber(s.days, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </Sec>
  );
}

function RepProgress({ list }: { list: R['repProgress'] }) {
  return (
    <Sec id="reps" title={t('repProgress')}>
      {!list.length ? (
        <None />
      ) : (
        <Scroll title={t('repProgress')}>
          <table class="rp-table">
            <thead>
              <tr>
                <th scope="col">{t('rep')}</th>
                <th scope="col" class="num">
                  {t('interactionsN')}
                </th>
                <th scope="col" class="num">
                  {t('visits')}
                </th>
                <th scope="col" class="num">
                  {t('samplesN')}
                </th>
                <th scope="col" class="num">
                  {t('converted')}
                </th>
                <th scope="col" class="num">
                  {t('rate')}
                </th>
                <th scope="col">{t('first')}</th>
                <th scope="col">{t('last')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.user.id}>
                  <th scope="row">{p.user.name}</th>
                  <td class="num">{p.interactions}</td>
                  <td class="num">{p.visits}</td>
                  <td class="num">{p.samples}</td>
                  <td class="num">{p.samplesConverted}</td>
                  <td class="num">{pct(p.conversionRate)}</td>
                  <td>{formatDate(p.firstContactAt)}</td>
                  <td>{formatDate(p.lastContactAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </Sec>
  );
}

/** Page numbers and the confidentiality mark in the printed margins, in the app's language. */
function PageMarks() {
  const mark = t('confidential').replace(/["\\]/g, '');
  const page = t('pageOf');
  const [before, after] = page.split('{n}');
  const [mid, end] = (after ?? '').split('{total}');
  const q = (s: string | undefined) => JSON.stringify(s ?? '');
  return (
    <style>{`@page { @bottom-left { content: ${q(mark)}; font-size: 8pt; color: #555; } @bottom-right { content: ${q(before)} counter(page) ${q(mid)} counter(pages) ${q(end)}; font-size: 8pt; color: #555; } }`}</style>
  );
}

export function Report({ id }: { id: string }) {
  const q = useQuery(ReportQuery, { id });
  // The key persons' personal needs stay off paper unless the rep asks for them.
  const [personal, setPersonal] = useState(false);
  const name = q.data?.customerReport.customer.name;
  useEffect(() => {
    const before = document.title;
    document.title = name ? `客户报告 — ${name}` : '客户报告';
    return () => {
      document.title = before;
    };
  }, [name]);

  return (
    <div class="report-page">
      <header class="report-bar no-print">
        <a class="btn" href={`/customers/${id}`} aria-label={t('back')}>
          <span aria-hidden="true">←</span> {tc('back')}
        </a>
        <label class="check">
          <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.currentTarget.checked)} />
          {t('includePersonal')}
        </label>
        <button type="button" class="btn primary" onClick={() => window.print()}>
          {t('print')}
        </button>
        {name && (
          <ReportShare
            name={name}
            words={{ title: `${t('title')} — ${name}`, mark: t('confidential'), pageOf: (n, total) => t('pageOf', { n, total }) }}
          />
        )}
      </header>
      <PageMarks />
      <main class="report" id="main">
        <Query q={q}>
          {(d) => {
            const r = d.customerReport;
            return (
              <>
                <Header r={r} />
                <ReportSummary r={r} />
                <Watch r={r} />
                <Classification c={r.classification} />
                <KeyPersons list={r.keyPersons} personal={personal} />
                <Needs list={r.openNeeds} personal={personal} />
                <Competitors list={r.competitors} />
                <Pitch p={r.pitch} />
                <Samples list={r.samplesInFlight} />
                <Orders list={r.ordersInFlight} />
                <ReportDependence d={r.customer.dependence} />
                <ReportProjects list={(r.customer.projects.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []))} />
                <Problems list={r.openIssues} />
                <ServiceLevel list={r.serviceLevel} />
                <Interactions list={r.lastInteractions} promises={r.promises} />
                <Tasks list={r.openTasks} />
                <StageTimeline list={r.stageTimeline} />
                <RepProgress list={r.repProgress} />
                <footer class="rp-foot">
                  {t('generated', { when: formatDate(r.generatedAt, true) })}
                  {q.staleSince ? ` · ${tc('savedCopy', { when: formatDate(new Date(q.staleSince).toISOString(), true) })}` : ''}
                </footer>
              </>
            );
          }}
        </Query>
      </main>
    </div>
  );
}
