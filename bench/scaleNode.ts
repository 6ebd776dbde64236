/**
 * `npm run bench -- scale`: files whose metadata is large (100,000 columns, 1,000,000 chunks), each
 * opened cold 3 times in a fresh process through the engine the app's worker uses; medians reported.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeManyEmptyBatches, writeTallParquet, writeWideArrow, writeWideParquet } from '../scripts/gen/scaleFiles';
import { median } from './median';

interface ScaleRun {
  fields: number;
  chunks: number;
  rows: number;
  openMs: number;
  indexMs: number;
  summaryMs: number;
  chunkPagesMs: number;
  firstRowsMs: number;
  heapKeptMiB: number;
  peakRssMiB: number;
  rssBeforeMiB: number;
}

const FILES = [
  { file: 'scale-100k-fields.arrows', what: '100,000 int32 columns, 4 rows (IPC stream)', write: (p: string) => writeWideArrow(p, 100_000, 4, 'stream') },
  { file: 'scale-100k-fields.parquet', what: '100,000 int32 columns, 4 rows (Parquet)', write: (p: string) => writeWideParquet(p, 100_000, 4) },
  { file: 'scale-1m-batches.arrows', what: '1,000,000 empty record batches (IPC stream)', write: (p: string) => writeManyEmptyBatches(p, 1_000_000, 'stream') },
  { file: 'scale-1m-batches.arrow', what: '1,000,000 empty record batches (IPC file)', write: (p: string) => writeManyEmptyBatches(p, 1_000_000, 'file') },
  { file: 'scale-1m-row-groups.parquet', what: '1,000,000 one-row row groups (Parquet)', write: (p: string) => writeTallParquet(p, 1_000_000) },
];

const RUNS = 3;
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

export const SCALE_HEADER = [
  '| file | open, usable (ms) | open + full index (ms) | summary to the page (ms) | 3 chunk pages (ms) | first 50 rows × 20 columns (ms) | peak RSS (MiB) | heap kept (MiB) |',
  '|---|---|---|---|---|---|---|---|',
];

/** Rows of the scale table: median of 3 cold runs per file (files made in `dataDir` when missing). */
export async function scaleRows(dataDir: string, only?: string): Promise<string[]> {
  const rows: string[] = [];
  for (const f of FILES.filter((x) => !only || x.file.includes(only))) {
    const path = join(dataDir, f.file);
    if (!existsSync(path)) {
      console.error(`generating ${path} …`);
      await f.write(path);
    }
    const runs: ScaleRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/scaleOne.ts', path], { encoding: 'utf8', maxBuffer: 1 << 20 });
      runs.push(JSON.parse(out.trim().split('\n').pop()!) as ScaleRun);
    }
    const m = (k: keyof ScaleRun) => median(runs.map((r) => r[k]));
    rows.push(
      `| ${f.what} | ${fmt(m('openMs'))} | ${fmt(m('indexMs'))} | ${fmt(m('summaryMs'))} | ${fmt(m('chunkPagesMs'), 1)} | ${fmt(m('firstRowsMs'))} | ${fmt(m('peakRssMiB'))} (${fmt(m('rssBeforeMiB'))} before opening) | ${fmt(m('heapKeptMiB'))} |`,
    );
    console.error(rows[rows.length - 1]);
  }
  return rows;
}
