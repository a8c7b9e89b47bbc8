// The app's one queue, kept in IndexedDB and flushed when the network comes back.
import { newId, online, session } from './api';
import { idb } from './idb';
import { handlers } from './mutations';
import { refreshTick } from './query';
import { MutationQueue, idbStorage } from './queue';
import { store } from './store';

export const queue = new MutationQueue(idbStorage(idb), handlers, () => session.get()?.user.id);

/** The last sync that sent something: how many items, and when (the status bar says so). */
export const synced = store<{ n: number; at: number } | null>(null);

/** How long after the last item is sent the sync counts as done. */
const SETTLE_MS = 500;

// Items sent in one go are told as one sync ("3 sent"), then the screen asks again.
let sent = 0;
let settle: ReturnType<typeof setTimeout> | undefined;
queue.on((e) => {
  if (e.type !== 'sent') return;
  sent++;
  clearTimeout(settle);
  settle = setTimeout(() => {
    synced.set({ n: sent, at: Date.now() });
    sent = 0;
    refreshTick.set(refreshTick.get() + 1);
  }, SETTLE_MS);
});

/** Mark a task done through the queue, with the version the screen read (Today, the account). */
export function queueTaskDone(task: { id: string; title: string; version?: number }, customerID?: string) {
  return queue.enqueue({
    id: newId(),
    kind: 'taskDone',
    label: task.title,
    customerID,
    recordID: task.id,
    vars: { id: task.id, input: { status: 'DONE', doneAt: new Date().toISOString(), version: task.version } },
  });
}

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
