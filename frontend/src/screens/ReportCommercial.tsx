// The printed customer report's dependence (依赖度) — our share of the account's use, its
// share of our revenue, the concentration risk — and its joint projects (合作项目) with
// kind, status and milestones done of all. Drawn as the report's other sections.
import type { ComponentChildren } from 'preact';
import { label } from '../i18n/enums';
import { formatNumber, messages } from '../lib/i18n';
import { Badge } from '../ui/bits';
import { milestoneCount, percent } from './commercialLogic';

const t = messages(
  'reportCommercial',
  {
    dependence: 'Dependence',
    ourShare: 'Our share of their use',
    ourShareOf: '{share} ({our} kg of an estimated {their} kg a year)',
    noEstimate: 'not known: no estimate of their yearly use',
    theirShare: 'Their share of our revenue',
    risk: 'Concentration risk: at or above {t} of our revenue',
    noRisk: 'No concentration risk (threshold {t})',
    projects: 'Joint projects',
    none: 'None.',
    project: 'Project',
    kind: 'Kind',
    status: 'Status',
    milestones: 'Milestones done',
    of: '{done} of {total}',
  },
  {
    dependence: '依赖度',
    ourShare: '我们在其用量中的份额',
    ourShareOf: '{share}（{our} kg / 估计年用量 {their} kg）',
    noEstimate: '未知：尚未估计其年用量',
    theirShare: '占我们收入的份额',
    risk: '集中度风险：占我们收入 {t} 及以上',
    noRisk: '无集中度风险（阈值 {t}）',
    projects: '合作项目',
    none: '无。',
    project: '项目',
    kind: '类型',
    status: '状态',
    milestones: '已完成里程碑',
    of: '{done}/{total}',
  },
);

type Dep = { ourKg: number; annualDemandKg?: number | null; ourShareOfTheirUse?: number | null; shareOfOurRevenue: number; concentrationRisk: boolean; concentrationThreshold: number };
type Proj = { id: string; title: string; kind: string; status: string; milestones?: { doneAt?: string | null }[] | null };

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

export function ReportDependence({ d }: { d: Dep }) {
  return (
    <Sec id="dependence" title={t('dependence')}>
      <dl class="rp-facts">
        <dt>{t('ourShare')}</dt>
        <dd>
          {d.ourShareOfTheirUse != null
            ? t('ourShareOf', { share: percent(d.ourShareOfTheirUse), our: formatNumber(d.ourKg, 0), their: formatNumber(d.annualDemandKg, 0) })
            : t('noEstimate')}
        </dd>
        <dt>{t('theirShare')}</dt>
        <dd>
          {percent(d.shareOfOurRevenue)}{' '}
          {d.concentrationRisk ? (
            <Badge tone="bad">{t('risk', { t: percent(d.concentrationThreshold) })}</Badge>
          ) : (
            <span>{t('noRisk', { t: percent(d.concentrationThreshold) })}</span>
          )}
        </dd>
      </dl>
    </Sec>
  );
}

export function ReportProjects({ list }: { list: Proj[] }) {
  return (
    <Sec id="projects" title={t('projects')} count={list.length}>
      {!list.length ? (
        <p class="rp-none">{t('none')}</p>
      ) : (
        <div class="rp-scroll" tabIndex={0} role="group" aria-label={t('projects')}>
          <table class="rp-table">
            <thead>
              <tr>
                <th scope="col">{t('project')}</th>
                <th scope="col">{t('kind')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('milestones')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.title}</th>
                  <td>{label('ProjectKind', p.kind)}</td>
                  <td>{label('ProjectStatus', p.status)}</td>
                  <td>{t('of', milestoneCount(p.milestones))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Sec>
  );
}
