import { useEffect, useMemo, useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { newId, request, session } from '../lib/api';
import { queue } from '../lib/offline';
import { useStore } from '../lib/store';
import { setTodayBadge } from '../lib/badge';
import { countText } from '../lib/count';
import { formatTime, relativeDay } from '../lib/i18n';
import { prefetch, useQuery } from '../lib/query';
import { label } from '../i18n/enums';
import { Empty, ErrorBox, Query } from '../ui/bits';
import { Header } from '../ui/Layout';
import { tc } from '../ui/common.i18n';
import { itemKey, moreLeft, planParts } from './todayPlan';
import { LazyDashboard } from './LazyDashboard';
import { TodayRow, type Item } from './TodayRow';
import { t } from './today.i18n';

export { hrefFor } from './TodayRow';

// The server sends the most urgent few of each kind, ordered as a plan; counts count
// them all (the kinds that grow with the book up to 100, then atLeast: "100+"), and the
// rest of a kind comes with TodayKindQuery when the rep asks for it.
export const TodayItemFields = graphql(`
  fragment TodayItemFields on TodayItem @_unmask {
    kind title reason due urgency members phone
    node { __typename id ... on Task { version } }
    customer { id name }
  }
`);

export const TodayQuery = graphql(
  `
  query Today {
    me { id name }
    today { total totalAtLeast counts { kind count atLeast } items { ...TodayItemFields } }
  }
`,
  [TodayItemFields],
);

export const TodayKindQuery = graphql(
  `
  query TodayKind($kind: TodayKind!, $first: Int!, $offset: Int!, $userID: ID) {
    today(kind: $kind, first: $first, offset: $offset, userID: $userID) { items { ...TodayItemFields } }
  }
`,
  [TodayItemFields],
);

/** Keep the accounts on today's list readable offline (at most hourly, at most 10). */
async function keepForOffline(ids: string[]): Promise<void> {
  const mark = 'today.kept';
  const last = Number(sessionStorage.getItem(mark) ?? 0);
  if (Date.now() - last < 3600_000) return;
  sessionStorage.setItem(mark, String(Date.now()));
  const { AccountQuery } = await import('./Account');
  for (const id of [...new Set(ids)].slice(0, 10)) await prefetch(AccountQuery, { id });
}

export function Today() {
  const q = useQuery(TodayQuery, {});
  useEffect(() => {
    if (!q.data) return;
    setTodayBadge(q.data.today.total, q.data.today.totalAtLeast);
    if (q.staleSince) return;
    // Once the screen has settled, quietly keep today's accounts for offline use.
    const ids = q.data.today.items.map((i) => i.customer?.id).filter((x): x is string => !!x);
    const h = setTimeout(() => void keepForOffline(ids), 8000);
    return () => clearTimeout(h);
  }, [q.data]);
  return (
    <>
      <Header title={t('title')} />
      <main class="content">
        <Query q={q}>
          {(d) => (
            <>
              <p class="muted">{t('hello', { name: d.me.name === 'Administrator' ? t('firstAdmin') : d.me.name })}</p>
              <Plan today={d.today} />
            </>
          )}
        </Query>
      </main>
    </>
  );
}

export type TodayData = { total: number; totalAtLeast: boolean; counts: { kind: string; count: number; atLeast: boolean }[]; items: Item[] };

/** The dashboards for an analyst, whose Today has nothing to do. */
function AnalystHome() {
  return (
    <>
      <div class="card">
        <p>{t('analystClear')}</p>
        <a class="btn primary block" href="/explorer">
          {t('explorer')}
        </a>
        <a class="btn block" href="/stock" style={{ marginTop: '8px' }}>
          {t('stockPlan')}
        </a>
      </div>
      <LazyDashboard />
    </>
  );
}

/**
 * The plan: what to act on first, today's schedule, this week's follow-ups; then the
 * counts by kind. `userID`: another person's list (a manager's view), read only.
 */
export function Plan({ today, userID }: { today: TodayData; userID?: string }) {
  const [more, setMore] = useState<Item[]>([]);
  // The kinds whose last "more" came back short: nothing more to ask for.
  const [ended, setEnded] = useState<ReadonlySet<string>>(new Set());
  const [snoozed, setSnoozed] = useState<{ item: Item; until: Date; queued: string } | null>(null);
  // A new Today (refetched, or read back from the offline copy) starts again.
  useEffect(() => {
    setMore([]);
    setEnded(new Set());
  }, [today]);
  const waiting = useStore(queue.items);
  const hidden = useMemo(
    () => new Set(waiting.filter((w) => w.kind === 'snooze').map((w) => `${w.vars.kind}:${w.vars.id}`)),
    [waiting],
  );
  const parts = planParts([...today.items, ...more], hidden);
  if (!today.total) {
    return !userID && session.get()?.user.role === 'ANALYST' ? <AnalystHome /> : <Empty>{t('allClear')}</Empty>;
  }
  async function snooze(item: Item, until: Date) {
    const queued = newId();
    await queue.enqueue({ id: queued, kind: 'snooze', label: item.title, customerID: item.customer?.id, recordID: item.node.id,
      vars: { kind: item.kind, id: item.node.id, until: until.toISOString() } });
    setSnoozed({ item, until, queued });
  }
  // Undo: drop the snooze if it still waits, and lift it on the server if it went.
  async function undo() {
    if (!snoozed) return;
    const { item, queued } = snoozed;
    setSnoozed(null);
    if (queue.items.get().some((w) => w.id === queued)) await queue.discard(queued);
    await queue.enqueue({ id: newId(), kind: 'unsnooze', label: item.title, recordID: item.node.id, vars: { kind: item.kind, id: item.node.id } });
  }
  const shown = (kind: string) => [...today.items, ...more].filter((i) => i.kind === kind).length;
  return (
    <>
      {snoozed && (
        <p class="notice" role="status">
          {t('snoozed', { title: snoozed.item.title, when: `${relativeDay(snoozed.until.toISOString())} ${formatTime(snoozed.until.toISOString())}` })}{' '}
          <button type="button" class="btn" onClick={() => void undo()}>
            {t('undo')}
          </button>
        </p>
      )}
      {parts.map((p) => (
        <section key={p.urgency} class="section" aria-labelledby={'u-' + p.urgency}>
          <h2 id={'u-' + p.urgency}>{t(p.urgency)}</h2>
          <ul class="list">
            {p.items.map((i) => (
              <TodayRow key={itemKey(i)} item={i} onSnooze={userID ? undefined : (it, until) => void snooze(it, until)} />
            ))}
          </ul>
        </section>
      ))}
      <section class="section" aria-labelledby="by-kind">
        <h2 id="by-kind">{t('byKind')}</h2>
        <ul class="list">
          {today.counts
            .filter((c) => c.count > 0)
            .map((c) => (
              <KindMore
                key={c.kind}
                kind={c.kind}
                count={c.count}
                atLeast={c.atLeast}
                shown={shown(c.kind)}
                ended={ended.has(c.kind)}
                userID={userID}
                onMore={(items, last) => {
                  setMore((m) => [...m, ...items]);
                  if (last) setEnded((e) => new Set(e).add(c.kind));
                }}
              />
            ))}
        </ul>
      </section>
    </>
  );
}

/** Items "more" asks for at a time. */
const MORE_PAGE = 25;

/**
 * A kind's count, and the rest of it, MORE_PAGE at a time; a count that is a lower bound
 * (atLeast) is shown as "100+" and offers more until a load comes back short (`last`).
 */
function KindMore(props: {
  kind: string;
  count: number;
  atLeast: boolean;
  shown: number;
  ended: boolean;
  userID?: string;
  onMore: (items: Item[], last: boolean) => void;
}) {
  const { kind, count, atLeast, shown, userID, onMore } = props;
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const left = moreLeft(count, atLeast, shown, props.ended);
  const name = label('TodayKind', kind);
  async function load() {
    if (loading) return;
    setLoading(true);
    setError(undefined);
    try {
      const d = await request(TodayKindQuery, { kind: kind as Item['kind'], first: MORE_PAGE, offset: shown, userID: userID ?? null });
      onMore(d.today.items, d.today.items.length < MORE_PAGE);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }
  return (
    <li data-more={kind} class="row today-kind">
      <span class="row-main">
        <span>
          {name} <span class="count">{countText(count, atLeast)}</span>
        </span>
        {error ? <ErrorBox error={error} onRetry={() => void load()} /> : null}
      </span>
      {left !== null && (
        <button
          type="button"
          class="btn"
          aria-label={left ? t('moreOf', { kind: name, n: left }) : t('moreOfUnknown', { kind: name })}
          onClick={() => void load()}
          disabled={loading}
        >
          {loading ? tc('loading') : left ? t('more', { n: left }) : t('moreUnknown')}
        </button>
      )}
    </li>
  );
}
