import { useEffect } from 'preact/hooks';
import { graphql } from '../graphql';
import { todayBadge } from '../lib/badge';
import { messages, relativeDay } from '../lib/i18n';
import { prefetch, useQuery } from '../lib/query';
import { label } from '../i18n/enums';
import { Empty, Query } from '../ui/bits';
import { Header } from '../ui/Layout';

const t = messages(
  'today',
  {
    title: 'Today',
    allClear: 'Nothing is due. A good day to visit a customer.',
    due: 'due {when}',
    hello: 'Hello, {name}',
    // The first admin's name as the server creates it (server/app/app.go), said in the app's language.
    firstAdmin: 'Administrator',
  },
  {
    title: '今日',
    allClear: '今天没有待办。适合去拜访客户。',
    due: '{when}到期',
    hello: '{name}，你好',
    firstAdmin: '管理员',
  },
);

export const TodayQuery = graphql(`
  query Today {
    me { id name }
    today {
      total
      counts { kind count }
      items {
        kind title reason due
        node { __typename id }
        customer { id name }
      }
    }
  }
`);

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
              .map((k) => ({ kind: k, items: d.today.items.filter((i) => i.kind === k) }))
              .filter((g) => g.items.length);
            return (
              <>
                <p class="muted">{t('hello', { name: d.me.name === 'Administrator' ? t('firstAdmin') : d.me.name })}</p>
                {!groups.length && <Empty>{t('allClear')}</Empty>}
                {groups.map((g) => (
                  <section class="section" key={g.kind} aria-labelledby={'g-' + g.kind}>
                    <h2 id={'g-' + g.kind}>
                      {label('TodayKind', g.kind)}
                      <span class="count">{g.items.length}</span>
                    </h2>
                    <ul class="list">
                      {g.items.map((i) => (
                        <li key={i.kind + i.node.id}>
                          <a class="row" href={hrefFor(i.node.__typename, i.node.id, i.customer?.id)}>
                            <span class="row-main">
                              <span class="row-title">{i.title}</span>
                              <span class="row-sub">
                                {i.customer?.name ? i.customer.name + ' · ' : ''}
                                {i.reason}
                              </span>
                            </span>
                            {i.due && <span class="row-side">{relativeDay(i.due)}</span>}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </section>
                ))}
              </>
            );
          }}
        </Query>
      </main>
    </>
  );
}
