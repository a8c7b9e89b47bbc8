// A create through the offline queue, with the answer when there is one: online, the
// form waits a moment for the item to be sent, so it can open the new record or show the
// server's refusal next to the field; offline (or on a slow network), the item waits on
// the phone and the form says so. A refused create is taken out of the queue: the form
// keeps the rep's words and shows why, and the corrected one is a new item.
import { ApiError, online } from './api';
import { queue } from './offline';
import type { QueueItem } from './queue';

export type Outcome = { state: 'sent'; result: any } | { state: 'queued' } | { state: 'refused'; error: ApiError };

export async function enqueueAndWait(item: Omit<QueueItem, 'status' | 'attempts' | 'createdAt'>, waitMs = 15_000): Promise<Outcome> {
  const offs: (() => void)[] = [];
  // Listen before enqueueing: a fast network sends the item at once.
  const answer = new Promise<Outcome>((resolve) => {
    offs.push(
      queue.on((e) => {
        if (e.item.id !== item.id) return;
        if (e.type === 'sent') resolve({ state: 'sent', result: e.result });
        else if (e.item.status === 'failed') {
          const x = e.item.error;
          resolve({ state: 'refused', error: new ApiError(x?.message ?? 'error', x?.code ?? 'INTERNAL', x?.extensions ?? {}) });
        } else resolve({ state: 'queued' });
      }),
    );
    // The network went away while sending: the item waits.
    offs.push(online.subscribe((on) => !on && resolve({ state: 'queued' })));
    const timer = setTimeout(() => resolve({ state: 'queued' }), waitMs);
    offs.push(() => clearTimeout(timer));
  });
  try {
    await queue.enqueue(item);
    if (!online.get()) return { state: 'queued' };
    const out = await answer;
    if (out.state === 'refused') await queue.discard(item.id);
    return out;
  } finally {
    offs.forEach((off) => off());
  }
}
