// The account's first page = the first page of the 客户报告: where it stands and why,
// who matters, what is in flight, what was promised, what is next.
import { useEffect, useState } from 'preact/hooks';
import { graphql, type ResultOf } from '../graphql';
import { online } from '../lib/api';
import { formatDate, formatNumber, messages, relativeDay } from '../lib/i18n';
import { queue, queueTaskDone } from '../lib/offline';
import { prefetch, useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Badge, Empty, Query, Section } from '../ui/bits';
import { Header } from '../ui/Layout';
import { AccountDuplicates } from './AccountDuplicates';
import { AccountContactList } from './AccountContacts';
import { AccountField, WaitingRows } from './AccountField';
import { to } from './orderNew.i18n';
import { AccountCredit } from './AccountCredit';
import { AccountProjects } from './AccountProjects';
import { AccountQuotations } from './AccountQuotations';
import { EvaluationDecision } from './AccountEvaluation';
import { LobbyCard } from './LobbyCard';
import { AccountTabStrip } from './AccountTabs';
import { VisitQuery, startOfToday, visitCacheKey } from './Visit';
import { MediaFields } from '../lib/mediaMutations';
import { MediaList } from './MediaList';
import { countMedia } from './mediaLogic';
import { countText } from './media.i18n';

const t = messages(
  'account',
  {
    visit: 'Visit mode',
    plan: 'Plan a visit',
    waitingToSend: 'waiting to be sent',
    report: 'Report',
    stage: 'Stage',
    tier: 'Tier',
    score: 'score {s}',
    why: 'Why this tier',
    notEnough: 'Not enough ratings yet to classify (needs {n}).',
    rated: '{name}: {v} of 5 × weight {w} = {c} of the score',
    unrated: '{name}: not rated yet',
    keyPersons: 'Key persons',
    call: 'Call {name}',
    email: 'Email {name}',
    wechat: 'WeChat: copy the ID of {name}',
    wechatShort: 'WeChat',
    kpEdit: 'Edit',
    kpEditOf: 'Edit key person: {name}',
    kpAdd: 'Add a key person',
    needAdd: 'Add a need',
    copied: 'WeChat ID {id} copied',
    copyFailed: 'Could not copy; WeChat ID: {id}',
    lastContact: 'last contact {when}',
    never: 'never contacted',
    overdue: 'overdue',
    needs: 'Open needs',
    samples: 'Samples and trials in flight',
    orders: 'Orders in flight',
    problems: 'Open problems',
    lastTalks: 'Last interactions',
    promises: 'Promises made',
    next: 'Next steps',
    done: 'Done: {title}',
    doneQueued: 'Marked done.',
    owner: 'Owner',
    progress: '{p}% of the checklist',
    pastSla: 'past SLA',
    noneYet: 'None.',
    newSample: 'Request sample',
    newProblem: 'Report problem',
  },
  {
    visit: '拜访模式',
    plan: '计划拜访',
    waitingToSend: '等待发送',
    report: '客户报告',
    stage: '阶段',
    tier: '分类',
    score: '得分 {s}',
    why: '分类依据',
    notEnough: '评分项不足，暂无法分类（至少需要 {n} 项）。',
    rated: '{name}：{v}/5 分 × 权重 {w} = 计入得分 {c}',
    unrated: '{name}：尚未评分',
    keyPersons: '关键人',
    call: '拨打 {name}',
    email: '给 {name} 发邮件',
    wechat: '微信：复制 {name} 的微信号',
    wechatShort: '微信',
    kpEdit: '编辑',
    kpEditOf: '编辑关键人：{name}',
    kpAdd: '添加关键人',
    needAdd: '添加需求',
    copied: '已复制微信号 {id}',
    copyFailed: '无法复制；微信号：{id}',
    lastContact: '上次联系 {when}',
    never: '从未联系',
    overdue: '已超期',
    needs: '未满足的需求',
    samples: '进行中的送样和试样',
    orders: '进行中的订单',
    problems: '未解决的问题',
    lastTalks: '最近沟通',
    promises: '已作出的承诺',
    next: '下一步',
    done: '完成：{title}',
    doneQueued: '已标记完成。',
    owner: '负责人',
    progress: '清单完成 {p}%',
    pastSla: '已超时',
    noneYet: '无。',
    newSample: '申请送样',
    newProblem: '报告问题',
  },
);

export const AccountQuery = graphql(
  `
  query Account($id: ID!) {
    customerReport(id: $id) {
      customer { id name nameEn stage tier score region industry version evaluationOutcome evaluationDecidedAt owner { id name } }
      classification { score tier minInputs inputs { name value weight contribution } }
      keyPersons {
        id decisionRole attitude scope contactIntervalDays lastContactedAt professionalNeeds personalNeeds
        contact { id name title department phone mobile email wechat }
      }
      openNeeds { id level description status }
      samplesInFlight { id status quantity unit product { name } trials(first: 5, orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { id kind outcome } } } }
      ordersInFlight { id number status orderedAt deliveryDate checklist { progress nextSteps } }
      openIssues { id title category severity status sla { breached } }
      lastInteractions { id kind occurredAt summary findings promises nextStep author { name } media { ...MediaFields } }
      promises
      openTasks { id title dueAt status version }
      stageTimeline { stage leftAt days }
      competitors { id name sharePercent }
    }
  }
`,
  [MediaFields],
);

type Report = ResultOf<typeof AccountQuery>['customerReport'];

function KeyPersons({ r }: { r: Report }) {
  const [msg, setMsg] = useState('');
  const add = (
    <a class="btn" href={`/customers/${r.customer.id}/keypersons/new`}>
      ＋ {t('kpAdd')}
    </a>
  );
  if (!r.keyPersons.length)
    return (
      <>
        <Empty>{t('noneYet')}</Empty>
        {add}
      </>
    );
  async function copy(id: string) {
    try {
      await navigator.clipboard.writeText(id);
      setMsg(t('copied', { id }));
    } catch {
      setMsg(t('copyFailed', { id }));
    }
  }
  const now = Date.now();
  return (
    <>
      {msg && (
        <p class="notice" role="status">
          {msg}
        </p>
      )}
      {r.keyPersons.map((k) => {
        const c = k.contact;
        const due = k.lastContactedAt ? Date.parse(k.lastContactedAt) + k.contactIntervalDays * 86400_000 : 0;
        const phone = c.mobile || c.phone;
        return (
          <div class="card" key={k.id}>
            <h3>
              {c.name}
              {c.title ? <span class="muted small"> · {c.title}</span> : null}
            </h3>
            <p class="small">
              <Badge tone="info">{label('KeyPersonDecisionRole', k.decisionRole)}</Badge>{' '}
              <Badge tone={k.attitude === 'CHAMPION' || k.attitude === 'SUPPORTER' ? 'good' : k.attitude === 'OPPONENT' || k.attitude === 'SKEPTIC' ? 'bad' : undefined}>
                {label('KeyPersonAttitude', k.attitude)}
              </Badge>{' '}
              <span class="muted">
                {k.lastContactedAt ? t('lastContact', { when: relativeDay(k.lastContactedAt) }) : t('never')}
              </span>{' '}
              {(!k.lastContactedAt || due < now) && <Badge tone="warn">{t('overdue')}</Badge>}
            </p>
            {k.professionalNeeds && <p class="small">{k.professionalNeeds}</p>}
            <div class="contact-actions">
              {phone && (
                <a class="btn" href={`tel:${phone.replace(/\s+/g, '')}`} aria-label={`${t('call', { name: c.name })} ${phone}`}>
                  ☎ {phone}
                </a>
              )}
              {c.wechat && (
                <button type="button" class="btn" onClick={() => void copy(c.wechat!)} aria-label={t('wechat', { name: c.name })}>
                  {t('wechatShort')}
                </button>
              )}
              {c.email && (
                <a class="btn" href={`mailto:${c.email}`} aria-label={t('email', { name: c.name })}>
                  ✉
                </a>
              )}
              <a class="btn" href={`/customers/${r.customer.id}/keypersons/${k.id}`} aria-label={t('kpEditOf', { name: c.name })}>
                {t('kpEdit')}
              </a>
            </div>
          </div>
        );
      })}
      {add}
    </>
  );
}

function Tasks({ r, onDone }: { r: Report; onDone: () => void }) {
  const items = useStore(queue.items);
  const on = useStore(online);
  if (!r.openTasks.length) return <Empty>{t('noneYet')}</Empty>;
  async function done(task: Report['openTasks'][number]) {
    await queueTaskDone(task, r.customer.id);
    if (on) setTimeout(onDone, 300);
  }
  return (
    <ul class="list">
      {r.openTasks.map((task) => {
        const waiting = items.some((i) => i.recordID === task.id && i.kind === 'taskDone');
        const late = task.dueAt && Date.parse(task.dueAt) < Date.now();
        return (
          <li key={task.id} class="row">
            <span class="row-main">
              <span class="row-title">{task.title}</span>
              {task.dueAt && (
                <span class={'row-sub' + (late ? ' late' : '')}>
                  {formatDate(task.dueAt)} · {relativeDay(task.dueAt)}
                </span>
              )}
            </span>
            {waiting ? (
              <Badge tone="good">{t('doneQueued')}</Badge>
            ) : (
              <button type="button" class="btn" onClick={() => void done(task)} aria-label={t('done', { title: task.title })}>
                ✓
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Contacts logged on this phone and not sent yet: shown at once, marked as waiting. */
function WaitingLogs({ id }: { id: string }) {
  const items = useStore(queue.items).filter(
    (i) =>
      i.customerID === id &&
      (i.kind === 'visitLog' || (i.kind === 'visit' && Date.parse(i.vars.input?.occurredAt ?? '') <= Date.now())),
  );
  return (
    <>
      {items.map((i) => {
        const input = i.vars.input ?? {};
        return (
          <div class="card" key={i.id}>
            <h3>
              {label('InteractionKind', input.kind ?? 'VISIT')} · {formatDate(input.occurredAt ?? new Date(i.createdAt).toISOString())}{' '}
              <Badge tone="warn">{t('waitingToSend')}</Badge>
            </h3>
            {input.findings && <p class="small">{input.findings}</p>}
            {input.nextStep && <p class="small muted">→ {input.nextStep}</p>}
            {!!i.files?.length && <p class="small">{countText(countMedia(i.files))}</p>}
          </div>
        );
      })}
    </>
  );
}

export function Account({ id }: { id: string }) {
  const q = useQuery(AccountQuery, { id });
  const fresh = q.data && !q.staleSince;
  useEffect(() => {
    // Opening an account keeps its visit preparation for offline use too.
    if (fresh) void prefetch(VisitQuery, { id, since: startOfToday() }, visitCacheKey(id));
  }, [fresh, id]);
  const name = q.data?.customerReport.customer.name ?? '';
  return (
    <>
      <Header title={name || '…'} back="/accounts" />
      <main class="content">
        <AccountTabStrip id={id} current="overview" />
        <Query q={q}>
          {(d) => {
            const r = d.customerReport;
            const c = r.customer;
            const cl = r.classification;
            const rated = cl.inputs.filter((i) => i.value != null);
            return (
              <>
                <div class="btn-row">
                  <a class="btn primary" href={`/customers/${id}/visit`}>
                    {t('visit')}
                  </a>
                  <a class="btn" href={`/customers/${id}/plan`}>
                    {t('plan')}
                  </a>
                  <a class="btn" href={`/customers/${id}/samples/new`}>
                    {t('newSample')}
                  </a>
                  <a class="btn" href={`/customers/${id}/problems/new`}>
                    {t('newProblem')}
                  </a>
                </div>
                <LobbyCard r={r} />
                <EvaluationDecision customer={c} onDecided={() => void q.refetch()} />
                <AccountDuplicates id={id} />
                <div class="card">
                  <dl class="kv">
                    <dt>{t('stage')}</dt>
                    <dd>
                      <Badge tone="info">{label('CustomerStage', c.stage)}</Badge>
                    </dd>
                    <dt>{t('tier')}</dt>
                    <dd>
                      {cl.tier ? <Badge tone={cl.tier === 'A' ? 'good' : undefined}>{label('CustomerTier', cl.tier)}</Badge> : '—'}{' '}
                      {cl.score != null && <span class="muted small">{t('score', { s: formatNumber(cl.score, 1) })}</span>}
                    </dd>
                    {c.owner && (
                      <>
                        <dt>{t('owner')}</dt>
                        <dd>{c.owner.name}</dd>
                      </>
                    )}
                  </dl>
                  <details class="why">
                    <summary>{t('why')}</summary>
                    {rated.length < cl.minInputs && <p class="small muted">{t('notEnough', { n: cl.minInputs })}</p>}
                    <ul class="small">
                      {cl.inputs.map((i) => (
                        <li key={i.name}>
                          {i.value == null
                            ? t('unrated', { name: label('AccountChangeRating', i.name.toUpperCase()) })
                            : t('rated', {
                                name: label('AccountChangeRating', i.name.toUpperCase()),
                                v: i.value,
                                w: formatNumber(i.weight, 2),
                                c: formatNumber(i.contribution, 2),
                              })}
                        </li>
                      ))}
                    </ul>
                  </details>
                </div>

                <Section title={t('next')} count={r.openTasks.length} id="next">
                  <Tasks r={r} onDone={() => void q.refetch()} />
                </Section>

                <Section title={t('keyPersons')} count={r.keyPersons.length} id="kp">
                  <KeyPersons r={r} />
                </Section>

                <AccountContactList id={id} />

                <Section title={t('promises')} id="promises">
                  {r.promises.length ? (
                    <ul class="card plain">
                      {r.promises.map((p, i) => (
                        <li key={i}>{p}</li>
                      ))}
                    </ul>
                  ) : (
                    <Empty>{t('noneYet')}</Empty>
                  )}
                </Section>

                <Section title={t('lastTalks')} id="talks">
                  <WaitingLogs id={id} />
                  {r.lastInteractions.length ? (
                    r.lastInteractions.slice(0, 3).map((i) => (
                      <div class="card" key={i.id}>
                        <h3>
                          {label('InteractionKind', i.kind)} · {formatDate(i.occurredAt)}
                          {i.author ? <span class="muted small"> · {i.author.name}</span> : null}
                        </h3>
                        {i.summary && <p>{i.summary}</p>}
                        {i.findings && <p class="small">{i.findings}</p>}
                        {i.nextStep && <p class="small muted">→ {i.nextStep}</p>}
                        <MediaList media={i.media} stale={!!q.staleSince} onChanged={q.refetch} />
                      </div>
                    ))
                  ) : (
                    <Empty>{t('noneYet')}</Empty>
                  )}
                </Section>

                <Section title={t('needs')} count={r.openNeeds.length} id="needs">
                  {r.openNeeds.length ? (
                    <ul class="list">
                      {r.openNeeds.map((n) => (
                        <li key={n.id} class="row">
                          <span class="row-main">
                            <span class="row-title">{n.description}</span>
                            <span class="row-sub">
                              {label('NeedLevel', n.level)} · {label('NeedStatus', n.status)}
                            </span>
                          </span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <Empty>{t('noneYet')}</Empty>
                  )}
                  <a class="btn" href={`/customers/${id}/needs/new`}>
                    ＋ {t('needAdd')}
                  </a>
                </Section>

                <AccountField id={id} />

                <Section title={t('samples')} count={r.samplesInFlight.length} id="samples">
                  {r.samplesInFlight.length ? (
                    <ul class="list">
                      {r.samplesInFlight.map((s) => (
                        <li key={s.id}>
                          <a class="row" href={`/samples/${s.id}`}>
                            <span class="row-main">
                              <span class="row-title">{s.product.name}</span>
                              <span class="row-sub">
                                {formatNumber(s.quantity, 2)} {s.unit}
                                {(s.trials.edges ?? []).map((e) => ` · ${label('TrialKind', e!.node!.kind)} ${label('TrialOutcome', e!.node!.outcome)}`)}
                              </span>
                            </span>
                            <Badge tone="info">{label('SampleStatus', s.status)}</Badge>
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <Empty>{t('noneYet')}</Empty>
                  )}
                </Section>

                <AccountQuotations id={id} />

                <AccountCredit id={id} />

                <AccountProjects id={id} />

                <Section title={t('orders')} count={r.ordersInFlight.length} id="orders">
                  <WaitingRows id={id} kind="order" title={(i) => i.number} />
                  {r.ordersInFlight.length ? (
                    <ul class="list">
                      {r.ordersInFlight.map((o) => (
                        <li key={o.id}>
                          <a class="row" href={`/orders/${o.id}`}>
                            <span class="row-main">
                              <span class="row-title">
                                {o.number} · {label('OrderStatus', o.status)}
                              </span>
                              <span class="row-sub">{t('progress', { p: Math.round(o.checklist.progress * 100) })}</span>
                              <span class="progress" aria-hidden="true">
                                <span style={{ width: `${Math.round(o.checklist.progress * 100)}%` }} />
                              </span>
                            </span>
                            {o.deliveryDate && <span class="row-side">{formatDate(o.deliveryDate)}</span>}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <Empty>{t('noneYet')}</Empty>
                  )}
                  <a class="btn" href={`/customers/${id}/orders/new`}>
                    ＋ {to('add')}
                  </a>
                </Section>

                <Section title={t('problems')} count={r.openIssues.length} id="problems">
                  {r.openIssues.length ? (
                    <ul class="list">
                      {r.openIssues.map((i) => (
                        <li key={i.id}>
                          <a class="row" href={`/problems/${i.id}`}>
                            <span class="row-main">
                              <span class="row-title">{i.title}</span>
                              <span class="row-sub">
                                {label('IssueCategory', i.category)} · {label('IssueSeverity', i.severity)} · {label('IssueStatus', i.status)}
                              </span>
                            </span>
                            {i.sla.breached && <Badge tone="bad">{t('pastSla')}</Badge>}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <Empty>{t('noneYet')}</Empty>
                  )}
                </Section>
                <p>
                  <a class="btn block" href={`/customers/${id}/report`}>
                    {t('report')}
                  </a>
                </p>
              </>
            );
          }}
        </Query>
      </main>
    </>
  );
}
