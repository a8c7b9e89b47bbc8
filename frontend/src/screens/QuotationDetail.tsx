// One quotation (报价): its number, revision, status and validity, its terms, the prices
// by product as quantity breaks, the customer's answer, the revision before and after
// it, and what can be done now (QuotationActions); a way to the printed quotation.
import type { ComponentChildren } from 'preact';
import { graphql, type ResultOf } from '../graphql';
import { label } from '../i18n/enums';
import { formatDate, formatNumber, lang } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { Badge, ErrorBox, Query, Section } from '../ui/bits';
import { Header } from '../ui/Layout';
import { breakKind, groupLines, statusTone, type Break, type QuotedLine } from './quotationLogic';
import { QuotationActions } from './QuotationActions';
import { t } from './quotations.i18n';
import './quotation.css';

export const QuotationQuery = graphql(`
  query QuotationDetail($id: ID!) {
    node(id: $id) {
      __typename
      ... on Quotation {
        id version number revision status currency incoterm incotermPlace paymentDays paymentTerms validFrom validUntil notes
        sentAt decidedAt decidedBy decisionNote decidedVia inForce createdAt
        customer { id name nameEn contacts(first: 50, orderBy: { field: NAME, direction: ASC }) { edges { node { id name } } } }
        sample { id status requestedAt product { name } }
        previous { id revision status }
        revisedBy { id revision status }
        createdBy { id name }
        lines { id grade minQuantity unit unitPrice note product { id code name } }
      }
    }
  }
`);

export type QuotationNode = Extract<NonNullable<ResultOf<typeof QuotationQuery>['node']>, { __typename: 'Quotation' }>;

export function asQuotation(d: ResultOf<typeof QuotationQuery> | undefined): QuotationNode | undefined {
  const n = d?.node;
  return n && n.__typename === 'Quotation' ? (n as QuotationNode) : undefined;
}

/** A break's quantities in words (the page's language). */
export function quantityText(b: Break<QuotedLine>, unit: string): string {
  const from = formatNumber(b.from, 3);
  const to = b.to == null ? '' : formatNumber(b.to, 3);
  switch (breakKind(b)) {
    case 'any':
      return t('qtyAny');
    case 'below':
      return t('qtyBelow', { to, unit });
    case 'range':
      return t('qtyRange', { from, to, unit });
    default:
      return t('qtyFrom', { from, unit });
  }
}

export function QuotationLinesTable({ q }: { q: QuotationNode }) {
  const groups = groupLines(q.lines ?? []);
  return (
    <>
      {groups.map((g) => (
        <div class="card qt-group" key={g.key}>
          <h3>
            {g.product.code} {g.product.name}
            {g.grade && <span class="muted small"> · {t('grade', { g: g.grade })}</span>}
          </h3>
          <table class="qt-table">
            <thead>
              <tr>
                <th scope="col">{t('qtyCol')}</th>
                <th scope="col" class="num">
                  {t('priceCol')}
                </th>
              </tr>
            </thead>
            <tbody>
              {g.breaks.map((b) => (
                <tr key={b.line.id}>
                  <th scope="row">
                    {quantityText(b, g.unit)}
                    {b.line.note && <span class="muted small qt-note">{b.line.note}</span>}
                  </th>
                  <td class="num">{t('pricePer', { price: formatNumber(b.line.unitPrice, 4), currency: q.currency, unit: g.unit })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}

function Revision({ r }: { r: { id: string; revision: number; status: string } }) {
  return <a href={`/quotations/${encodeURIComponent(r.id)}`}>{t('revLink', { n: r.revision, status: label('QuotationStatus', r.status) })}</a>;
}

function Facts({ q }: { q: QuotationNode }) {
  const payment = [q.paymentDays != null ? t('paymentDays', { n: q.paymentDays }) : '', q.paymentTerms ?? ''].filter(Boolean).join(' · ');
  const row = (dt: string, dd: ComponentChildren) => (
    <>
      <dt>{dt}</dt>
      <dd>{dd}</dd>
    </>
  );
  return (
    <div class="card">
      <p class="qt-badges">
        <Badge tone={statusTone(q.status)}>{label('QuotationStatus', q.status)}</Badge>
        {q.inForce && <Badge tone="good">{t('inForce')}</Badge>}
      </p>
      <dl class="kv">
        {row(t('customer'), <a href={`/customers/${encodeURIComponent(q.customer.id)}`}>{q.customer.name}</a>)}
        {row(t('revision'), t('rev', { n: q.revision }))}
        {row(t('validity'), t('range', { from: formatDate(q.validFrom), until: formatDate(q.validUntil) }))}
        {row(t('currency'), q.currency)}
        {q.incoterm && row(t('incoterm'), [label('QuotationIncoterm', q.incoterm), q.incotermPlace].filter(Boolean).join(' · '))}
        {payment && row(t('payment'), payment)}
        {q.sample &&
          row(
            t('sample'),
            <a href={`/samples/${encodeURIComponent(q.sample.id)}`}>
              {q.sample.product.name} · {label('SampleStatus', q.sample.status)}
            </a>,
          )}
        {q.sentAt && row(t('sentAt'), formatDate(q.sentAt, true))}
        {q.decidedAt && row(t('answer'), t('answerBy', { who: q.decidedBy ?? '', when: formatDate(q.decidedAt, true) }))}
        {q.decisionNote && row(t('decisionNote'), <span class="qt-pre">{q.decisionNote}</span>)}
        {q.decidedVia && row(t('recordedVia'), label('QuotationDecidedVia', q.decidedVia))}
        {q.createdBy && row(t('createdBy'), q.createdBy.name)}
        {q.previous && row(t('previous'), <Revision r={q.previous} />)}
        {q.revisedBy && row(t('revisedBy'), <Revision r={q.revisedBy} />)}
        {q.notes && row(t('notes'), <span class="qt-pre">{q.notes}</span>)}
      </dl>
    </div>
  );
}

export function QuotationDetail({ qid }: { qid: string }) {
  useStore(lang);
  const q = useQuery(QuotationQuery, { id: qid });
  const x = asQuotation(q.data);
  return (
    <>
      <Header title={x ? t('title', { number: x.number }) : t('titlePlain')} back={x ? `/customers/${encodeURIComponent(x.customer.id)}` : '/accounts'} />
      <main class="content">
        <Query q={q}>
          {() =>
            !x ? (
              <ErrorBox error={new Error(t('notFound'))} />
            ) : (
              <>
                <Facts q={x} />
                <Section title={t('lines')} count={x.lines?.length ?? 0} id="qt-prices">
                  <QuotationLinesTable q={x} />
                </Section>
                <QuotationActions q={x} stale={!!q.staleSince} refetch={q.refetch} />
                <p>
                  <a class="btn block" href={`/quotations/${encodeURIComponent(x.id)}/print`}>
                    {t('print')}
                  </a>
                </p>
              </>
            )
          }
        </Query>
      </main>
    </>
  );
}
