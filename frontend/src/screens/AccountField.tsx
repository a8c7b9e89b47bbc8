// On an account's first page: its competitors (main one first) and its entry points with
// our advantages, each opening its form; those added on this phone and not sent yet show
// at once, marked as waiting; and the way to add one. WaitingRows also serves the orders.
import { graphql } from '../graphql';
import { formatNumber, lang } from '../lib/i18n';
import { queue } from '../lib/offline';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Badge, Empty, Section } from '../ui/bits';
import { byShare } from './fieldLogic';
import { advantageName, tf } from './field.i18n';

const AccountFieldQuery = graphql(`
  query AccountField($id: ID!) {
    node(id: $id) {
      id
      ... on Customer {
        competitors(first: 50, orderBy: { field: CREATED_AT, direction: ASC }) { edges { node { id name product pricePosition sharePercent } } }
        pitches(first: 20, orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { id entryPoint advantages detail active } } }
      }
    }
  }
`);

/** Items of one kind made on this phone for the account and not sent yet (or parked). */
export function WaitingRows({ id, kind, title, sub }: { id: string; kind: string; title: (input: any) => string; sub?: (input: any) => string }) {
  useStore(lang);
  const items = useStore(queue.items).filter((i) => i.kind === kind && i.customerID === id);
  if (!items.length) return null;
  return (
    <ul class="list" data-waiting={kind}>
      {items.map((i) => {
        const input = i.vars.input ?? {};
        const parked = i.status === 'failed' || i.status === 'conflict';
        return (
          <li key={i.id} class="row">
            <span class="row-main">
              <span class="row-title">{title(input)}</span>
              {sub && <span class="row-sub">{sub(input)}</span>}
            </span>
            <Badge tone={parked ? 'bad' : 'warn'}>{parked ? tf('attention') : tf('waiting')}</Badge>
          </li>
        );
      })}
    </ul>
  );
}

type Comp = { name: string; product?: string | null; pricePosition?: string | null; sharePercent?: number | null };

function competitorLine(c: Comp): string {
  return [c.product, c.pricePosition ? tf('priceIs', { p: label('CompetitorPricePosition', c.pricePosition) }) : '', c.sharePercent != null ? tf('shareIs', { n: formatNumber(c.sharePercent, 1) }) : '']
    .filter(Boolean)
    .join(' · ');
}

const advantagesLine = (a: readonly string[] | null | undefined) => (a ?? []).map(advantageName).join(' · ');

export function AccountField({ id }: { id: string }) {
  useStore(lang);
  const q = useQuery(AccountFieldQuery, { id });
  const c = q.data?.node && 'competitors' in q.data.node ? q.data.node : null;
  const competitors = byShare((c?.competitors.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])));
  const pitches = (c?.pitches.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])).sort((a, b) => Number(b.active) - Number(a.active));
  return (
    <>
      <Section title={tf('competitors')} count={c ? competitors.length : undefined} id="competitors">
        <WaitingRows id={id} kind="competitor" title={(i) => i.name} sub={competitorLine} />
        {c && !competitors.length && <Empty>{tf('noCompetitors')}</Empty>}
        {competitors.length > 0 && (
          <ul class="list" data-testid="competitors">
            {competitors.map((x) => (
              <li key={x.id}>
                <a class="row" href={`/customers/${id}/competitors/${x.id}`}>
                  <span class="row-main">
                    <span class="row-title">
                      <span class="sr-only">{tf('editCompetitorOf', { name: '' })}</span>
                      {x.name}
                    </span>
                    <span class="row-sub">{competitorLine(x)}</span>
                  </span>
                  <span class="row-side" aria-hidden="true">
                    ›
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
        <a class="btn" href={`/customers/${id}/competitors/new`}>
          ＋ {tf('addCompetitor')}
        </a>
      </Section>
      <Section title={tf('pitches')} count={c ? pitches.length : undefined} id="pitches">
        <WaitingRows id={id} kind="pitch" title={(i) => label('PitchEntryPoint', i.entryPoint)} sub={(i) => advantagesLine(i.advantages)} />
        {c && !pitches.length && <Empty>{tf('noPitches')}</Empty>}
        {pitches.length > 0 && (
          <ul class="list" data-testid="pitches">
            {pitches.map((p) => {
              const name = label('PitchEntryPoint', p.entryPoint);
              return (
                <li key={p.id}>
                  <a class="row" href={`/customers/${id}/pitches/${p.id}`}>
                    <span class="row-main">
                      <span class="row-title">
                        <span class="sr-only">{tf('editPitchOf', { name: '' })}</span>
                        {name} {!p.active && <Badge>{tf('inactive')}</Badge>}
                      </span>
                      {!!p.advantages?.length && <span class="row-sub">{advantagesLine(p.advantages)}</span>}
                      {p.detail && <span class="row-sub">{p.detail}</span>}
                    </span>
                    <span class="row-side" aria-hidden="true">
                      ›
                    </span>
                  </a>
                </li>
              );
            })}
          </ul>
        )}
        <a class="btn" href={`/customers/${id}/pitches/new`}>
          ＋ {tf('addPitch')}
        </a>
      </Section>
    </>
  );
}
