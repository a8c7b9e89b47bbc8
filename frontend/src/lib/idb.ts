// IndexedDB, promise-shaped: one database with a key-value store for cached query
// results and one for the offline mutation queue.
export type StoreName = 'cache' | 'queue';

let dbp: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (!dbp) {
    dbp = new Promise((resolve, reject) => {
      const req = indexedDB.open('tandem', 1);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('cache')) db.createObjectStore('cache');
        if (!db.objectStoreNames.contains('queue')) db.createObjectStore('queue', { keyPath: 'id' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  return dbp;
}

function tx<T>(name: StoreName, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const t = db.transaction(name, mode);
        const r = fn(t.objectStore(name));
        t.oncomplete = () => resolve(r.result);
        t.onerror = () => reject(t.error);
        t.onabort = () => reject(t.error);
      }),
  );
}

export const idb = {
  get: <T>(s: StoreName, key: IDBValidKey) => tx<T | undefined>(s, 'readonly', (o) => o.get(key)),
  put: (s: StoreName, value: unknown, key?: IDBValidKey) => tx(s, 'readwrite', (o) => o.put(value, key)),
  del: (s: StoreName, key: IDBValidKey) => tx(s, 'readwrite', (o) => o.delete(key)),
  all: <T>(s: StoreName) => tx<T[]>(s, 'readonly', (o) => o.getAll()),
  keys: (s: StoreName) => tx<IDBValidKey[]>(s, 'readonly', (o) => o.getAllKeys()),
  clear: (s: StoreName) => tx(s, 'readwrite', (o) => o.clear()),
  /** For tests: forget the open connection (fake-indexeddb is reset between tests). */
  reset() {
    dbp = null;
  },
};
