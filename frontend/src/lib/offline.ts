// The app's one queue, kept in IndexedDB and flushed when the network comes back.
import { online, session } from './api';
import { idb } from './idb';
import { handlers } from './mutations';
import { MutationQueue, idbStorage } from './queue';

export const queue = new MutationQueue(idbStorage(idb), handlers, () => session.get()?.user.id);

let started = false;
export function startQueue(): void {
  if (started) return;
  started = true;
  void queue.init().then(() => queue.flush());
  online.subscribe((on) => on && void queue.flush());
  session.subscribe((s) => s && void queue.flush());
  window.addEventListener('online', () => void queue.flush());
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void queue.flush());
  // While something waits, try again now and then (a flaky network often reports "online").
  setInterval(() => {
    if (queue.pending().length) void queue.flush();
  }, 20_000);
}
