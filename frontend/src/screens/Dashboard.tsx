// Dashboards drawn from the existing aggregates, each with its query one tap away in
// the explorer: accounts by stage, the sample funnel, stage durations, problems by
// category, orders by month, and the revenue concentration (Concentration). Over the
// rows the viewer reads (an analyst: every account; a manager: the team's). Loaded on demand (Chartist stays out of the first load).
import { graphql } from '../graphql';
import { lang, messages } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Query } from '../ui/bits';
import { Bars } from '../ui/Bars';
import { Concentration } from './Concentration';
import { byKey, explorerHref, largest, lastMonths, ordersByMonth, type Series } from './dashboard';

const t = messages(
  'dashboard',
  {
    pipeline: 'Accounts by stage',
    funnel: 'Sample funnel',
    durations: 'Median days in each stage',
    problems: 'Problems by category',
    orders: 'Orders per month (last 12)',
    query: 'Open the query',
    data: 'Data',
    none: 'No figures yet.',
  },
  {
    pipeline: '各阶段客户数',
    funnel: '样品漏斗',
    durations: '各阶段停留天数（中位数）',
    problems: '问题分类',
    orders: '每月订单数（近 12 个月）',
    query: '打开查询',
    data: '数据',
    none: '暂无数据。',
  },
);

const stages = ['PROSPECT', 'CONTACTED', 'VISITED', 'SAMPLING', 'TRIAL', 'EVALUATION', 'MAIN_SUPPLIER', 'PARTNER'] as const;

// Each chart's query, as the explorer shows it.
const q = {
  pipeline: '{ pipelineStats(groupBy: [STAGE]) { keys count } }',
  funnel: '{ sampleFunnel(groupBy: []) { stages { stage count conversionRate } } }',
  durations: '{ stageDurations { stage stays medianDays p90Days } }',
  problems: '{ issueBreakdown(groupBy: [CATEGORY]) { keys count } }',
  orders: 'query($from: Time) { orderVolume(groupBy: [MONTH], from: $from) { keys orders quantity value currency } }',
};

const DashboardQuery = graphql(`
  query Dashboard($from: Time) {
    pipelineStats(groupBy: [STAGE]) { keys count }
    sampleFunnel(groupBy: []) { stages { stage count conversionRate } }
    stageDurations { stage stays medianDays p90Days }
    issueBreakdown(groupBy: [CATEGORY]) { keys count }
    orderVolume(groupBy: [MONTH], from: $from) { keys orders currency }
    revenueConcentration(first: 10) { customer { id name } revenue currency shareOfOurRevenue concentrationRisk concentrationThreshold }
  }
`);

function Chart({ id, title, series, query, horizontal }: { id: string; title: string; series: Series; query: string; horizontal?: boolean }) {
  const empty = !series.values.some((v) => v > 0);
  return (
    <section class="section chart-card" aria-labelledby={`chart-${id}`}>
      <h2 id={`chart-${id}`}>{title}</h2>
      <div class="card">
        {empty ? <p class="muted">{t('none')}</p> : <Bars series={series} title={title} horizontal={horizontal} />}
        <details>
          <summary>{t('data')}</summary>
          <table class="kv">
            <tbody>
              {series.labels.map((l, i) => (
                <tr key={l}>
                  <th scope="row">{l}</th>
                  <td>{series.values[i]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        <a class="btn" href={explorerHref(query)}>
          {t('query')}
        </a>
      </div>
    </section>
  );
}

export function Dashboard() {
  useStore(lang);
  const months = lastMonths(new Date(), 12);
  const from = `${months[0]}-01T00:00:00Z`;
  const d = useQuery(DashboardQuery, { from });
  return (
    <Query q={d}>
      {(r) => {
        const funnel = r.sampleFunnel[0]?.stages ?? [];
        const durations = new Map(r.stageDurations.map((s) => [s.stage, Math.round(s.medianDays)]));
        return (
          <>
            <Chart id="pipeline" title={t('pipeline')} query={q.pipeline} horizontal series={byKey(r.pipelineStats, stages, (k) => label('CustomerStage', k))} />
            <Chart
              id="funnel"
              title={t('funnel')}
              query={q.funnel}
              horizontal
              series={{ labels: funnel.map((f) => label('SampleStatus', f.stage)), values: funnel.map((f) => f.count) }}
            />
            <Chart
              id="durations"
              title={t('durations')}
              query={q.durations}
              horizontal
              series={{ labels: stages.map((s) => label('CustomerStage', s)), values: stages.map((s) => durations.get(s) ?? 0) }}
            />
            <Chart id="problems" title={t('problems')} query={q.problems} horizontal series={largest(r.issueBreakdown, 8, (k) => label('IssueCategory', k))} />
            <Chart id="orders" title={t('orders')} query={q.orders} series={ordersByMonth(r.orderVolume, months)} />
            <Concentration rows={r.revenueConcentration} labels={{ data: t('data'), query: t('query') }} />
          </>
        );
      }}
    </Query>
  );
}
