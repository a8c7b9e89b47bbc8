// The report's first lines, for someone with a minute: stage and days in it, this
// year's volume and value, what needs deciding, and the next milestone.
import { formatDate, formatNumber, messages } from '../lib/i18n';
import { label } from '../i18n/enums';

const t = messages(
  'reportSummary',
  {
    title: 'Summary',
    stage: 'Stage',
    stageDays: '{stage}, {n} days',
    year: '{year} so far',
    orders: '{n} orders',
    none: 'no orders yet',
    decide: 'To decide',
    nothing: 'Nothing waits on a decision.',
    pastSla: '{n} problem(s) past their service level',
    openIssues: '{n} open problem(s)',
    trials: '{n} sample(s) in trial: results to follow up',
    evaluation: 'Evaluation under way: keep the receiving chain covered',
    next: 'Next milestone',
    visit: '{kind} on {when}',
    task: '{title}, due {when}',
    noNext: 'No next step planned: plan one.',
  },
  {
    title: '摘要',
    stage: '阶段',
    stageDays: '{stage}，已 {n} 天',
    year: '{year} 年至今',
    orders: '{n} 个订单',
    none: '尚无订单',
    decide: '待决定',
    nothing: '目前没有待决定的事项。',
    pastSla: '{n} 个问题超过服务时限',
    openIssues: '{n} 个未解决的问题',
    trials: '{n} 个样品在试验中：跟进结果',
    evaluation: '客户评估中：确保收货链各部门都有联系人',
    next: '下一个里程碑',
    visit: '{when}{kind}',
    task: '{title}（{when}到期）',
    noNext: '尚未安排下一步：请安排。',
  },
);

export interface SummaryData {
  customer: { stage: string; stageChangedAt?: string | null };
  yearToDate: { year: number; orders: number; quantities: { unit: string; quantity: number }[]; values: { currency: string; value: number }[] };
  openIssues: { sla?: { breached: boolean } | null }[];
  samplesInFlight: { status: string }[];
  openTasks: { title: string; dueAt?: string | null }[];
  nextContact?: { kind: string; occurredAt: string } | null;
}

/** What needs deciding, most pressing first (pure: tested in reportSummary.test.ts). */
export function decisions(r: SummaryData): string[] {
  const out: string[] = [];
  const breached = r.openIssues.filter((i) => i.sla?.breached).length;
  if (breached) out.push(t('pastSla', { n: breached }));
  else if (r.openIssues.length) out.push(t('openIssues', { n: r.openIssues.length }));
  const trials = r.samplesInFlight.filter((s) => s.status === 'LAB_TRIAL' || s.status === 'PILOT_TRIAL').length;
  if (trials) out.push(t('trials', { n: trials }));
  if (r.customer.stage === 'EVALUATION') out.push(t('evaluation'));
  return out;
}

/** The next milestone: the earlier of the next planned contact and the next dated task. */
export function nextMilestone(r: SummaryData): string {
  const task = r.openTasks.find((x) => x.dueAt);
  const visitAt = r.nextContact ? Date.parse(r.nextContact.occurredAt) : Infinity;
  const taskAt = task?.dueAt ? Date.parse(task.dueAt) : Infinity;
  if (r.nextContact && visitAt <= taskAt) return t('visit', { kind: label('InteractionKind', r.nextContact.kind), when: formatDate(r.nextContact.occurredAt, true) });
  if (task?.dueAt) return t('task', { title: task.title, when: formatDate(task.dueAt) });
  return t('noNext');
}

export function ReportSummary({ r, now = Date.now() }: { r: SummaryData; now?: number }) {
  const y = r.yearToDate;
  const days = r.customer.stageChangedAt ? Math.max(0, Math.floor((now - Date.parse(r.customer.stageChangedAt)) / 86400_000)) : null;
  const stage = label('CustomerStage', r.customer.stage);
  const volume = [
    y.orders ? t('orders', { n: y.orders }) : t('none'),
    ...y.quantities.map((q) => `${formatNumber(q.quantity, 1)} ${q.unit}`),
    ...y.values.map((v) => `${v.currency} ${formatNumber(v.value, 0)}`),
  ].join(' · ');
  const todo = decisions(r);
  return (
    <section class="rp-sec rp-summary" aria-labelledby="rp-summary">
      <h2 id="rp-summary">{t('title')}</h2>
      <dl class="rp-facts">
        <dt>{t('stage')}</dt>
        <dd>{days == null ? stage : t('stageDays', { stage, n: days })}</dd>
        <dt>{t('year', { year: y.year })}</dt>
        <dd>{volume}</dd>
        <dt>{t('decide')}</dt>
        <dd>{todo.length ? todo.join('；') : t('nothing')}</dd>
        <dt>{t('next')}</dt>
        <dd>{nextMilestone(r)}</dd>
      </dl>
    </section>
  );
}
