import { DatasetError } from '../model/errors';
import type { ByteSource } from '../model/byteSource';
import type { Dataset } from '../model/types';
import { openDataset } from '../dataset/openDataset';
import { BLOCK, CachedSource, LOCAL_BLOCK } from '../source/cachedSource';
import type { SourceSpec } from '../source/SourceSpec';
import type { KeptIndexStore } from '../model/keptIndexStore';
import { KeptUniques } from './uniqueResults';
import { ReadCoverage } from './readCoverage';
import { ColumnSummaryCounter } from './columnSummary';

/** One open dataset and what the engine keeps with it. */
export interface OpenDataset {
  dataset: Dataset;
  /** How compute workers can open the same file (null in Node). */
  spec: SourceSpec | null;
  cache: CachedSource;
  /** Which ranges of the file were read, below the cache. */
  coverage: ReadCoverage;
  /** The whole-file column summary, counted on demand and kept. */
  columnSummary: ColumnSummaryCounter;
  openMs: number;
  indexMs?: number;
  /** Unique-values results by column (the most recent few), kept until the dataset closes. */
  unique: KeptUniques;
  local: boolean;
  url?: string;
  /** Stops a stream's background indexing; the batches found so far stay usable. */
  indexing: AbortController;
}

/** The open datasets, by id. */
export class DatasetRegistry {
  private readonly open = new Map<number, OpenDataset>();
  private nextId = 1;

  /** Where a local stream's chunk index is kept between opens (IndexedDB in the engine worker; none in Node). */
  keptIndexStore?: KeptIndexStore;

  /** Opens a dataset over `source` (through a read cache) and returns its id. */
  async add(source: ByteSource, local: boolean, url: string | undefined, spec: SourceSpec | null): Promise<number> {
    const started = performance.now();
    const coverage = new ReadCoverage(source);
    // A local file's reads are cheap to make and each byte costs (a W1 jump's 38 reads rounded to 64 KiB
    // blocks were 3.1 MB of which ~0.9 MB wanted); a remote one's are round trips, worth whole blocks.
    const cache = new CachedSource(coverage, undefined, local ? LOCAL_BLOCK : BLOCK);
    const indexing = new AbortController();
    const lastModified = spec?.kind === 'blob' ? (spec.blob as { lastModified?: unknown }).lastModified : undefined;
    const kept = this.keptIndexStore && typeof lastModified === 'number' ? { store: this.keptIndexStore, lastModified } : undefined;
    const dataset = await openDataset(cache, { signal: indexing.signal, kept });
    const id = this.nextId++;
    const entry: OpenDataset = { dataset, spec, cache, coverage, columnSummary: new ColumnSummaryCounter(dataset), unique: new KeptUniques(), openMs: performance.now() - started, local, url, indexing };
    this.open.set(id, entry);
    void dataset.indexed.then(() => (entry.indexMs = performance.now() - started));
    return id;
  }

  get(id: number): OpenDataset {
    const o = this.open.get(id);
    if (!o) throw new DatasetError(`Dataset ${id} is not open.`);
    return o;
  }

  /** Forgets the dataset, stops its indexing and closes it (an unknown id is a no-op). */
  async close(id: number): Promise<void> {
    const o = this.open.get(id);
    this.open.delete(id);
    o?.indexing.abort();
    await o?.dataset.close();
  }
}
