import { LRUCache } from 'lru-cache';
import { SharedTask } from '../model/abortable';

/**
 * Bytes all decoded-data caches of this worker may hold together: decompressed Arrow buffers, decoded
 * nested columns, decoded Parquet pages. A value larger than the budget is decoded each time, not kept.
 */
export const DECODED_BUDGET_BYTES = 256 * 1024 * 1024;

/** What the decoded cache holds, in all and per area, and what it did since it was made. */
export interface DecodedCacheStats {
  heldBytes: number;
  budgetBytes: number;
  entries: number;
  /** Per area (e.g. `arrow-buffers`): bytes held, values served from the cache, values decoded through `load`. */
  areas: Record<string, { heldBytes: number; hits: number; loads: number }>;
  evictions: number;
}

interface Entry {
  value: unknown;
  bytes: number;
  scope: DecodedScope;
}

interface AreaCounters {
  heldBytes: number;
  hits: number;
  loads: number;
}

/**
 * One worker's cache of decoded data under one byte budget (least recently used first out), shared by
 * every open file and every engine. Each user takes a scope: a named area (what kind of data) for one
 * owner (one open file), with its own key space; closing the file closes its scope.
 */
export class DecodedCache {
  private lru: LRUCache<string, Entry>;
  private nextScope = 0;
  private readonly areas = new Map<string, AreaCounters>();
  private evictions = 0;
  private budget: number;

  constructor(budgetBytes = DECODED_BUDGET_BYTES) {
    this.budget = Math.max(0, Math.floor(budgetBytes));
    this.lru = this.makeLru(this.budget);
  }

  private makeLru(budgetBytes: number): LRUCache<string, Entry> {
    return new LRUCache<string, Entry>({
      maxSize: Math.max(1, budgetBytes),
      sizeCalculation: (entry) => Math.max(1, entry.bytes),
      dispose: (entry, key, reason) => {
        if (reason === 'evict') this.evictions++;
        this.drop(key, entry);
      },
    });
  }

  /** Bytes the cache may hold; 0 when nothing is kept (every value decoded each time it is asked for). */
  get budgetBytes(): number {
    return this.budget;
  }

  /** True when values are kept at all (a budget above 0). */
  get enabled(): boolean {
    return this.budget > 0;
  }

  /** Bytes held now, all areas and owners together. */
  get heldBytes(): number {
    return this.lru.calculatedSize;
  }

  /**
   * A new budget: the most recently used values that fit are kept. 0 turns the cache off (for
   * measuring without it, and for a user who wants the memory back).
   */
  setBudget(budgetBytes: number): void {
    const old = this.lru;
    this.budget = Math.max(0, Math.floor(budgetBytes));
    this.lru = this.makeLru(this.budget);
    // Oldest first, so that the newest survive; what does not fit is disposed by the new cache.
    for (const [key, entry] of [...old.rentries()] as [string, Entry][]) {
      if (this.enabled && entry.bytes <= this.budget) this.lru.set(key, entry);
      else this.drop(key, entry);
    }
  }

  /** A fresh key space for one owner (an open file) in `area` (e.g. `arrow-buffers`, `parquet-pages`). */
  scope(area: string): DecodedScope {
    this.area(area);
    return new DecodedScope(this, area, `${area}#${this.nextScope++}`);
  }

  stats(): DecodedCacheStats {
    const areas: DecodedCacheStats['areas'] = {};
    for (const [name, a] of this.areas) areas[name] = { ...a };
    return { heldBytes: this.heldBytes, budgetBytes: this.budget, entries: this.lru.size, areas, evictions: this.evictions };
  }

  /** @internal for DecodedScope */
  area(name: string): AreaCounters {
    let a = this.areas.get(name);
    if (!a) this.areas.set(name, (a = { heldBytes: 0, hits: 0, loads: 0 }));
    return a;
  }

  /** @internal for DecodedScope */
  lookup(key: string, area: string): unknown {
    const entry = this.lru.get(key);
    if (entry) this.area(area).hits++;
    return entry?.value;
  }

  /** @internal for DecodedScope: false when the value is larger than the budget (or the cache is off). */
  store(key: string, entry: Entry): boolean {
    this.lru.delete(key);
    if (!this.enabled || entry.bytes > this.budget) return false;
    entry.scope.hold(key, entry.bytes);
    this.area(entry.scope.area).heldBytes += entry.bytes;
    this.lru.set(key, entry);
    return true;
  }

  /** @internal for DecodedScope */
  remove(key: string): void {
    this.lru.delete(key);
  }

  private drop(key: string, entry: Entry): void {
    entry.scope.forget(key, entry.bytes);
    this.area(entry.scope.area).heldBytes -= entry.bytes;
  }
}

/**
 * One owner's key space in one area of the decoded cache. `load` decodes a value once even when
 * several requests ask for it at the same time; a request's cancel ends only its own wait.
 */
export class DecodedScope {
  private held = 0;
  private readonly keys = new Set<string>();
  private readonly pending = new Map<string, SharedTask<unknown>>();
  private closed = false;

  constructor(
    private readonly cache: DecodedCache,
    readonly area: string,
    private readonly prefix: string,
  ) {}

  /** True while values set here are kept: the cache has a budget and the scope is not closed. */
  get keeps(): boolean {
    return !this.closed && this.cache.enabled;
  }

  /** Bytes this scope holds now. */
  get bytes(): number {
    return this.held;
  }

  get<V>(key: string): V | undefined {
    return this.cache.lookup(this.full(key), this.area) as V | undefined;
  }

  /** Keeps `value`, said to hold `bytes`; not kept when larger than the budget, or once the scope is closed. */
  set<V>(key: string, value: V, bytes: number): void {
    if (this.closed) return;
    this.cache.store(this.full(key), { value, bytes, scope: this });
  }

  delete(key: string): void {
    this.cache.remove(this.full(key));
  }

  /**
   * The value under `key`, from the cache or made by `make` (once for every request waiting on it,
   * aborted only when all of them are) and then kept. Errors are not kept: the next request tries again.
   */
  async load<V>(key: string, make: (signal: AbortSignal) => Promise<{ value: V; bytes: number }>, signal?: AbortSignal): Promise<V> {
    const hit = this.get<V>(key);
    if (hit !== undefined) return hit;
    let task = this.pending.get(key) as SharedTask<V> | undefined;
    if (!task || task.abandoned) {
      const made = new SharedTask(async (s) => {
        const { value, bytes } = await make(s);
        this.cache.area(this.area).loads++;
        this.set(key, value, bytes);
        return value;
      });
      this.pending.set(key, made);
      const done = () => this.pending.get(key) === made && this.pending.delete(key);
      made.promise.then(done, done);
      task = made;
    }
    return task.wait(signal);
  }

  /** Drops everything this scope holds. */
  clear(): void {
    for (const key of [...this.keys]) this.cache.remove(key);
  }

  /** Drops everything this scope holds and keeps nothing more (a load still running ends unkept): its file was closed. */
  close(): void {
    this.closed = true;
    this.clear();
    this.pending.clear();
  }

  /** @internal for DecodedCache: a value of this scope was kept. */
  hold(key: string, bytes: number): void {
    this.keys.add(key);
    this.held += bytes;
  }

  /** @internal for DecodedCache: a value of this scope was evicted or deleted. */
  forget(key: string, bytes: number): void {
    this.keys.delete(key);
    this.held -= bytes;
  }

  private full(key: string): string {
    return `${this.prefix}/${key}`;
  }
}

/** The decoded cache of this worker (or Node process): one budget for every file and engine in it. */
export const decodedCache = new DecodedCache();
