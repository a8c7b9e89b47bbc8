// On an account's first page: its quotations (报价), newest first, each with its number,
// revision, status, validity, currency and how many prices; the price agreements in
// force stand out. Drafts made on this phone and not sent yet show as waiting. Loads
// with its own query, as the contacts do.
import { useEffect } from 'preact/hooks';
import { graphql, type VariablesOf } from '../graphql';
import { label } from '../i18n/enums';
import { formatDate, lang } from '../lib/i18n';
import { queue } from '../lib/offline';
import { prefetch, useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { Badge, Empty, Section } from '../ui/bits';
import { LoadMore, useMore } from '../ui/LoadMore';
import { statusTone } from './quotationLogic';
import { QuotationFormAccount } from './quotationQueries';
import { t } from './quotations.i18n';
import './quotation.css';

export const AccountQuotationsQuery = graphql(`
  query AccountQuotations($id: ID!, $first: Int!, $after: Cursor) {
    node(id: $id) {
      id
      ... on Customer {
        quotations(first: $first, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id number revision status validFrom validUntil currency inForce lines { id } } }
        }
      }
    }
  }
`);

export function AccountQuotations({ id }: { id: string }) {
  useStore(lang);
  const vars: VariablesOf<typeof AccountQuotationsQuery> = { id, first: 10, after: null };
  const q = useQuery(AccountQuotationsQuery, vars);
  const more = useMore(AccountQuotationsQuery, vars, q, (d) => {
    const c = d.node && 'quotations' in d.node ? d.node.quotations : null;
    return {
      items: (c?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
      hasNext: !!c?.pageInfo.hasNextPage,
      end: c?.pageInfo.endCursor,
    };
  });
  const waiting = useStore(queue.items).filter((i) => i.kind === 'quotation' && i.customerID === id);
  const fresh = !!q.data && !q.staleSince;
  useEffect(() => {
    // What the new-quotation form needs, kept for drafting with no network.
    if (fresh) void prefetch(QuotationFormAccount, { id });
  }, [fresh, id]);
  if (!q.data) return null;
  const node = q.data.node && 'quotations' in q.data.node ? q.data.node : null;
  const total = node?.quotations.totalCount ?? 0;
  const inForce = more.items.filter((x) => x.inForce);
  return (
    <Section title={t('sectionTitle')} count={total} id="quotations">
      {inForce.length > 0 && (
        <p class="notice small">{t('agreementsInForce', { list: inForce.map((x) => `${x.number} (${t('rev', { n: x.revision })})`).join(', ') })}</p>
      )}
      {waiting.length > 0 && (
        <ul class="list qt-waiting">
          {waiting.map((i) => (
            <li class="row" key={i.id}>
              <span class="row-main">
                <span class="row-title">{i.label}</span>
                <span class="row-sub">
                  {formatDate(i.vars.input?.validFrom)} – {formatDate(i.vars.input?.validUntil)}
                </span>
              </span>
              <Badge tone={i.status === 'failed' || i.status === 'conflict' ? 'bad' : 'warn'}>{t('waiting')}</Badge>
            </li>
          ))}
        </ul>
      )}
      {more.items.length === 0 && waiting.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        more.items.length > 0 && (
          <ul class="list">
            {more.items.map((x) => (
              <li key={x.id} class={x.inForce ? 'qt-in-force' : undefined}>
                <a class="row" href={`/quotations/${encodeURIComponent(x.id)}`}>
                  <span class="row-main">
                    <span class="row-title">
                      {x.number} · {t('rev', { n: x.revision })}
                    </span>
                    <span class="row-sub">
                      {t('valid', { from: formatDate(x.validFrom), until: formatDate(x.validUntil) })} · {x.currency} · {t('linesN', { n: x.lines?.length ?? 0 })}
                    </span>
                    <span class="qt-badges small">
                      <Badge tone={statusTone(x.status)}>{label('QuotationStatus', x.status)}</Badge>
                      {x.inForce && <Badge tone="good">{t('inForce')}</Badge>}
                    </span>
                  </span>
                  <span class="row-side" aria-hidden="true">
                    ›
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )
      )}
      <LoadMore more={more} />
      <a class="btn" href={`/customers/${encodeURIComponent(id)}/quotations/new`}>
        + {t('add')}
      </a>
    </Section>
  );
}
