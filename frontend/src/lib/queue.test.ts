import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, OfflineError } from './api';
import { idb } from './idb';
import { MutationQueue, idbStorage, type Handler, type QueueItem, type QueueStorage } from './queue';

/** A fake server that de-duplicates by clientMutationId, like Tandem's. */
class Server {
  records = new Map<string, { id: string; body: unknown }>();
  calls: string[] = [];
  down = false;
  /** Record the write, then lose the answer (the network dropped on the way back). */
  loseAnswerOnce = false;
  sample = { id: 'SA1', status: 'RECEIVED', version: 3 };

  create(cmid: string, body: unknown) {
    this.calls.push(cmid);
    if (this.down) throw new OfflineError();
    if (!this.records.has(cmid)) this.records.set(cmid, { id: 'R' + (this.records.size + 1), body });
    if (this.loseAnswerOnce) {
      this.loseAnswerOnce = false;
      throw new OfflineError();
    }
    return this.records.get(cmid)!;
  }
}

function memoryStorage(): QueueStorage & { rows: Map<string, QueueItem> } {
  const rows = new Map<string, QueueItem>();
  return {
    rows,
    load: async () => [...rows.values()].map((r) => structuredClone(r)),
    save: async (it) => void rows.set(it.id, structuredClone(it)),
    remove: async (id) => void rows.delete(id),
  };
}

function handlers(server: Server): Record<string, Handler> {
  return {
    visit: { send: async (it) => server.create(it.id, it.vars.input) },
    sampleStep: {
      send: async (it) => {
        server.calls.push(it.id);
        if (server.down) throw new OfflineError();
        if (it.vars.input.version !== server.sample.version) throw new ApiError('stale version', 'CONFLICT');
        if (it.vars.input.to === 'NOPE') throw new ApiError('not allowed', 'BAD_USER_INPUT', { allowedNext: ['LAB_TRIAL'] });
        server.sample = { ...server.sample, status: it.vars.input.to, version: server.sample.version + 1 };
        return server.sample;
      },
      current: async () => ({ ...server.sample }),
      applied: (it, theirs) => theirs.status === it.vars.input.to,
      rebase: (it, theirs) => ({ ...it, vars: { input: { ...it.vars.input, version: theirs.version } } }),
    },
  };
}

const visit = (id: string, findings: string, createdAt: number) => ({ id, kind: 'visit', label: 'Visit', vars: { input: { findings } }, createdAt });

describe('offline queue', () => {
  let server: Server;
  let storage: ReturnType<typeof memoryStorage>;
  let q: MutationQueue;
  beforeEach(async () => {
    server = new Server();
    storage = memoryStorage();
    q = new MutationQueue(storage, handlers(server));
    await q.init();
  });

  it('keeps writes made offline and replays them in order once, when the network returns', async () => {
    server.down = true;
    await q.enqueue(visit('c1', 'first', 1));
    await q.enqueue(visit('c2', 'second', 2));
    await q.flush();
    expect(q.pending().map((i) => i.id)).toEqual(['c1', 'c2']);
    expect(storage.rows.size).toBe(2);
    expect(server.records.size).toBe(0);

    server.down = false;
    server.calls = [];
    await q.flush();
    expect(server.calls).toEqual(['c1', 'c2']);
    expect([...server.records.values()].map((r) => (r.body as any).findings)).toEqual(['first', 'second']);
    expect(q.items.get()).toEqual([]);
    expect(storage.rows.size).toBe(0);
  });

  it('never duplicates a write whose answer was lost: the replay carries the same clientMutationId', async () => {
    server.loseAnswerOnce = true;
    await q.enqueue(visit('c1', 'once', 1));
    await q.flush();
    expect(q.pending()).toHaveLength(1);
    await q.flush();
    expect(server.calls).toEqual(['c1', 'c1']);
    expect(server.records.size).toBe(1);
    expect(q.items.get()).toHaveLength(0);
  });

  it('survives a restart: items caught sending are sent again', async () => {
    server.down = true;
    await q.enqueue(visit('c1', 'x', 1));
    await q.flush();
    storage.rows.set('c1', { ...storage.rows.get('c1')!, status: 'sending' });
    const q2 = new MutationQueue(storage, handlers(server));
    await q2.init();
    expect(q2.items.get()[0].status).toBe('pending');
    server.down = false;
    await q2.flush();
    expect(server.records.size).toBe(1);
  });

  it('parks a CONFLICT with both versions, and applies mine on top when asked', async () => {
    const parked: QueueItem[] = [];
    q.on((e) => e.type === 'parked' && parked.push(e.item));
    server.sample.version = 4; // someone else moved the sample on
    server.sample.status = 'LAB_TRIAL';
    await q.enqueue({ id: 's1', kind: 'sampleStep', label: 'Sample', vars: { input: { id: 'SA1', to: 'PILOT_TRIAL', version: 3 } } });
    await q.flush();
    const it = q.items.get()[0];
    expect(it.status).toBe('conflict');
    expect(it.theirs).toMatchObject({ status: 'LAB_TRIAL', version: 4 });
    expect(it.vars.input.version).toBe(3);
    expect(parked).toHaveLength(1);
    await q.retry('s1');
    expect(q.items.get()).toHaveLength(0);
    expect(server.sample).toMatchObject({ status: 'PILOT_TRIAL', version: 5 });
  });

  it('treats a CONFLICT whose change is already on the server as sent (a lost answer)', async () => {
    server.sample = { id: 'SA1', status: 'LAB_TRIAL', version: 4 };
    await q.enqueue({ id: 's1', kind: 'sampleStep', label: 'Sample', vars: { input: { id: 'SA1', to: 'LAB_TRIAL', version: 3 } } });
    await q.flush();
    expect(q.items.get()).toHaveLength(0);
  });

  it('parks a refused item with the server code and goes on with the next', async () => {
    await q.enqueue({ id: 's1', kind: 'sampleStep', label: 'Sample', vars: { input: { id: 'SA1', to: 'NOPE', version: 3 } } });
    await q.enqueue(visit('c2', 'next', Date.now() + 1));
    await q.flush();
    const [refused] = q.items.get();
    expect(refused.status).toBe('failed');
    expect(refused.error?.code).toBe('BAD_USER_INPUT');
    expect(server.records.size).toBe(1);
    await q.discard('s1');
    expect(q.items.get()).toHaveLength(0);
    expect(storage.rows.size).toBe(0);
  });

  it("sends only the signed-in user's items", async () => {
    let me: string | undefined = 'U1';
    const q2 = new MutationQueue(storage, handlers(server), () => me);
    await q2.init();
    server.down = true;
    await q2.enqueue(visit('c1', 'by U1', 1));
    await q2.flush();
    server.down = false;
    me = 'U2';
    await q2.flush();
    expect(server.records.size).toBe(0);
    me = 'U1';
    await q2.flush();
    expect(server.records.size).toBe(1);
  });

  it('refuses an item kind without a handler', async () => {
    await expect(q.enqueue({ id: 'x', kind: 'nope', label: '', vars: {} })).rejects.toThrow(/no handler/);
  });
});

describe('queue storage in IndexedDB', () => {
  beforeEach(async () => {
    idb.reset();
    await idb.clear('queue');
  });
  it('stores, lists and removes items', async () => {
    const s = idbStorage(idb);
    const item: QueueItem = { id: 'a', kind: 'visit', label: 'L', vars: { input: { findings: '样品' } }, createdAt: 1, status: 'pending', attempts: 0 };
    await s.save(item);
    await s.save({ ...item, id: 'b', createdAt: 2 });
    expect((await s.load()).map((i) => i.id).sort()).toEqual(['a', 'b']);
    expect((await s.load()).find((i) => i.id === 'a')?.vars.input.findings).toBe('样品');
    await s.remove('a');
    expect((await s.load()).map((i) => i.id)).toEqual(['b']);
  });
});
