// The offline mutation queue. Every write the rep makes in the field (a visit log, a
// task, a problem report with photos, a sample or order step) becomes an item with its
// own clientMutationId, is stored before anything is sent, and is replayed in the order
// it was made. The server answers a replayed create with the record it already made
// (clientMutationId), so an item sent twice never makes two records. A CONFLICT (the
// record changed on the server since the rep read it) parks the item with both
// versions for the rep to decide; nothing is dropped silently.
import { ApiError, OfflineError } from './api';
import { store } from './store';

export type Status = 'pending' | 'sending' | 'failed' | 'conflict';

export interface QueuedFile {
  /** Where the file goes, for the handler (e.g. "photo"). */
  key: string;
  blob: Blob;
  name: string;
  /** A voice note's length in seconds, as the phone recorded it. */
  durationSeconds?: number;
}

export interface QueueItem {
  /** Also the clientMutationId sent to the server. */
  id: string;
  kind: string;
  /** What the rep sees in the queue ("Visit log — 华东化工"). */
  label: string;
  customerID?: string;
  /** The record the item changes, for conflicts and follow-up screens. */
  recordID?: string;
  vars: Record<string, any>;
  files?: QueuedFile[];
  createdAt: number;
  /** Who made it: only that user's session sends it. */
  owner?: string;
  status: Status;
  attempts: number;
  error?: { code: string; message: string; extensions?: Record<string, unknown> };
  /** The server's record when a CONFLICT came back. */
  theirs?: Record<string, any>;
  /** Steps of a multi-step item already done (e.g. photos uploaded). */
  progress?: Record<string, unknown>;
}

export interface Handler {
  /** Send the item; may be called again after a failure, so it must be idempotent. */
  send(item: QueueItem, save: (item: QueueItem) => Promise<void>): Promise<unknown>;
  /** The server's current version of the record (shown beside the rep's on CONFLICT). */
  current?(item: QueueItem): Promise<Record<string, any> | undefined>;
  /** True when the server's record already holds the item's change (a send whose answer was lost). */
  applied?(item: QueueItem, theirs: Record<string, any>): boolean;
  /** Put the server's version into the item, to apply the rep's change on top of it. */
  rebase?(item: QueueItem, theirs: Record<string, any>): QueueItem;
}

export interface QueueStorage {
  load(): Promise<QueueItem[]>;
  save(item: QueueItem): Promise<void>;
  remove(id: string): Promise<void>;
}

export type QueueEvent = { type: 'sent'; item: QueueItem; result: unknown } | { type: 'parked'; item: QueueItem };

export class MutationQueue {
  readonly items = store<QueueItem[]>([]);
  private flushing: Promise<void> | null = null;
  private listeners = new Set<(e: QueueEvent) => void>();

  constructor(
    private storage: QueueStorage,
    private handlers: Record<string, Handler>,
    private owner: () => string | undefined = () => undefined,
  ) {}

  async init(): Promise<void> {
    const items = await this.storage.load();
    // An item caught "sending" when the app closed is sent again (the server de-duplicates).
    for (const it of items) if (it.status === 'sending') it.status = 'pending';
    items.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    this.items.set(items);
  }

  on(fn: (e: QueueEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(e: QueueEvent) {
    this.listeners.forEach((fn) => fn(e));
  }

  private async put(item: QueueItem): Promise<void> {
    await this.storage.save(item);
    const list = this.items.get().filter((i) => i.id !== item.id);
    list.push(item);
    list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    this.items.set(list);
  }

  private async drop(id: string): Promise<void> {
    await this.storage.remove(id);
    this.items.set(this.items.get().filter((i) => i.id !== id));
  }

  /** Store the item, then try to send everything waiting. */
  async enqueue(
    item: Omit<QueueItem, 'status' | 'attempts' | 'createdAt'> & { createdAt?: number },
  ): Promise<QueueItem> {
    if (!this.handlers[item.kind]) throw new Error(`no handler for ${item.kind}`);
    const full: QueueItem = { createdAt: Date.now(), owner: this.owner(), ...item, status: 'pending', attempts: 0 };
    await this.put(full);
    void this.flush();
    return full;
  }

  pending(): QueueItem[] {
    return this.items.get().filter((i) => i.status === 'pending' || i.status === 'sending');
  }

  /** Send waiting items in order; stops at the first "no network". */
  flush(): Promise<void> {
    if (!this.flushing) {
      this.flushing = this.run().finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  private async run(): Promise<void> {
    for (;;) {
      const me = this.owner();
      const next = this.items.get().find((i) => i.status === 'pending' && (!i.owner || i.owner === me));
      if (!next) return;
      const item: QueueItem = { ...next, status: 'sending', attempts: next.attempts + 1 };
      await this.put(item);
      const h = this.handlers[item.kind];
      try {
        const result = await h.send(item, (it) => this.put({ ...it, status: 'sending' }));
        await this.drop(item.id);
        this.emit({ type: 'sent', item, result });
      } catch (e) {
        const latest = this.items.get().find((i) => i.id === item.id) ?? item;
        if (e instanceof OfflineError) {
          await this.put({ ...latest, status: 'pending' });
          return;
        }
        const err = e instanceof ApiError ? e : new ApiError(String((e as Error)?.message ?? e), 'INTERNAL');
        if (err.code === 'CONFLICT') {
          let theirs: Record<string, any> | undefined;
          try {
            theirs = await h.current?.(latest);
          } catch (e2) {
            if (e2 instanceof OfflineError) {
              await this.put({ ...latest, status: 'pending' });
              return;
            }
          }
          if (theirs && h.applied?.(latest, theirs)) {
            await this.drop(item.id);
            this.emit({ type: 'sent', item, result: theirs });
            continue;
          }
          const parked: QueueItem = { ...latest, status: 'conflict', theirs, error: { code: err.code, message: err.message, extensions: err.extensions } };
          await this.put(parked);
          this.emit({ type: 'parked', item: parked });
          continue;
        }
        const parked: QueueItem = { ...latest, status: 'failed', error: { code: err.code, message: err.message, extensions: err.extensions } };
        await this.put(parked);
        this.emit({ type: 'parked', item: parked });
      }
    }
  }

  /** Send a parked item again; after a conflict, on top of the server's version. */
  async retry(id: string): Promise<void> {
    const it = this.items.get().find((i) => i.id === id);
    if (!it) return;
    let next: QueueItem = { ...it, status: 'pending', error: undefined };
    const h = this.handlers[it.kind];
    if (it.status === 'conflict' && it.theirs && h.rebase) next = h.rebase(next, it.theirs);
    next.theirs = undefined;
    await this.put(next);
    await this.flush();
  }

  /** Give up an item (the rep confirmed). */
  async discard(id: string): Promise<void> {
    await this.drop(id);
  }
}

/** Queue storage in IndexedDB. */
export function idbStorage(idb: {
  all<T>(s: 'queue'): Promise<T[]>;
  put(s: 'queue', v: unknown): Promise<unknown>;
  del(s: 'queue', k: IDBValidKey): Promise<unknown>;
}): QueueStorage {
  return {
    load: () => idb.all<QueueItem>('queue'),
    save: async (item) => void (await idb.put('queue', item)),
    remove: async (id) => void (await idb.del('queue', id)),
  };
}
