/**
 * Scrolling a ZSTD-compressed batch, 64 rows a step, with and without the decoded cache
 * (src/source/decodedCache.ts). One batch of 500,000 rows (int64, float64, utf8, bool, dictionary,
 * timestamp flat; list<int32> and struct<int32, utf8> nested), its buffers compressed by the `zstd` command (level 3; without
 * it the bench is skipped). Each run opens the file afresh (Node file handle under the block cache, as
 * the engine worker does), then reads 20 consecutive 64-row windows of every column through
 * compute/rowWindow (the grid's path, values made text). "Off" is a budget of 0: every window decodes
 * its columns whole, the path every window took before the cache. Runs alternate off/on; median of 3.
 *
 *   node --import tsx bench/decodedCacheNode.ts [rows] [steps]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompressionType, Table } from 'apache-arrow';
import { readRowWindow } from '../src/compute/rowWindow';
import { openDataset } from '../src/dataset/openDataset';
import { CachedSource } from '../src/source/cachedSource';
import { DECODED_BUDGET_BYTES, decodedCache } from '../src/source/decodedCache';
import { NodeFileSource } from '../src/source/nodeFileSource';
import { compressedStream, mixedBatch } from '../tests/arrow/support/compressedIpc';
import { median } from './median';

const WINDOW = 64;
const MIB = 2 ** 20;

export interface ScrollRun {
  firstStepMs: number;
  medianStepMs: number;
  totalMs: number;
  bytesRead: number;
  decodes: number;
}

/** The `zstd` command as an encoder (null when it is not installed). */
function zstdCommand(dir: string): ((data: Uint8Array) => Uint8Array) | null {
  try {
    execFileSync('zstd', ['--version'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return (data) => {
    const raw = join(dir, 'buffer');
    writeFileSync(raw, data);
    execFileSync('zstd', ['-q', '-f', '-3', raw, '-o', `${raw}.zst`]);
    return new Uint8Array(readFileSync(`${raw}.zst`));
  };
}

async function scroll(path: string, steps: number): Promise<ScrollRun> {
  const source = new CachedSource(await NodeFileSource.open(path));
  const ds = await openDataset(source);
  await ds.indexed;
  const columns = ds.fields.map((_, c) => c);
  const loads = () => Object.values(decodedCache.stats().areas).reduce((n, a) => n + a.loads, 0);
  const loadsBefore = loads();
  const times: number[] = [];
  const started = performance.now();
  for (let s = 0; s < steps; s++) {
    const t = performance.now();
    const window = await readRowWindow(ds, s * WINDOW, WINDOW, columns);
    if (window.errors.some((e) => e)) throw new Error(window.errors.find((e) => e)!);
    times.push(performance.now() - t);
  }
  const totalMs = performance.now() - started;
  const run = { firstStepMs: times[0], medianStepMs: median(times), totalMs, bytesRead: source.stats.bytesRead, decodes: loads() - loadsBefore };
  await ds.close();
  return run;
}

export async function measureDecodedCache(rows = 500_000, steps = 20, runs = 3) {
  const dir = mkdtempSync(join(tmpdir(), 'arrowscope-decoded-'));
  try {
    const encode = zstdCommand(dir);
    if (!encode) return null;
    const table: Table = mixedBatch(rows, 1);
    const bytes = compressedStream(table, CompressionType.ZSTD, encode);
    const path = join(dir, 'zstd-batch.arrows');
    writeFileSync(path, bytes);
    const decoded = table.batches[0].data.children.reduce((n, d) => n + d.byteLength, 0);
    const off: ScrollRun[] = [];
    const on: ScrollRun[] = [];
    for (let r = 0; r < runs; r++) {
      decodedCache.setBudget(0);
      off.push(await scroll(path, steps));
      decodedCache.setBudget(DECODED_BUDGET_BYTES);
      on.push(await scroll(path, steps));
    }
    const pick = (xs: ScrollRun[]) => ({
      firstStepMs: median(xs.map((x) => x.firstStepMs)),
      medianStepMs: median(xs.map((x) => x.medianStepMs)),
      totalMs: median(xs.map((x) => x.totalMs)),
      bytesRead: median(xs.map((x) => x.bytesRead)),
      decodes: median(xs.map((x) => x.decodes)),
    });
    return { rows, steps, columns: table.numCols, fileMiB: bytes.length / MIB, decodedMiB: decoded / MIB, off: pick(off), on: pick(on) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function decodedCacheRows(f: Awaited<ReturnType<typeof measureDecodedCache>>): string[] {
  if (!f) return ['(skipped: the `zstd` command is not installed)'];
  const ms = (n: number) => n.toFixed(1);
  const row = (name: string, x: ScrollRun) =>
    `| ${name} | ${ms(x.firstStepMs)} | ${ms(x.medianStepMs)} | ${ms(x.totalMs)} | ${(x.bytesRead / MIB).toFixed(1)} | ${x.decodes} |`;
  return [
    `One ZSTD batch of ${f.rows.toLocaleString('en-US')} rows, ${f.columns} columns (${f.fileMiB.toFixed(1)} MiB on disk, ${f.decodedMiB.toFixed(1)} MiB decoded); ${f.steps} consecutive ${WINDOW}-row steps over every column, median of 3 fresh opens.`,
    '',
    '| decoded cache | first step ms | median step ms | all steps ms | MiB read | values decoded into the cache |',
    '|---|---|---|---|---|---|',
    row('off (budget 0: each window decodes its columns whole, as before)', f.off),
    row(`on (${DECODED_BUDGET_BYTES / MIB} MiB)`, f.on),
    '',
    `Median step ${(f.off.medianStepMs / f.on.medianStepMs).toFixed(0)}× faster with the cache.`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [rows, steps] = process.argv.slice(2).map(Number);
  console.log(decodedCacheRows(await measureDecodedCache(rows || undefined, steps || undefined)).join('\n'));
}
