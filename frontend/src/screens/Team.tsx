// The manager's home (admins too): the team's Today counted — each person one tap from
// their list —, problems past their service level, accounts stuck in a stage, and the
// dashboards of the team's accounts.
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { countText, sumCounts } from '../lib/count';
import { messages, relativeDay } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { label } from '../i18n/enums';
import { Empty, Query } from '../ui/bits';
import { Header } from '../ui/Layout';
import { LazyDashboard } from './LazyDashboard';
import { tst } from './stock.i18n';

const t = messages(
  'team',
  {
    title: 'Team',
    people: 'People',
    line: 'Act first {urgent} · overdue tasks {overdue} · {total} in all',
    breaches: 'Problems past their service level',
    breachesNone: 'No problem is past its service level.',
    stuck: 'Stuck for {days}+ days in a stage',
    stuckNone: 'No account has been in a stage for {days} days.',
    since: 'in this stage since {when}',
    dashboards: 'The team’s accounts',
    nobody: 'Nobody in your team has a Today list yet.',
  },
  {
    title: '团队',
    people: '成员',
    line: '先处理 {urgent} · 逾期任务 {overdue} · 共 {total} 项',
    breaches: '超过服务时限的问题',
    breachesNone: '没有超过服务时限的问题。',
    stuck: '在同一阶段停留超过 {days} 天',
    stuckNone: '没有客户在同一阶段停留 {days} 天以上。',
    since: '{when}进入此阶段',
    dashboards: '团队客户概况',
    nobody: '团队里还没有人有今日待办。',
  },
);

/** An account that has not moved for this long in a working stage is stuck. */
export const STUCK_DAYS = 60;

const pastSla: ReadonlySet<string> = new Set(['ISSUE_PAST_SLA', 'ISSUE_ESCALATED']);

const TeamQuery = graphql(`
  query Team($since: Time!) {
    team { user { id name } total totalAtLeast urgent urgentAtLeast overdueTasks counts { kind count atLeast } }
    stuck: customers(
      first: 10
      where: { stageIn: [CONTACTED, VISITED, SAMPLING, TRIAL, EVALUATION], stageChangedAtLT: $since }
      orderBy: { field: STAGE_CHANGED_AT, direction: ASC }
    ) {
      totalCount
      edges { node { id name stage stageChangedAt owner { id name } } }
    }
  }
`);

export function Team() {
  const [since] = useState(() => new Date(Date.now() - STUCK_DAYS * 86400_000).toISOString());
  const q = useQuery(TeamQuery, { since });
  return (
    <>
      <Header title={t('title')} />
      <main class="content">
        <Query q={q}>
          {(d) => {
            // Counts of the kinds that grow with the book stop at 100 (atLeast): a sum of
            // them is a lower bound, shown "100+".
            const breaches = sumCounts(d.team.flatMap((m) => m.counts), pastSla);
            const stuck = (d.stuck.edges ?? []).map((e) => e!.node!);
            return (
              <>
                <section class="section" aria-labelledby="team-people">
                  <h2 id="team-people">{t('people')}</h2>
                  {!d.team.length ? (
                    <Empty>{t('nobody')}</Empty>
                  ) : (
                    <ul class="list">
                      {d.team.map((m) => {
                        const urgent = countText(m.urgent, m.urgentAtLeast);
                        // Overdue tasks are read whole, never capped.
                        const overdue = String(m.overdueTasks);
                        return (
                          <li key={m.user.id} data-user={m.user.id}>
                            <a class="row" href={`/team/${m.user.id}`}>
                              <span class="row-main">
                                <span class="row-title">{m.user.name}</span>
                                <span class="row-sub">{t('line', { urgent, overdue, total: countText(m.total, m.totalAtLeast) })}</span>
                              </span>
                              {m.urgent > 0 && <span class="count urgent">{urgent}</span>}
                            </a>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </section>
                <section class="section" aria-labelledby="team-sla">
                  <h2 id="team-sla">
                    {t('breaches')} <span class="count">{countText(breaches.count, breaches.atLeast)}</span>
                  </h2>
                  {!breaches.count && <p class="muted">{t('breachesNone')}</p>}
                </section>
                <section class="section" aria-labelledby="team-stuck">
                  <h2 id="team-stuck">
                    {t('stuck', { days: STUCK_DAYS })} <span class="count">{d.stuck.totalCount}</span>
                  </h2>
                  {!stuck.length ? (
                    <p class="muted">{t('stuckNone', { days: STUCK_DAYS })}</p>
                  ) : (
                    <ul class="list">
                      {stuck.map((c) => (
                        <li key={c.id}>
                          <a class="row" href={`/customers/${c.id}`}>
                            <span class="row-main">
                              <span class="row-title">{c.name}</span>
                              <span class="row-sub">
                                {label('CustomerStage', c.stage)} · {t('since', { when: relativeDay(c.stageChangedAt) })}
                                {c.owner ? ` · ${c.owner.name}` : ''}
                              </span>
                            </span>
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
                <ul class="list section">
                  <li>
                    <a class="row" href="/stock">
                      <span class="row-main">
                        <span class="row-title">{tst('link')}</span>
                        <span class="row-sub">{tst('linkHint')}</span>
                      </span>
                    </a>
                  </li>
                </ul>
                <h2 class="section-title">{t('dashboards')}</h2>
                <LazyDashboard />
              </>
            );
          }}
        </Query>
      </main>
    </>
  );
}
