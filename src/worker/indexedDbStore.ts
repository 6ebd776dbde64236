/// <reference lib="webworker" />
import type { KeptIndexStore } from '../model/keptIndexStore';

const DATABASE = 'arrowscope-kept-indexes';
const STORE = 'indexes';
/** When each index was kept, apart from its bytes: evicting reads only these. */
const TIMES = 'keptAt';
/** Indexes kept at most; the least recently kept go first. */
const MAX_KEPT = 16;
const GET_TIMEOUT_MS = 2_000;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Chunk indexes kept in the browser's IndexedDB between opens (and page loads). Any failure (no
 * IndexedDB, a full quota, a private window) is a miss: the file is simply walked again.
 */
export class IndexedDbStore implements KeptIndexStore {
  private db?: Promise<IDBDatabase>;

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const r = indexedDB.open(DATABASE, 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore(STORE);
        r.result.createObjectStore(TIMES);
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('IndexedDB could not be opened'));
    });
    return this.db;
  }

  /** The kept bytes, or undefined (also when IndexedDB has not answered within GET_TIMEOUT_MS: walking the file beats waiting). */
  async get(key: string): Promise<Uint8Array | undefined> {
    const read = this.open().then((db) => request(db.transaction(STORE, 'readonly').objectStore(STORE).get(key)) as Promise<unknown>);
    const bytes = await Promise.race([read, new Promise<undefined>((resolve) => setTimeout(resolve, GET_TIMEOUT_MS))]);
    return bytes instanceof Uint8Array ? bytes : undefined;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const db = await this.open();
    const transaction = db.transaction([STORE, TIMES], 'readwrite');
    const [store, times] = [transaction.objectStore(STORE), transaction.objectStore(TIMES)];
    store.put(bytes, key);
    times.put(Date.now(), key);
    const [keys, keptAt] = await Promise.all([request(times.getAllKeys()), request(times.getAll())]);
    const oldest = keys.map((k, i) => [k, keptAt[i] as number] as const).sort((a, b) => a[1] - b[1]);
    for (const [k] of oldest.slice(0, Math.max(0, keys.length - MAX_KEPT))) {
      store.delete(k);
      times.delete(k);
    }
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    });
  }
}
