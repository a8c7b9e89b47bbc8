// The printed quotation (报价单) a rep hands to the customer, in Chinese or English as
// chosen on the page (whatever the app's language): our number and revision, the
// customer, the date, the prices by product and quantity break, the terms, the
// validity and the notes. Nothing internal: not who prepared it, not the customer's
// answer or its note, not the status. Printed on A4 (report.css, quotation.css).
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { enumEn, enumZh } from '../i18n/enums';
import type { Lang } from '../lib/i18n';
import { lang as appLang } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { useQueryParam } from '../lib/router';
import { useStore } from '../lib/store';
import { ErrorBox, Query } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import { breakKind, groupLines, type Break, type QuotedLine } from './quotationLogic';
import { QuotationQuery, asQuotation, type QuotationNode } from './QuotationDetail';
import { t, tp } from './quotations.i18n';
import './report.css';
import './quotation.css';

const LANGS: { l: Lang; name: string }[] = [
  { l: 'zh', name: '中文' },
  { l: 'en', name: 'English' },
];

const locale = (l: Lang) => (l === 'zh' ? 'zh-CN' : 'en-GB');
const day = (l: Lang, iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString(locale(l), { year: 'numeric', month: 'long', day: 'numeric' }) : '');
const number = (l: Lang, n: number, digits: number) => n.toLocaleString(l === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits });
const enumIn = (l: Lang, e: string, v: string) => (l === 'zh' ? enumZh : enumEn)[e]?.[v] ?? enumEn[e]?.[v] ?? v;

function quantity(l: Lang, b: Break<QuotedLine>, unit: string): string {
  const from = number(l, b.from, 3);
  const to = b.to == null ? '' : number(l, b.to, 3);
  switch (breakKind(b)) {
    case 'any':
      return tp(l, 'qtyAny');
    case 'below':
      return tp(l, 'qtyBelow', { to, unit });
    case 'range':
      return tp(l, 'qtyRange', { from, to, unit });
    default:
      return tp(l, 'qtyFrom', { from, unit });
  }
}

/** Page numbers in the printed margins, in the print's language. */
function PageMarks({ l, number: no }: { l: Lang; number: string }) {
  const q = (s: string) => JSON.stringify(s.replace(/["\\]/g, ''));
  const [before, after = ''] = tp(l, 'pageOf').split('{n}');
  const [mid, end = ''] = after.split('{total}');
  return (
    <style>{`@page { @bottom-left { content: ${q(no)}; font-size: 8pt; color: #555; } @bottom-right { content: ${q(before)} counter(page) ${q(mid)} counter(pages) ${q(end)}; font-size: 8pt; color: #555; } }`}</style>
  );
}

function Printed({ q, l }: { q: QuotationNode; l: Lang }) {
  const groups = groupLines(q.lines ?? []);
  const noted = (q.lines ?? []).some((x) => x.note);
  const customer = l === 'en' && q.customer.nameEn ? q.customer.nameEn : q.customer.name;
  const payment = [q.paymentDays != null ? tp(l, 'paymentDays', { n: q.paymentDays }) : '', q.paymentTerms ?? ''].filter(Boolean).join(l === 'zh' ? '；' : '; ');
  const terms: [string, string][] = [
    [tp(l, 'number'), q.revision > 1 ? `${q.number} · ${tp(l, 'rev', { n: q.revision })}` : q.number],
    [tp(l, 'to'), customer],
    [tp(l, 'date'), day(l, q.sentAt ?? new Date().toISOString())],
    [tp(l, 'validity'), tp(l, 'range', { from: day(l, q.validFrom), until: day(l, q.validUntil) })],
    [tp(l, 'currency'), q.currency],
  ];
  if (q.incoterm) terms.push([tp(l, 'incoterm'), [enumIn(l, 'QuotationIncoterm', q.incoterm), q.incotermPlace].filter(Boolean).join(' ')]);
  if (payment) terms.push([tp(l, 'payment'), payment]);
  return (
    <>
      <PageMarks l={l} number={q.revision > 1 ? `${q.number} · ${tp(l, 'rev', { n: q.revision })}` : q.number} />
      <header class="rp-head">
        <h1>{tp(l, 'title')}</h1>
        <dl class="rp-facts qt-print-facts">
          {terms.map(([k, v]) => (
            <Fragment key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </Fragment>
          ))}
        </dl>
      </header>
      <section class="rp-sec">
        {/* Focusable: a keyboard can scroll the table sideways on a phone too. */}
        <div class="rp-scroll" tabIndex={0} role="group" aria-label={tp(l, 'prices')}>
          <table class="rp-table qt-print-table">
            <thead>
              <tr>
                <th scope="col">{tp(l, 'product')}</th>
                <th scope="col">{tp(l, 'qty')}</th>
                <th scope="col" class="num">
                  {tp(l, 'price', { currency: q.currency })}
                </th>
                {noted && <th scope="col">{tp(l, 'note')}</th>}
              </tr>
            </thead>
            {groups.map((g) => (
              <tbody key={g.key}>
                {g.breaks.map((b, i) => (
                  <tr key={b.line.id}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={g.breaks.length}>
                        {g.product.name}
                        <span class="rp-muted rp-small qt-print-code">
                          {g.product.code}
                          {g.grade ? ` · ${tp(l, 'grade')} ${g.grade}` : ''}
                        </span>
                      </th>
                    )}
                    <td>{quantity(l, b, g.unit)}</td>
                    <td class="num">{tp(l, 'perUnit', { price: number(l, b.line.unitPrice, 4), unit: g.unit })}</td>
                    {noted && <td>{b.line.note ?? ''}</td>}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      </section>
      {q.notes && (
        <section class="rp-sec" aria-labelledby="qt-print-notes">
          <h2 id="qt-print-notes">{tp(l, 'notes')}</h2>
          <p class="rp-text">{q.notes}</p>
        </section>
      )}
      <footer class="rp-foot">{tp(l, 'footer')}</footer>
    </>
  );
}

export function QuotationPrint({ qid }: { qid: string }) {
  const app = useStore(appLang);
  const asked = useQueryParam('lang');
  const [l, setL] = useState<Lang>(asked === 'en' || asked === 'zh' ? asked : app);
  const q = useQuery(QuotationQuery, { id: qid });
  const x = asQuotation(q.data);
  useEffect(() => {
    const before = document.title;
    document.title = x ? `${tp(l, 'title')} ${x.number} — ${x.customer.name}` : tp(l, 'title');
    return () => {
      document.title = before;
    };
  }, [x, l]);

  return (
    <div class="report-page">
      <header class="report-bar qt-print-bar no-print">
        <a class="btn" href={`/quotations/${encodeURIComponent(qid)}`} aria-label={t('back')}>
          <span aria-hidden="true">←</span> {tc('back')}
        </a>
        <div class="qt-lang" role="group" aria-label={t('printLang')}>
          {LANGS.map((o) => (
            <button key={o.l} type="button" class="btn" lang={o.l === 'zh' ? 'zh-CN' : 'en'} aria-pressed={l === o.l} onClick={() => setL(o.l)}>
              {o.name}
            </button>
          ))}
        </div>
        <button type="button" class="btn primary" onClick={() => window.print()}>
          {t('print')}
        </button>
      </header>
      <main class="report qt-print" id="main" lang={l === 'zh' ? 'zh-CN' : 'en'}>
        <Query q={q}>{() => (x ? <Printed q={x} l={l} /> : <ErrorBox error={new Error(t('notFound'))} />)}</Query>
      </main>
    </div>
  );
}
