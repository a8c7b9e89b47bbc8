import { useEffect, useState } from 'preact/hooks';
import { graphql, type ResultOf } from '../graphql';
import { request, session } from '../lib/api';
import { queue, queueTaskDone } from '../lib/offline';
import { useStore } from '../lib/store';
import { todayBadge } from '../lib/badge';
import { formatTime, messages, relativeDay } from '../lib/i18n';
import { prefetch, useQuery } from '../lib/query';
import { label } from '../i18n/enums';
import { Empty, ErrorBox, Query } from '../ui/bits';
import { Header } from '../ui/Layout';
import { tc } from '../ui/common.i18n';

const t = messages(
  'today',
  {
    title: 'Today',
    allClear: 'Nothing is due. A good day to visit a customer.',
    due: 'due {when}',
    hello: 'Hello, {name}',
    // The first admin's name as the server creates it (server/app/app.go), said in the app's language.
    firstAdmin: 'Administrator',
    more: 'Show {n} more',
    analystClear: 'Today lists the work of reps and managers. Your questions about the book are asked in the explorer.',
    explorer: 'Open the GraphQL explorer',
    done: 'Done: {title}',
    doneQueued: 'Marked done',
  },
  {
    title: '今日',
    allClear: '今天没有待办。适合去拜访客户。',
    due: '{when}到期',
    hello: '{name}，你好',
    firstAdmin: '管理员',
    more: '再显示 {n} 项',
    analystClear: '“今日”列出销售和经理的待办。客户数据的分析请在查询工具中进行。',
    explorer: '打开 GraphQL 查询工具',
    done: '完成：{title}',
    doneQueued: '已标记完成',
  },
);

// The server sends the most urgent few of each kind; counts count them all, and the
// rest of a kind comes with TodayKindQuery when the rep asks for it.
export const TodayQuery = graphql(`
  query Today {
    me { id name }
    today {
      total
      counts { kind count }
      items {
        kind title reason due
        node { __typename id ... on Task { version } }
        customer { id name }
      }
    }
  }
`);

export const TodayKindQuery = graphql(`
  query TodayKind($kind: TodayKind!, $first: Int!, $offset: Int!) {
    today(kind: $kind, first: $first, offset: $offset) {
      items {
        kind title reason due
        node { __typename id ... on Task { version } }
        customer { id name }
      }
    }
  }
`);

type Item = ResultOf<typeof TodayQuery>['today']['items'][number];

/** Where a Today item opens. */
export function hrefFor(typename: string, id: string, customerID?: string): string {
  switch (typename) {
    case 'Sample':
      return `/samples/${id}`;
    case 'Order':
      return `/orders/${id}`;
    case 'Issue':
      return `/problems/${id}`;
    case 'ChangeNoticeAck':
      return `/acks/${id}`;
    case 'Customer':
      return `/customers/${id}`;
    case 'Interaction':
      return customerID ? `/customers/${customerID}/visit` : '/';
    default:
      return customerID ? `/customers/${customerID}` : '/';
  }
}

const order = [
  'VISIT_DUE',
  'TASK_OVERDUE',
  'TASK_DUE',
  'KEY_PERSON_OVERDUE',
  'SAMPLE_NOT_RECEIVED',
  'SAMPLE_NO_RESULT',
  'ORDER_LATE',
  'ORDER_DUE',
  'ORDER_RISK',
  'ISSUE_PAST_SLA',
  'ISSUE_ESCALATED',
  'CHANGE_NOTICE_PENDING',
  'EVALUATION_DECISION',
  'CERTIFICATE_EXPIRING',
];

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
    todayBadge.set(q.data.today.total);
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
          {(d) => {
            const groups = order
              .map((k) => ({
                kind: k,
                items: d.today.items.filter((i) => i.kind === k),
                count: d.today.counts.find((c) => c.kind === k)?.count ?? 0,
              }))
              .filter((g) => g.items.length);
            return (
              <>
                <p class="muted">{t('hello', { name: d.me.name === 'Administrator' ? t('firstAdmin') : d.me.name })}</p>
                {!groups.length &&
                  (session.get()?.user.role === 'ANALYST' ? (
                    <div class="card">
                      <p>{t('analystClear')}</p>
                      <a class="btn primary block" href="/explorer">
                        {t('explorer')}
                      </a>
                    </div>
                  ) : (
                    <Empty>{t('allClear')}</Empty>
                  ))}
                {groups.map((g) => (
                  <TodayGroup key={g.kind} kind={g.kind} first={g.items} count={g.count} source={d.today} />
                ))}
              </>
            );
          }}
        </Query>
      </main>
    </>
  );
}

/** One tap marks a task done, through the offline queue; Today asks again after the sync. */
function TaskDone({ item }: { item: Item }) {
  const queued = useStore(queue.items).some((q) => q.kind === 'taskDone' && q.recordID === item.node.id);
  if (queued) return <span class="badge good row-act-done">{t('doneQueued')}</span>;
  const version = 'version' in item.node ? item.node.version : undefined;
  return (
    <button
      type="button"
      class="btn row-act-btn"
      aria-label={t('done', { title: item.title })}
      onClick={() => void queueTaskDone({ id: item.node.id, title: item.title, version }, item.customer?.id)}
    >
      ✓
    </button>
  );
}

/** One kind's items: the ones Today sent, then more of the kind, 25 at a time. */
function TodayGroup({ kind, first, count, source }: { kind: string; first: Item[]; count: number; source: object }) {
  const [more, setMore] = useState<Item[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  // A new Today (refetched, or read back from the offline copy) starts the kind again.
  useEffect(() => {
    setMore([]);
    setError(undefined);
  }, [source]);
  const items = [...first, ...more];
  async function loadMore() {
    if (loading) return;
    setLoading(true);
    setError(undefined);
    try {
      const d = await request(TodayKindQuery, { kind: kind as Item['kind'], first: 25, offset: items.length });
      setMore((m) => [...m, ...d.today.items]);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }
  const left = count - items.length;
  return (
    <section class="section" aria-labelledby={'g-' + kind}>
      <h2 id={'g-' + kind}>
        {label('TodayKind', kind)}
        <span class="count">{count}</span>
      </h2>
      <ul class="list">
        {items.map((i) => (
          <li key={i.kind + i.node.id} class={i.node.__typename === 'Task' ? 'row-act' : undefined}>
            <a class="row" href={hrefFor(i.node.__typename, i.node.id, i.customer?.id)}>
              <span class="row-main">
                <span class="row-title">{i.title}</span>
                <span class="row-sub">
                  {i.customer?.name ? i.customer.name + ' · ' : ''}
                  {i.reason}
                </span>
              </span>
              {i.due && (
                // A visit today is at a time of day; anything else is due on a day.
                <span class="row-side">{i.kind === 'VISIT_DUE' ? formatTime(i.due) : relativeDay(i.due)}</span>
              )}
            </a>
            {i.node.__typename === 'Task' && <TaskDone item={i} />}
          </li>
        ))}
      </ul>
      {error ? <ErrorBox error={error} onRetry={() => void loadMore()} /> : null}
      {left > 0 && (
        <button type="button" class="btn block" onClick={() => void loadMore()} disabled={loading}>
          {loading ? tc('loading') : t('more', { n: left })}
        </button>
      )}
    </section>
  );
}
