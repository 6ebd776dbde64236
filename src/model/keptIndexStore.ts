/**
 * Where a file's chunk index is kept between opens (IndexedDB in the browser, memory in tests): bytes
 * by key. The engine makes the key from the file's identity and checks what it gets back; a store only
 * keeps bytes and may forget any of them.
 */
export interface KeptIndexStore {
  get(key: string): Promise<Uint8Array | undefined>;
  put(key: string, bytes: Uint8Array): Promise<void>;
}

/** Opening a file whose index may be kept: the store, and the file's last-modified time (a File's `lastModified`). */
export interface KeptIndexOptions {
  store: KeptIndexStore;
  lastModified: number;
}

/** A store in memory (the CLI and tests; a page has IndexedDB). */
export class MemoryIndexStore implements KeptIndexStore {
  readonly entries = new Map<string, Uint8Array>();
  async get(key: string): Promise<Uint8Array | undefined> {
    return this.entries.get(key);
  }
  async put(key: string, bytes: Uint8Array): Promise<void> {
    this.entries.set(key, bytes.slice());
  }
}
