// On an account's first page: its credit and terms (信用与账期) — payment terms, the
// credit limit, what it owes us now and what is left, receipts past due — and how much
// it depends on us and we on it (依赖度): our share of its use (from the rep's estimate),
// its share of our revenue, the concentration risk. Loads with its own query.
import { graphql, type ResultOf } from '../graphql';
import { session } from '../lib/api';
import { formatNumber, lang } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { Badge, Section } from '../ui/bits';
import { tcr } from './commercial.i18n';
import { availableTone, percent } from './commercialLogic';

export const AccountCreditQuery = graphql(`
  query AccountCredit($id: ID!) {
    node(id: $id) {
      id
      ... on Customer {
        name version paymentDays creditLimit creditCurrency annualDemandKg
        creditLine { limit currency open available orders unconverted overdue paymentDays }
        dependence { ourKg annualDemandKg ourShareOfTheirUse revenue shareOfOurRevenue currency unconverted concentrationRisk concentrationThreshold }
      }
    }
  }
`);

export type CreditCustomer = Extract<NonNullable<ResultOf<typeof AccountCreditQuery>['node']>, { creditLine: unknown }>;

export function asCreditCustomer(d: ResultOf<typeof AccountCreditQuery> | undefined): CreditCustomer | null {
  return d?.node && 'creditLine' in d.node ? (d.node as CreditCustomer) : null;
}

const money = (n: number | null | undefined, cur: string) => (n == null ? '' : `${formatNumber(n, 2)} ${cur}`);

/** Who may change an account's terms: not an analyst or a partner (they read). */
export function editsAccounts(role: string | undefined): boolean {
  return role !== 'ANALYST' && role !== 'PARTNER';
}

export function AccountCredit({ id }: { id: string }) {
  useStore(lang);
  const role = useStore(session)?.user.role;
  const q = useQuery(AccountCreditQuery, { id });
  const c = asCreditCustomer(q.data);
  if (!c) return null;
  const cl = c.creditLine;
  const dep = c.dependence;
  const tone = availableTone(cl.limit, cl.available);
  return (
    <Section title={tcr('creditTitle')} id="credit">
      <div class="card">
        <dl class="kv">
          <dt>{tcr('paymentDays')}</dt>
          <dd>{cl.paymentDays != null ? tcr('days', { n: cl.paymentDays }) : tcr('noTerms')}</dd>
          <dt>{tcr('creditLimit')}</dt>
          <dd data-testid="credit-limit">{cl.limit != null ? money(cl.limit, cl.currency) : tcr('noLimit')}</dd>
          <dt>{tcr('open')}</dt>
          <dd>
            {money(cl.open, cl.currency)} <span class="muted small">{tcr('ordersN', { n: cl.orders })}</span>
            {cl.unconverted > 0 && <span class="small muted cm-block">{tcr('unconverted', { n: cl.unconverted })}</span>}
          </dd>
          {cl.available != null && (
            <>
              <dt>{tcr('available')}</dt>
              <dd class={tone === 'bad' ? 'late' : undefined}>
                {money(cl.available, cl.currency)} {tone === 'bad' && <Badge tone="bad">{tcr('overLimit')}</Badge>}
                {tone === 'warn' && <Badge tone="warn">{tcr('nearLimit')}</Badge>}
              </dd>
            </>
          )}
          <dt>{tcr('overdue')}</dt>
          <dd>{cl.overdue > 0 ? <Badge tone="bad">{tcr('overdueN', { n: cl.overdue })}</Badge> : tcr('noneOverdue')}</dd>
        </dl>
      </div>
      <div class="card">
        <h3>{tcr('dependenceTitle')}</h3>
        <dl class="kv">
          <dt>{tcr('ourShare')}</dt>
          <dd>
            {dep.ourShareOfTheirUse != null ? (
              <>
                {percent(dep.ourShareOfTheirUse)}{' '}
                <span class="muted small">{tcr('ourShareOf', { our: formatNumber(dep.ourKg, 0), their: formatNumber(dep.annualDemandKg, 0) })}</span>
              </>
            ) : (
              <span class="muted">{tcr('noEstimate', { our: formatNumber(dep.ourKg, 0) })}</span>
            )}
          </dd>
          <dt>{tcr('theirShare')}</dt>
          <dd>
            {percent(dep.shareOfOurRevenue)} <span class="muted small">{tcr('revenue', { v: money(dep.revenue, dep.currency) })}</span>{' '}
            {dep.concentrationRisk ? (
              <Badge tone="bad">{tcr('risk', { t: percent(dep.concentrationThreshold) })}</Badge>
            ) : (
              <Badge tone="good">{tcr('noRisk')}</Badge>
            )}
            {dep.unconverted > 0 && <span class="small muted cm-block">{tcr('unconverted', { n: dep.unconverted })}</span>}
          </dd>
        </dl>
      </div>
      {editsAccounts(role) && (
        <a class="btn" href={`/customers/${encodeURIComponent(id)}/credit`}>
          {tcr('edit')}
        </a>
      )}
    </Section>
  );
}
