// The revenue concentration (客户集中度) dashboard: the accounts with the largest shares
// of our revenue over the last 12 months, as bars against the threshold from which one
// account is a risk (a line across the bars), each risk also marked in words. Said in
// words for screen readers and listed as a table under "Data", as the other dashboards.

import { formatNumber } from '../lib/i18n';
import { Badge } from '../ui/bits';
import { tcr } from './commercial.i18n';
import { concentrationScale, percent } from './commercialLogic';
import { explorerHref } from './dashboard';

export type ConcentrationRow = { customer: { id: string; name: string }; shareOfOurRevenue: number; revenue: number; currency: string; concentrationRisk: boolean; concentrationThreshold: number };

export const concentrationQuery = '{ revenueConcentration(first: 10) { customer { id name } revenue currency shareOfOurRevenue concentrationRisk concentrationThreshold } }';


export function Concentration({ rows, labels }: { rows: ConcentrationRow[]; labels: { data: string; query: string } }) {
  const threshold = rows[0]?.concentrationThreshold ?? 0.2;
  const scale = concentrationScale(rows, threshold);
  const spoken = rows.map((r) => tcr('concSpoken', { name: r.customer.name, share: percent(r.shareOfOurRevenue) }) + (r.concentrationRisk ? ` (${tcr('concRiskMark')})` : '')).join(', ');
  const at = (v: number) => `${Math.min(100, (v / scale) * 100).toFixed(1)}%`;
  return (
    <section class="section chart-card" aria-labelledby="chart-concentration">
      <h2 id="chart-concentration">{tcr('concTitle')}</h2>
      <div class="card">
        <p class="small muted">{tcr('concIntro', { t: percent(threshold) })}</p>
        {rows.length === 0 ? (
          <p class="muted">{tcr('concNone')}</p>
        ) : (
          <div role="img" aria-label={`${tcr('concTitle')}: ${spoken}. ${tcr('concThreshold', { t: percent(threshold) })}`}>
            {rows.map((r) => (
              <div key={r.customer.id} style={{ margin: '6px 0' }}>
                <span class="small">
                  {r.customer.name} · {percent(r.shareOfOurRevenue)}
                  {r.concentrationRisk && (
                    <>
                      {' '}
                      <Badge tone="bad">{tcr('concRiskMark')}</Badge>
                    </>
                  )}
                </span>
                <span class="cm-bar cm-block">
                  <span class={r.concentrationRisk ? 'bad' : undefined} style={{ width: at(r.shareOfOurRevenue) }} />
                  <i style={{ left: at(threshold) }} />
                </span>
              </div>
            ))}
          </div>
        )}
        <p class="small muted">{tcr('concThreshold', { t: percent(threshold) })}</p>
        <details>
          <summary>{labels.data}</summary>
          <table class="cm-table">
            <thead>
              <tr>
                <th scope="col">{tcr('concAccount')}</th>
                <th scope="col" class="num">
                  {tcr('concShare')}
                </th>
                <th scope="col" class="num">
                  {tcr('concRevenue')}
                </th>
                <th scope="col">{tcr('concRisk')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.customer.id}>
                  <th scope="row">{r.customer.name}</th>
                  <td class="num">{percent(r.shareOfOurRevenue)}</td>
                  <td class="num">
                    {formatNumber(r.revenue, 0)} {r.currency}
                  </td>
                  <td>{r.concentrationRisk ? tcr('concYes') : tcr('concNo')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        <a class="btn" href={explorerHref(concentrationQuery)}>
          {labels.query}
        </a>
      </div>
    </section>
  );
}


