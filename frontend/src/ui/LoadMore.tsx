// "Load more" on top of a query's first page: the account tabs' lists and the admin lists.
import { useState } from 'preact/hooks';
import type { TadaDocumentNode } from 'gql.tada';
import { request } from '../lib/api';
import type { QueryState } from '../lib/query';
import { ErrorBox } from './bits';
import { tc } from './common.i18n';


export interface Page<T> {
  items: T[];
  hasNext: boolean;
  end: string | null | undefined;
}

/**
 * The first page comes from `q` (with its offline copy); further pages are fetched
 * with the same document and `after`, and appended until the first page changes.
 */
export function useMore<D, V, T>(doc: TadaDocumentNode<D, V>, vars: V, q: QueryState<D>, page: (d: D) => Page<T>) {
  const [extra, setExtra] = useState<{ base: D; items: T[]; hasNext: boolean; end: string | null | undefined } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const first = q.data !== undefined ? page(q.data) : undefined;
  const more = extra && extra.base === q.data ? extra : null;
  const items = first ? first.items.concat(more?.items ?? []) : [];
  const hasNext = more ? more.hasNext : !!first?.hasNext;
  const end = more ? more.end : first?.end;

  async function loadMore() {
    if (!end || busy || q.data === undefined) return;
    const base = q.data;
    setBusy(true);
    setError(undefined);
    try {
      const d = await request(doc, { ...vars, after: end } as V);
      const p = page(d);
      setExtra((x) => {
        const prev = x && x.base === base ? x.items : [];
        return { base, items: prev.concat(p.items), hasNext: p.hasNext, end: p.end };
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return { items, hasNext, loadMore, busy, error };
}

export function LoadMore({ more }: { more: { hasNext: boolean; loadMore: () => void; busy: boolean; error: unknown } }) {
  return (
    <>
      {more.error !== undefined && <ErrorBox error={more.error} />}
      {more.hasNext && (
        <button type="button" class="btn block" onClick={() => void more.loadMore()} disabled={more.busy} aria-busy={more.busy}>
          {more.busy ? tc('loading') : tc('more')}
        </button>
      )}
    </>
  );
}

