// Queries with an offline copy: the last answer for each (operation, variables) is kept
// in IndexedDB, shown at once, then replaced by the network's answer. With no network
// the kept copy stays on screen, marked with the time it was fetched.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TadaDocumentNode } from 'gql.tada';
import { ApiError, OfflineError, isOffline, online, operationName, request, session } from './api';
import { idb } from './idb';
import { store } from './store';

/** Bumped when what the server holds has changed under the screen (the queue sent
 * something): every shown query asks again. */
export const refreshTick = store(0);

/** How long an answer is kept for offline reading. */
export const KEEP_DAYS = 14;

interface Cached<D> {
  at: number;
  user: string;
  data: D;
}

export function cacheKey(doc: TadaDocumentNode<any, any>, variables: unknown): string {
  return operationName(doc) + ':' + JSON.stringify(variables ?? {});
}

export async function readCache<D>(key: string): Promise<Cached<D> | undefined> {
  try {
    const c = await idb.get<Cached<D>>('cache', key);
    if (c && c.user === session.get()?.user.id) return c;
  } catch {
    // No IndexedDB (private mode): work online only.
  }
  return undefined;
}

export async function writeCache(key: string, data: unknown): Promise<void> {
  const user = session.get()?.user.id;
  if (!user) return;
  try {
    await idb.put('cache', { at: Date.now(), user, data }, key);
  } catch {
    /* ignore */
  }
}

/** Drop kept answers older than KEEP_DAYS, or every one (on sign-out). */
export async function pruneCache(all = false): Promise<void> {
  try {
    if (all) return void (await idb.clear('cache'));
    const limit = Date.now() - KEEP_DAYS * 86400_000;
    for (const k of await idb.keys('cache')) {
      const c = await idb.get<Cached<unknown>>('cache', k);
      if (!c || c.at < limit) await idb.del('cache', k);
    }
  } catch {
    /* ignore */
  }
}

export interface QueryState<D> {
  data: D | undefined;
  error: ApiError | OfflineError | undefined;
  loading: boolean;
  /** When data comes from the offline copy: the time it was fetched. */
  staleSince: number | undefined;
  refetch: () => Promise<void>;
}

export function useQuery<D, V>(
  doc: TadaDocumentNode<D, V>,
  variables: V,
  opts: { skip?: boolean; keep?: boolean; cacheAs?: string } = {},
): QueryState<D> {
  const keep = opts.keep !== false;
  const key = opts.cacheAs ?? cacheKey(doc, variables);
  const [state, setState] = useState<Omit<QueryState<D>, 'refetch'>>({
    data: undefined,
    error: undefined,
    loading: !opts.skip,
    staleSince: undefined,
  });
  const current = useRef(key);
  current.current = key;

  const run = useCallback(async () => {
    if (opts.skip) return;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    try {
      const data = await request(doc, variables);
      if (current.current !== key) return;
      setState({ data, error: undefined, loading: false, staleSince: undefined });
      if (keep) void writeCache(key, data);
    } catch (e) {
      if (current.current !== key) return;
      const error = e instanceof ApiError || e instanceof OfflineError ? e : new ApiError(String(e), 'INTERNAL');
      if (isOffline(e)) {
        const c = await readCache<D>(key);
        if (c) return setState({ data: c.data, error, loading: false, staleSince: c.at });
      }
      setState((s) => ({ ...s, error, loading: false }));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, opts.skip]);

  useEffect(() => {
    let live = true;
    if (opts.skip) return;
    setState({ data: undefined, error: undefined, loading: true, staleSince: undefined });
    if (keep)
      void readCache<D>(key).then((c) => {
        if (live && c && current.current === key)
          setState((s) => (s.data === undefined && s.loading ? { ...s, data: c.data, staleSince: c.at } : s));
      });
    void run();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, opts.skip]);

  // After a sync, and when the network returns under an offline copy, ask again: the
  // screen shows what was sent and drops its "offline copy" notice.
  const stale = state.staleSince !== undefined;
  useEffect(() => {
    if (opts.skip) return;
    const offTick = refreshTick.subscribe(() => void run());
    const offOnline = online.subscribe((on) => on && stale && void run());
    return () => {
      offTick();
      offOnline();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run, stale, opts.skip]);

  return { ...state, refetch: run };
}

/** Fetch and keep an answer for offline use before the rep needs it. */
export async function prefetch<D, V>(doc: TadaDocumentNode<D, V>, variables: V, cacheAs?: string): Promise<void> {
  try {
    const data = await request(doc, variables);
    await writeCache(cacheAs ?? cacheKey(doc, variables), data);
  } catch {
    /* offline or refused: nothing to keep */
  }
}
