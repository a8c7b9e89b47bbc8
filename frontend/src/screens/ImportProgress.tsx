// The progress of a job the server is working on (checking or writing rows), and the
// polling that keeps it current: every second while the state is CHECKING or COMMITTING.
import { useEffect, useRef } from 'preact/hooks';
import { t } from './import.i18n';
import { isRunning, percent } from './importLogic';

export const POLL_MS = 1000;

/** Calls refetch every POLL_MS while state is a running one; stops when it changes. */
export function usePolling(state: string | undefined, refetch: () => Promise<void>) {
  const fn = useRef(refetch);
  fn.current = refetch;
  const running = isRunning(state);
  useEffect(() => {
    if (!running) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        await fn.current();
      } finally {
        if (live) timer = setTimeout(() => void tick(), POLL_MS);
      }
    };
    timer = setTimeout(() => void tick(), POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [running]);
}

export function ImportProgress({ state, done, total }: { state: string; done: number; total: number }) {
  const p = percent(done, total);
  const text = t('progressText', { done, total, p });
  return (
    <section class="card" aria-labelledby="import-progress-h">
      <h2 id="import-progress-h" class="small">
        {state === 'COMMITTING' ? t('progressCommitting') : t('progressChecking')}
      </h2>
      <div
        class="progress import-progress"
        role="progressbar"
        aria-label={t('progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={p}
        aria-valuetext={text}
      >
        <span style={{ width: p + '%' }} />
      </div>
      <p class="small" aria-live="polite">
        {text}
      </p>
      <p class="small muted">{t('progressHint')}</p>
    </section>
  );
}
