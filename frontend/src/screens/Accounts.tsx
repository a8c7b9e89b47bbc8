import { useEffect, useRef, useState } from 'preact/hooks';
import { graphql, type ResultOf, type VariablesOf } from '../graphql';
import { request, session } from '../lib/api';
import { messages, relativeDay } from '../lib/i18n';
import { useDebounced } from '../lib/hooks';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Badge, Empty, ErrorBox, Query } from '../ui/bits';
import { Header } from '../ui/Layout';
import { tc } from '../ui/common.i18n';
import { AccountsBulk } from './AccountsBulk';
import { tb } from './merge.i18n';

const t = messages(
  'accounts',
  {
    title: 'Accounts',
    search: 'Search accounts',
    searchPlaceholder: 'Name or pinyin, contact, phone, order or tracking no., product',
    stage: 'Stage',
    tier: 'Tier',
    all: 'All',
    total: '{n} accounts',
    none: 'No account matches. Try fewer letters or clear the filters.',
    clear: 'Clear filters',
    end: 'That is all.',
    updated: 'updated {when}',
    noTier: 'no tier',
    newAccount: 'New account',
    nearby: 'Nearby',
  },
  {
    title: '客户',
    search: '搜索客户',
    searchPlaceholder: '客户名或拼音、联系人、电话、订单号、运单号、产品',
    stage: '阶段',
    tier: '分类',
    all: '全部',
    total: '共 {n} 个客户',
    none: '没有匹配的客户。请减少字数或清除筛选。',
    clear: '清除筛选',
    end: '已全部显示。',
    updated: '{when}更新',
    noTier: '未分类',
    newAccount: '新建客户',
    nearby: '附近',
  },
);

const AccountsQuery = graphql(`
  query Accounts($first: Int!, $after: Cursor, $where: CustomerWhereInput) {
    customers(first: $first, after: $after, where: $where, orderBy: { field: UPDATED_AT, direction: DESC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node { id name nameEn stage tier score region industry updatedAt owner { id name } }
      }
    }
  }
`);

type Page = ResultOf<typeof AccountsQuery>['customers'];
type Where = NonNullable<VariablesOf<typeof AccountsQuery>['where']>;

const stages = ['PROSPECT', 'CONTACTED', 'VISITED', 'SAMPLING', 'TRIAL', 'EVALUATION', 'MAIN_SUPPLIER', 'PARTNER', 'DORMANT', 'LOST'] as const;
const tiers = ['A', 'B', 'C'] as const;

/** What a search matches: the account's names and its contacts' names — in
 * traditional or simplified characters, pinyin or its initials — its contacts'
 * numbers, its order and tracking numbers and the products it was sampled. The
 * server folds the text and reads each through the viewer's rules (CustomerWhereInput.search). */
export function searchWhere(q: string): Where {
  return { search: q };
}

export function Accounts() {
  const [text, setText] = useState(() => sessionStorage.getItem('accounts.q') ?? '');
  const [stage, setStage] = useState<string | null>(() => sessionStorage.getItem('accounts.stage'));
  const [tier, setTier] = useState<string | null>(() => sessionStorage.getItem('accounts.tier'));
  const q = useDebounced(text.trim(), 250);
  const manages = !!useStore(session)?.access?.manages;
  const [selecting, setSelecting] = useState(false);
  const [sel, setSel] = useState<Record<string, string>>({});
  useEffect(() => {
    sessionStorage.setItem('accounts.q', text);
    stage ? sessionStorage.setItem('accounts.stage', stage) : sessionStorage.removeItem('accounts.stage');
    tier ? sessionStorage.setItem('accounts.tier', tier) : sessionStorage.removeItem('accounts.tier');
  }, [text, stage, tier]);

  const where: Where = { archived: false };
  const and: Where[] = [];
  if (q) and.push(searchWhere(q));
  if (stage) and.push({ stage: stage as Where['stage'] });
  if (tier) and.push({ tier: tier as Where['tier'] });
  if (and.length) where.and = and;

  const first = useQuery(AccountsQuery, { first: 25, where });
  const [more, setMore] = useState<Page['edges']>([]);
  const [cursor, setCursor] = useState<{ hasNextPage: boolean; endCursor?: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>();
  const sentinel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setMore([]);
    setCursor(null);
    setMoreError(undefined);
  }, [JSON.stringify(where)]);

  const page = first.data?.customers;
  const info = cursor ?? page?.pageInfo;

  async function loadMore() {
    if (!info?.hasNextPage || loadingMore) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const d = await request(AccountsQuery, { first: 25, after: info.endCursor, where });
      setMore((m) => [...(m ?? []), ...(d.customers.edges ?? [])]);
      setCursor(d.customers.pageInfo);
    } catch (e) {
      setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  }

  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && void loadMore(), { rootMargin: '400px' });
    io.observe(el);
    return () => io.disconnect();
  });

  const filtered = !!(stage || tier || q);
  const shown = [...(page?.edges ?? []), ...(more ?? [])].filter((e) => e?.node);
  return (
    <>
      <Header
        title={t('title')}
        actions={
          <>
            {manages && (
              <button type="button" class="btn" aria-pressed={selecting} onClick={() => setSelecting(!selecting)}>
                {selecting ? tb('doneSelecting') : tb('select')}
              </button>
            )}
            <a class="btn" href="/accounts/nearby">
              {t('nearby')}
            </a>
            <a class="btn" href="/accounts/new" aria-label={t('newAccount')}>
              ＋
            </a>
          </>
        }
      />
      <main class="content">
        <div class="search" role="search">
          <label class="sr-only" for="account-search">
            {t('search')}
          </label>
          <input
            id="account-search"
            type="search"
            placeholder={t('searchPlaceholder')}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            autocomplete="off"
            enterKeyHint="search"
          />
        </div>
        <details class="filters" open={!!(stage || tier)}>
          <summary>
            {t('stage')} / {t('tier')}
            {stage ? ` · ${label('CustomerStage', stage)}` : ''}
            {tier ? ` · ${label('CustomerTier', tier)}` : ''}
          </summary>
          <div class="chips" role="group" aria-label={t('stage')}>
            {stages.map((s) => (
              <button type="button" class="chip" aria-pressed={stage === s} onClick={() => setStage(stage === s ? null : s)}>
                {label('CustomerStage', s)}
              </button>
            ))}
          </div>
          <div class="chips" role="group" aria-label={t('tier')}>
            {tiers.map((s) => (
              <button type="button" class="chip" aria-pressed={tier === s} onClick={() => setTier(tier === s ? null : s)}>
                {label('CustomerTier', s)}
              </button>
            ))}
          </div>
          {filtered && (
            <button
              type="button"
              class="btn ghost"
              onClick={() => {
                setStage(null);
                setTier(null);
                setText('');
              }}
            >
              {t('clear')}
            </button>
          )}
        </details>
        {selecting && (
          // Outside the list's <Query>: the panel keeps its results and reason while the
          // list reloads after a bulk change.
          <>
            <button
              type="button"
              class="btn"
              disabled={!shown.length}
              onClick={() => setSel({ ...sel, ...Object.fromEntries(shown.map((e) => [e!.node!.id, e!.node!.owner?.id ?? ''])) })}
            >
              {tb('selectAll')}
            </button>
            <AccountsBulk
              selected={sel}
              names={Object.fromEntries(shown.map((e) => [e!.node!.id, e!.node!.name]))}
              onDone={() => {
                setSel({});
                void first.refetch();
              }}
            />
          </>
        )}
        <Query q={first}>
          {(d) => {
            const edges = [...(d.customers.edges ?? []), ...(more ?? [])];
            if (!edges.length) return <Empty>{t('none')}</Empty>;
            return (
              <>
                <p class="muted small" aria-live="polite">
                  {t('total', { n: d.customers.totalCount })}
                </p>
                <ul class="list">
                  {edges.map((e) => {
                    const c = e!.node!;
                    if (selecting)
                      return (
                        <li key={c.id}>
                          <label class="row" style={{ cursor: 'pointer' }}>
                            <input
                              type="checkbox"
                              aria-label={tb('pick', { name: c.name })}
                              checked={!!sel[c.id]}
                              onChange={() => {
                                const next = { ...sel };
                                if (next[c.id] !== undefined) delete next[c.id];
                                else next[c.id] = c.owner?.id ?? '';
                                setSel(next);
                              }}
                            />
                            <span class="row-main">
                              <span class="row-title">{c.name}</span>
                              <span class="row-sub">
                                {label('CustomerStage', c.stage)}
                                {c.owner ? ' · ' + c.owner.name : ''}
                              </span>
                            </span>
                          </label>
                        </li>
                      );
                    return (
                      <li key={c.id}>
                        <a class="row" href={`/customers/${c.id}`}>
                          <span class="row-main">
                            <span class="row-title">{c.name}</span>
                            <span class="row-sub">
                              {label('CustomerStage', c.stage)}
                              {c.region ? ' · ' + c.region : ''}
                              {c.owner ? ' · ' + c.owner.name : ''}
                            </span>
                          </span>
                          <span class="row-side">
                            {c.tier ? <Badge tone={c.tier === 'A' ? 'good' : c.tier === 'B' ? 'info' : undefined}>{c.tier}</Badge> : t('noTier')}
                            <br />
                            {t('updated', { when: relativeDay(c.updatedAt) })}
                          </span>
                        </a>
                      </li>
                    );
                  })}
                </ul>
                {moreError ? <ErrorBox error={moreError} onRetry={() => void loadMore()} /> : null}
                <div ref={sentinel} />
                {info?.hasNextPage ? (
                  <button type="button" class="btn block" onClick={() => void loadMore()} disabled={loadingMore}>
                    {loadingMore ? tc('loading') : tc('more')}
                  </button>
                ) : (
                  <p class="muted small center">{t('end')}</p>
                )}
              </>
            );
          }}
        </Query>
      </main>
    </>
  );
}
