// Exchange rates (币种): the dated history admins keep (setExchangeRate) and managers
// and analysts read; figures in other currencies are converted with the rate valid at
// their date (domain/money). Rates are never edited: a new one supersedes from its day.
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { request } from '../lib/api';
import { formatDate, formatNumber, messages } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { Empty, ErrorBox, Query, Section } from '../ui/bits';

const t = messages(
  'rates',
  {
    title: 'Exchange rates',
    explain: 'Amounts in other currencies are converted with the rate valid at their date. A new rate applies from its day; rates are never edited.',
    none: 'No rates yet: amounts in other currencies are shown per currency, not converted.',
    line: '1 {from} = {rate} {to} from {when}',
    from: 'From currency',
    to: 'To currency',
    rate: 'Rate',
    validFrom: 'Valid from',
    source: 'Source',
    add: 'Record rate',
    saving: 'Saving…',
  },
  {
    title: '汇率',
    explain: '其他币种的金额按其日期有效的汇率折算。新汇率自其生效日起适用；汇率不可修改。',
    none: '尚无汇率：其他币种的金额按币种分别显示，不折算。',
    line: '{when} 起 1 {from} = {rate} {to}',
    from: '原币种',
    to: '目标币种',
    rate: '汇率',
    validFrom: '生效日期',
    source: '来源',
    add: '记录汇率',
    saving: '保存中…',
  },
);

const RatesQuery = graphql(`
  query ExchangeRates {
    exchangeRates(first: 50, orderBy: { field: VALID_FROM, direction: DESC }) {
      edges { node { id fromCurrency toCurrency rate validFrom source } }
    }
  }
`);

const SetRate = graphql(`
  mutation SetExchangeRate($in: SetExchangeRateInput!) {
    setExchangeRate(input: $in) { id }
  }
`);

/** The rates section of Settings: listed for admins and managers, recorded by admins. */
export function ExchangeRates({ canWrite }: { canWrite: boolean }) {
  const q = useQuery(RatesQuery, {});
  const [f, setF] = useState({ from: 'USD', to: 'CNY', rate: '', validFrom: new Date().toISOString().slice(0, 10), source: '' });
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>();
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setErr(undefined);
    try {
      await request(SetRate, {
        in: { fromCurrency: f.from, toCurrency: f.to, rate: Number(f.rate), validFrom: f.validFrom + 'T00:00:00Z', source: f.source || null },
      });
      setF({ ...f, rate: '', source: '' });
      await q.refetch();
    } catch (x) {
      setErr(x);
    } finally {
      setBusy(false);
    }
  }
  const field = (k: keyof typeof f, type = 'text') => (
    <label class="field">
      <span>{t(k === 'validFrom' ? 'validFrom' : k)}</span>
      <input type={type} value={f[k]} step={type === 'number' ? 'any' : undefined} onInput={(e) => setF({ ...f, [k]: (e.target as HTMLInputElement).value })} />
    </label>
  );
  return (
    <Section title={t('title')} id="rates">
      <p class="small">{t('explain')}</p>
      <Query q={q}>
        {(d) =>
          d.exchangeRates.edges?.length ? (
            <ul class="list">
              {d.exchangeRates.edges.map((e) =>
                e?.node ? (
                  <li key={e.node.id} class="row">
                    <span class="row-main">
                      <span class="row-title">
                        {t('line', { from: e.node.fromCurrency, to: e.node.toCurrency, rate: formatNumber(e.node.rate, 4), when: formatDate(e.node.validFrom) })}
                      </span>
                      {e.node.source && <span class="row-sub">{e.node.source}</span>}
                    </span>
                  </li>
                ) : null,
              )}
            </ul>
          ) : (
            <Empty>{t('none')}</Empty>
          )
        }
      </Query>
      {canWrite && (
        <form onSubmit={(e) => void submit(e)}>
          {field('from')}
          {field('to')}
          {field('rate', 'number')}
          {field('validFrom', 'date')}
          {field('source')}
          {err !== undefined && <ErrorBox error={err} />}
          <button class="btn primary block" type="submit" disabled={busy || !f.rate}>
            {busy ? t('saving') : t('add')}
          </button>
        </form>
      )}
    </Section>
  );
}
