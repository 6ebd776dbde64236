import { matchChunk, type BoundFilter, type ChunkMatches } from '../../compute/filter';
import { packedBuffers, packSteps, unpackSteps, type PackedPartial } from '../../compute/packedValues';
import { sumChunkRows } from '../../compute/pairwiseSum';
import { runSteps } from '../../compute/slicedSort';
import { mergeTopRows, topRows, type SortedRows, type SortKey } from '../../compute/sort';
import { recycleCounted } from '../../compute/recycleColumn';
import { UniqueCounter, useRangesEqual } from '../../compute/uniqueCounter';
import type { UniquePartial, UniqueValue } from '../../compute/uniqueTypes';
import type { Dataset } from '../../model/types';
import { bufferRangesEqual } from './nativeRanges';

/** What a command asks of every thread (plain data: it is posted to each one). */
export type JobSpec =
  | { kind: 'unique'; column: number; maxDistinct?: number; only?: UniqueValue[] }
  | { kind: 'count'; filter: BoundFilter }
  | { kind: 'top'; keys: SortKey[]; k: number; filter?: BoundFilter };

/** Consecutive chunks [start, end) handed to one thread at a time. */
export interface Share {
  start: number;
  end: number;
  rows: number;
}

export interface CountPartial {
  matched: number;
  chunksSkipped: number;
}

/** What a thread gives back once the job's shares are done, as posted (with the buffers to transfer). */
export type WireResult = PackedPartial | CountPartial | SortedRows;

/** One thread's running result over the shares it was given. */
export interface JobWork {
  /** Works through one share; resolves to its rows (for progress). */
  share(share: Share): Promise<number>;
  finish(): { result: WireResult; transfer: ArrayBuffer[] };
}

// Runs of equal strings are checked by memcmp (Buffer.compare), in the command's thread and in every pool thread.
useRangesEqual(bufferRangesEqual);

/** Chunks whose columns are read ahead of the one being worked on. */
const AHEAD = 2;

/** Runs `work` over the chunks of `share` in order, each one's reading started AHEAD chunks early. */
async function inOrder<T>(share: Share, load: (c: number) => Promise<T>, use: (c: number, loaded: T) => void): Promise<void> {
  const pending: Promise<T>[] = [];
  const start = (c: number) => {
    const p = load(c);
    p.catch(() => {}); // awaited in order below
    pending.push(p);
  };
  for (let c = share.start; c < Math.min(share.end, share.start + AHEAD); c++) start(c);
  for (let c = share.start; c < share.end; c++) {
    const loaded = await pending.shift()!;
    if (c + AHEAD < share.end) start(c + AHEAD);
    use(c, loaded);
  }
}

function uniqueWork(dataset: Dataset, spec: Extract<JobSpec, { kind: 'unique' }>): JobWork {
  const counter = new UniqueCounter(spec.maxDistinct, spec.only);
  return {
    async share(share) {
      await inOrder(
        share,
        (c) => (dataset.chunks[c].rows > 0 ? dataset.readColumn(c, spec.column, undefined, undefined, { recyclable: true }) : Promise.resolve(null)),
        (c, vector) => {
          if (!vector) return;
          counter.add(vector, dataset.chunks[c].rowOffset, undefined, sumChunkRows(dataset.format));
          recycleCounted(vector);
        },
      );
      return share.rows;
    },
    finish() {
      const { values, ...rest } = runSteps(counter.partialSteps());
      const packed = runSteps(packSteps(values));
      return { result: { ...rest, packed }, transfer: packedBuffers(packed) };
    },
  };
}

function countWork(dataset: Dataset, spec: Extract<JobSpec, { kind: 'count' }>): JobWork {
  const total: CountPartial = { matched: 0, chunksSkipped: 0 };
  return {
    async share(share) {
      await inOrder(
        share,
        (c) => matchChunk(dataset, spec.filter, c),
        (_, m: ChunkMatches) => {
          total.matched += m.matched;
          if (m.skipped) total.chunksSkipped++;
        },
      );
      return share.rows;
    },
    finish: () => ({ result: { ...total }, transfer: [] }),
  };
}

function topWork(dataset: Dataset, spec: Extract<JobSpec, { kind: 'top' }>): JobWork {
  let best: SortedRows | null = null;
  return {
    async share(share) {
      const top = await topRows(dataset, spec.keys, spec.k, { filter: spec.filter, chunks: { start: share.start, end: share.end } });
      best = best ? mergeTopRows([best, top], spec.keys, spec.k) : top;
      return share.rows;
    },
    finish() {
      const result = best ?? { rows: new Float64Array(0), candidates: 0, complete: true };
      return { result, transfer: [] };
    },
  };
}

/** The work of one thread (or of the command's own thread) for `spec` over `dataset`. */
export function jobWork(dataset: Dataset, spec: JobSpec): JobWork {
  if (spec.kind === 'unique') return uniqueWork(dataset, spec);
  if (spec.kind === 'count') return countWork(dataset, spec);
  return topWork(dataset, spec);
}

/** A unique job's packed result as a partial again. */
export function unpackedPartial({ packed, ...rest }: PackedPartial): UniquePartial {
  return { ...rest, values: runSteps(unpackSteps(packed)) };
}
