// The rows of the last check or commit: filter chips with the counts, one card a row
// (row, result, existing record, reason), 100 rows a page.
import { useEffect, useState } from 'preact/hooks';
import { useQuery } from '../lib/query';
import { Badge, Empty, Query, Section } from '../ui/bits';
import { ImportRowsQuery } from './import.queries';
import { actionLabel, actionTone, t } from './import.i18n';
import { PAGE_SIZE, ROW_ACTIONS, countOf, pageCount, rowReason, type Counts, type RowAction } from './importLogic';

interface Row {
  row: number;
  action: string;
  key?: string | null;
  matchID?: string | null;
  matchName?: string | null;
  message?: string | null;
  cell?: string | null;
}

/** Duplicates are existing accounts; an update of a customer links to the account too. */
function matchHref(kind: string, r: Row): string | null {
  if (!r.matchID) return null;
  return r.action === 'DUPLICATE' || kind === 'CUSTOMERS' ? `/customers/${encodeURIComponent(r.matchID)}` : null;
}

/** One row a card: its number and result, the record it matches (by name, never an
 * internal key), and the reason naming the cell and its column. Reads on a phone. */
function RowsList({ rows, kind }: { rows: readonly Row[]; kind: string }) {
  return (
    <ul class="list import-rows">
      {rows.map((r) => {
        const href = matchHref(kind, r);
        const name = r.matchName ?? '';
        const reason = rowReason(r);
        return (
          <li key={r.row} class="import-row" data-action={r.action}>
            <p class="import-row-head">
              <span class="num">{t('rowNo', { n: r.row })}</span>
              <Badge tone={actionTone(r.action)}>{actionLabel(r.action)}</Badge>
              {name && (
                <span class="import-row-match">
                  <span class="sr-only">{t('match')}: </span>
                  {href ? <a href={href}>{name}</a> : name}
                </span>
              )}
            </p>
            {reason && (
              <p class="import-row-reason">
                <span class="sr-only">{t('message')}: </span>
                {reason}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** stamp: changes whenever the job's rows may have changed (a new check, a commit). */
export function ImportRows({ id, kind, counts, title, stamp }: { id: string; kind: string; counts: Counts; title: string; stamp: string }) {
  const [filter, setFilterOnly] = useState<RowAction | null>(null);
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [stamp]);
  // Another filter starts on its first page (in the same render, so no stray request).
  const setFilter = (f: RowAction | null) => {
    setFilterOnly(f);
    setPage(0);
  };
  const pages = pageCount(counts, filter);
  const vars = { id, action: filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
  const q = useQuery(ImportRowsQuery, vars, { keep: false, cacheAs: `ImportRows:${JSON.stringify(vars)}:${stamp}` });
  const total = ROW_ACTIONS.reduce((n, a) => n + countOf(counts, a), 0);

  return (
    <Section title={title} id="import-rows">
      <div class="chips" role="group" aria-label={t('filter')}>
        <button type="button" class="chip" aria-pressed={filter === null} onClick={() => setFilter(null)}>
          {t('all', { n: total })}
        </button>
        {ROW_ACTIONS.map((a) => (
          <button type="button" class="chip" key={a} aria-pressed={filter === a} onClick={() => setFilter(filter === a ? null : a)}>
            {t('chip', { label: actionLabel(a), n: countOf(counts, a) })}
          </button>
        ))}
      </div>
      <Query q={q}>
        {(d) => {
          const rows = d.importJob?.rows ?? [];
          if (!rows.length) return <Empty>{filter ? t('noRowsFilter') : t('noRows')}</Empty>;
          return <RowsList rows={rows} kind={kind} />;
        }}
      </Query>
      {pages > 1 && (
        <nav class="btn-row" aria-label={t('rowsNav')}>
          <button type="button" class="btn" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('prev')}
          </button>
          <span class="muted small" style={{ alignSelf: 'center' }} aria-live="polite">
            {t('page', { page: page + 1, pages })}
          </span>
          <button type="button" class="btn" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            {t('next')}
          </button>
        </nav>
      )}
    </Section>
  );
}
