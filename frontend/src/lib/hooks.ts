// Hooks shared by the screens.
import { useEffect, useRef, useState } from 'preact/hooks';
import { queue } from './offline';
import type { QueueItem } from './queue';

/** The value, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

/**
 * Refetch when the queue has sent (or parked) an item the screen shows. Items sent in a
 * burst (back online) cause one refetch, so an older answer cannot land last.
 */
export function useQueueRefresh(matches: (i: QueueItem) => boolean, refetch: () => unknown) {
  const r = useRef({ matches, refetch });
  r.current = { matches, refetch };
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = queue.on((e) => {
      if (!r.current.matches(e.item)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void r.current.refetch(), 300);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, []);
}

/**
 * The version a record has on the server after the queue's last sent step for it (the
 * step's answer carries it), which the screen's data may not show yet.
 */
export function useSentVersion(matches: (i: QueueItem) => boolean, pick: (result: any) => unknown): number {
  const [v, setV] = useState(0);
  const r = useRef({ matches, pick });
  r.current = { matches, pick };
  useEffect(
    () =>
      queue.on((e) => {
        if (e.type !== 'sent' || !r.current.matches(e.item)) return;
        const n = r.current.pick(e.result);
        if (typeof n === 'number') setV((x) => Math.max(x, n));
      }),
    [],
  );
  return v;
}
