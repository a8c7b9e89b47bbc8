// Small shared pieces: loading and error states, empty states, sections, badges.
import type { ComponentChildren } from 'preact';
import { ApiError, OfflineError } from '../lib/api';
import { formatDate } from '../lib/i18n';
import type { QueryState } from '../lib/query';
import { tc } from './common.i18n';

export function Loading() {
  return (
    <p class="muted loading" role="status" aria-live="polite">
      {tc('loading')}
    </p>
  );
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const offline = error instanceof OfflineError;
  const msg = offline ? tc('notCached') : tc('error', { message: (error as Error)?.message ?? String(error) });
  return (
    <div class="error" role="alert">
      <p>{msg}</p>
      {error instanceof ApiError && <p class="muted small">{tc('errorCode', { code: error.code })}</p>}
      {onRetry && (
        <button type="button" class="btn" onClick={onRetry}>
          {tc('retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children?: ComponentChildren }) {
  return <p class="empty muted">{children ?? tc('empty')}</p>;
}

export function Stale({ since }: { since?: number }) {
  if (!since) return null;
  return (
    <p class="stale" role="status">
      {tc('savedCopy', { when: formatDate(new Date(since).toISOString(), true) })}
    </p>
  );
}

/** Renders loading, error and stale states around a query's data. */
export function Query<D>({ q, children }: { q: QueryState<D>; children: (d: D) => ComponentChildren }) {
  if (q.data === undefined) {
    if (q.error) return <ErrorBox error={q.error} onRetry={() => void q.refetch()} />;
    return <Loading />;
  }
  return (
    <>
      <Stale since={q.staleSince} />
      {q.error && !(q.error instanceof OfflineError) && <ErrorBox error={q.error} onRetry={() => void q.refetch()} />}
      {children(q.data)}
    </>
  );
}

export function Section({ title, count, children, id }: { title: string; count?: number; children: ComponentChildren; id?: string }) {
  return (
    <section class="section" aria-labelledby={id ? id + '-h' : undefined}>
      <h2 id={id ? id + '-h' : undefined}>
        {title}
        {count !== undefined && <span class="count">{count}</span>}
      </h2>
      {children}
    </section>
  );
}

export function Badge({ children, tone }: { children: ComponentChildren; tone?: 'warn' | 'bad' | 'good' | 'info' }) {
  return <span class={'badge' + (tone ? ' ' + tone : '')}>{children}</span>;
}
