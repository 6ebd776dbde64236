import { Field, Float64, Int32, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { packSteps, type PackedPartial } from '../../src/compute/packedValues';
import { runSteps } from '../../src/compute/slicedSort';
import { uniqueOfColumn, type ScanProgress } from '../../src/compute/uniqueOfColumn';
import { TOP_K, type UniqueValue } from '../../src/compute/uniqueTypes';
import { openDataset } from '../../src/dataset/openDataset';
import { abortable } from '../../src/model/abortable';
import type { ByteSource } from '../../src/model/byteSource';
import type { Dataset } from '../../src/model/types';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import type { SourceSpec } from '../../src/source/SourceSpec';
import { runUnique, type LendingPool, type UniqueMember } from '../../src/worker/pool/runUnique';
import { tempFile } from '../support/files';
import { withLatency } from '../support/slowSource';

/**
 * runUnique over compute workers, with workers that run in this process what a pool worker runs
 * (open the file itself, count its share with uniqueOfColumn, post the partial packed): Node has no
 * Web Worker, and what is tested here is how runUnique merges and cancels, not the messaging.
 */
class InProcessWorker implements UniqueMember {
  private readonly stopped = new AbortController();
  reads = 0;

  constructor(private readonly source: () => Promise<ByteSource>) {}

  readonly api = {
    unique: async (_spec: SourceSpec, column: number, chunks: number[], onProgress: (p: ScanProgress) => void, only?: UniqueValue[], maxDistinct?: number, selection?: (Uint32Array | null)[]): Promise<PackedPartial> => {
      const signal = this.stopped.signal;
      const dataset = await abortable(this.open(), signal);
      const { values, ...rest } = await uniqueOfColumn(dataset, column, { chunks, onProgress, only, maxDistinct, selection, signal });
      return { ...rest, packed: runSteps(packSteps(values)) };
    },
  } as unknown as UniqueMember['api'];

  /** As Worker.terminate: whatever it was doing ends (here: what it awaits gives up). */
  stop(): void {
    this.stopped.abort();
  }

  private async open(): Promise<Dataset> {
    const inner = await this.source();
    const counted: ByteSource = { ...inner, read: (offset, length, signal) => (this.reads++, inner.read(offset, length, signal)) };
    const dataset = await openDataset(counted);
    await abortable(dataset.indexed, this.stopped.signal);
    return dataset;
  }
}

class InProcessPool implements LendingPool<InProcessWorker> {
  readonly taken: InProcessWorker[] = [];
  readonly givenBack: InProcessWorker[] = [];
  readonly stopped: InProcessWorker[] = [];

  constructor(private readonly source: () => Promise<ByteSource>) {}

  take(n: number): InProcessWorker[] {
    const members = Array.from({ length: n }, () => new InProcessWorker(this.source));
    this.taken.push(...members);
    return members;
  }

  async giveBack(members: InProcessWorker[]): Promise<void> {
    this.givenBack.push(...members);
  }

  stop(members: InProcessWorker[]): void {
    for (const m of members) m.stop();
    this.stopped.push(...members);
  }
}

function stream(schema: Schema, columns: ReturnType<typeof makeData>[][]): Uint8Array {
  const batches = columns.map((children) => new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: children[0].length, nullCount: 0, children })));
  return RecordBatchStreamWriter.writeAll(batches).toUint8Array(true);
}

/** Four batches of 1,800 distinct strings in all: batches 0 and 2 hold v0..v899, 1 and 3 v900..v1799 (the two workers' shares); v7 and v1700 are frequent. */
const HALVES = [0, 1, 2, 3].map((b) => {
  const half = b % 2;
  const own = Array.from({ length: 450 }, (_, i) => `v${half * 900 + (b >> 1) * 450 + i}`);
  return [...own, ...Array<string>(40).fill(half ? 'v1700' : 'v7')];
});
const SPLIT = tempFile('split.arrows', stream(new Schema([new Field('s', new Utf8(), false)]), HALVES.map((v) => [vectorFromArray(v, new Utf8()).data[0]])));

/** 3,000 batches of 10 doubles: a worker indexing it at 1 s a read takes seconds. */
const MANY = tempFile(
  'many.arrows',
  stream(
    new Schema([new Field('x', new Float64(), false)]),
    Array.from({ length: 3000 }, (_, b) => [makeData({ type: new Float64(), length: 10, nullCount: 0, data: Float64Array.from({ length: 10 }, (_, i) => b * 10 + i) })]),
  ),
);

/** 0 … 199,999 in row order, in 8 batches: each of two workers holds under 100,000 rows, all of them, in order. */
const ORDERED = tempFile(
  'ordered.arrows',
  stream(
    new Schema([new Field('u', new Int32(), false)]),
    Array.from({ length: 8 }, (_, b) => [makeData({ type: new Int32(), length: 25_000, nullCount: 0, data: Int32Array.from({ length: 25_000 }, (_, i) => b * 25_000 + i) })]),
  ),
);

const spec = (path: string): SourceSpec => ({ kind: 'url', url: `file://${path}` });

async function opened(path: string): Promise<Dataset> {
  const dataset = await openDataset(await NodeFileSource.open(path));
  await dataset.indexed;
  return dataset;
}

describe('runUnique over compute workers', () => {
  it('one budget across the workers: two shares of 900 distinct values each, under a budget of 1,000, are not called exact; the top values are counted exactly', async () => {
    const dataset = await opened(SPLIT);
    const lender = new InProcessPool(() => NodeFileSource.open(SPLIT));
    const result = await runUnique(dataset, spec(SPLIT), 0, () => {}, new AbortController().signal, undefined, 1000, undefined, lender);
    expect(lender.taken.length).toBe(2);
    expect(lender.givenBack).toEqual(lender.taken);
    expect(result.exact).toBe(false);
    expect(result.values.length).toBeLessThanOrEqual(TOP_K);
    expect(Math.abs(result.distinct / 1800 - 1)).toBeLessThan(0.02);
    const truth = new Map<string, number>();
    for (const v of HALVES.flat()) truth.set(v, (truth.get(v) ?? 0) + 1);
    expect(result.values.slice(0, 2).map((v) => [v.value, v.count])).toEqual([['v7', 81], ['v1700', 81]]);
    for (const v of result.values) expect(v.count, String(v.value)).toBe(truth.get(v.value as string));
    // Within a budget that holds them all: exact, every value.
    const all = await runUnique(dataset, spec(SPLIT), 0, () => {}, new AbortController().signal, undefined, 1800, undefined, new InProcessPool(() => NodeFileSource.open(SPLIT)));
    expect([all.exact, all.distinct, all.values.length]).toEqual([true, 1800, 1800]);
    expect(new Map(all.values.map((v) => [v.value, v.count]))).toEqual(truth);
  });

  it("the profile's sample stands for every worker's rows: quantiles near pyarrow's, every bin near numpy's count", async () => {
    const dataset = await opened(ORDERED);
    const { profile } = await runUnique(dataset, spec(ORDERED), 0, () => {}, new AbortController().signal, undefined, undefined, undefined, new InProcessPool(() => NodeFileSource.open(ORDERED)));
    expect(profile.quantilesExact).toBe(false);
    // pyarrow 25: pc.quantile(range(200_000), [0.25, 0.5, 0.75, 0.95]); each worker's first rows gave a p50 of 49,999.5.
    const quantiles = Object.fromEntries(profile.quantiles!.map((q) => [q.p, q.value]));
    [[25, 49_999.75], [50, 99_999.5], [75, 149_999.25], [95, 189_999.05]].forEach(([p, gold]) => expect(Math.abs(quantiles[p] / gold - 1), `p${p}`).toBeLessThan(0.01));
    // numpy.histogram(range(200_000), bins of 6,667 integers): 6,667 in each of 29, 6,657 in the last; bins 15–29 were empty.
    expect(profile.histogram!.length).toBe(30);
    profile.histogram!.forEach((b, i) => expect(Math.abs(b.count / (i === 29 ? 6_657 : 6_667) - 1), `bin ${i}`).toBeLessThan(0.05));
  });

  it("the mean from several workers' shares is pyarrow's to the last digit: chunk sums added in row order", async () => {
    // fixtures/write_mean.py: pyarrow 25's pc.mean of column f64 (as in meanGold.test.ts).
    for (const [file, gold] of [['mean.arrows', 2082.0793648485637], ['mean.parquet', 2046.6494109267064]] as const) {
      const path = join(__dirname, 'fixtures', file);
      const lender = new InProcessPool(() => NodeFileSource.open(path));
      const { profile } = await runUnique(await opened(path), spec(path), 0, () => {}, new AbortController().signal, undefined, undefined, undefined, lender);
      expect(lender.taken.length, file).toBe(2);
      expect(profile.mean, file).toBe(gold);
    }
  });

  it('a cancel while the workers still open and index the file ends the count at once and stops them', async () => {
    const dataset = await opened(MANY); // the engine's own index is complete; the workers' is not
    const lender = new InProcessPool(async () => withLatency(await NodeFileSource.open(MANY), 1000));
    const controller = new AbortController();
    let progress = 0;
    const count = runUnique(dataset, spec(MANY), 0, () => progress++, controller.signal, undefined, undefined, undefined, lender);
    count.catch(() => {});
    // Both workers are opening the file (each read takes a second): cancel now.
    await vi.waitFor(() => expect(lender.taken.length === 2 && lender.taken.every((w) => w.reads > 0)).toBe(true));
    expect(progress).toBe(0); // nothing counted yet
    const asked = performance.now();
    controller.abort();
    await expect(count).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - asked).toBeLessThan(500); // loose for a shared machine: indexing alone takes seconds
    expect(lender.stopped).toEqual(expect.arrayContaining(lender.taken));
    expect(lender.givenBack).toEqual([]);
  }, 30_000);
});
