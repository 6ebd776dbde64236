/**
 * Parquet row windows in Node, as the grid asks for them (compute/rowWindow.ts over a CachedSource): a
 * jump to a row never read (a fresh dataset, a 64-row block of every column) and then 64-row steps
 * down from it, decoding only the pages covering the rows (src/parquet/pageWindow.ts) against the
 * whole column chunks as before (pageWindowSettings.enabled = false), interleaved in one run.
 *
 *   node --expose-gc --import tsx bench/parquetWindowNode.ts [file.parquet] [--runs 3] [--steps 32] [--rows 37000000,12345678,44444444]
 *
 * Defaults to W2 (data/fec-50.parquet). Without --rows, run k jumps to row 74% of the file + k * 1,000,003
 * (on W2 the first rows of a row group, whose pages are dictionary-encoded); with --rows, run k jumps
 * to the k-th row given (mod their count; the Chromium bench's rows lie in W2's plain pages). Prints per mode the median of the runs: jump ms and MiB
 * read, and the median and worst 64-row step (ms, MiB read).
 */
import { readRowWindow } from '../src/compute/rowWindow';
import { openDataset } from '../src/dataset/openDataset';
import { pageWindowSettings } from '../src/parquet/pageWindow';
import { CachedSource } from '../src/source/cachedSource';
import { NodeFileSource } from '../src/source/nodeFileSource';
import { median } from './median';

export interface WindowFigures {
  mode: 'pages' | 'whole chunks';
  jumpMs: number;
  jumpMiB: number;
  jumpCpuMs: number;
  stepMs: number;
  stepCpuMs: number;
  stepMiB: number;
  worstStepMs: number;
  worstStepMiB: number;
}

const ROWS = 64;
/** A jump's and each step's wall ms, bytes read and CPU ms of the process (the machine may be shared: CPU time says what the work costs). */
interface Run {
  jump: [number, number, number];
  steps: [number, number, number][];
}
const mib = (n: number) => n / 2 ** 20;

/** One run: open fresh, jump to `row`, then `steps` 64-row steps down; times and bytes of each. */
async function oneRun(path: string, row: number, steps: number, pages: boolean): Promise<Run> {
  pageWindowSettings.enabled = pages;
  const source = new CachedSource(await NodeFileSource.open(path));
  const dataset = await openDataset(source);
  const columns = dataset.fields.map((_, k) => k);
  const timed = async (start: number): Promise<[number, number, number]> => {
    const bytes = source.stats.bytesRead;
    const cpu = process.cpuUsage();
    const t = performance.now();
    const window = await readRowWindow(dataset, start, ROWS, columns);
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const failed = window.errors.find((e) => e !== null);
    if (failed) throw new Error(failed);
    return [ms, source.stats.bytesRead - bytes, (used.user + used.system) / 1000];
  };
  // As the Chromium bench: a row of row group 5 first (the decoder is then loaded), then the jump.
  await timed(dataset.chunks[Math.min(5, dataset.chunks.length - 1)].rowOffset + 1000);
  const jump = await timed(row);
  const out: [number, number, number][] = [];
  for (let s = 1; s <= steps; s++) out.push(await timed(row + s * ROWS));
  await dataset.close();
  pageWindowSettings.enabled = true;
  return { jump, steps: out };
}

/** Median figures per mode over `runs` interleaved runs, each jumping to a row of a row group not read before. */
export async function measureParquetWindows(path: string, runs = 3, steps = 32, at: number[] = []): Promise<WindowFigures[]> {
  const source = await NodeFileSource.open(path);
  const rows = (await openDataset(source)).rows;
  await source.close?.();
  const modes = [true, false];
  const results = new Map<boolean, Run[]>(modes.map((m) => [m, []]));
  for (let run = 0; run < runs; run++) {
    // A row in a different part of the file each run (37,000,000 on W2 first, as the Chromium bench), the same for both modes.
    const row = Math.min(rows - ROWS * (steps + 1), at.length ? at[run % at.length] : Math.floor(rows * 0.74) + run * 1_000_003);
    for (const pages of run % 2 ? [...modes].reverse() : modes) {
      global.gc?.();
      results.get(pages)!.push(await oneRun(path, row, steps, pages));
    }
  }
  return modes.map((pages) => {
    const all = results.get(pages)!;
    const stepsMs = all.map((r) => median(r.steps.map((s) => s[0])));
    const stepsBytes = all.map((r) => median(r.steps.map((s) => s[1])));
    return {
      mode: pages ? 'pages' : 'whole chunks',
      jumpMs: median(all.map((r) => r.jump[0])),
      jumpMiB: mib(median(all.map((r) => r.jump[1]))),
      jumpCpuMs: median(all.map((r) => r.jump[2])),
      stepMs: median(stepsMs),
      stepCpuMs: median(all.map((r) => median(r.steps.map((s) => s[2])))),
      stepMiB: mib(median(stepsBytes)),
      worstStepMs: Math.max(...all.flatMap((r) => r.steps.map((s) => s[0]))),
      worstStepMiB: mib(Math.max(...all.flatMap((r) => r.steps.map((s) => s[1])))),
    };
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: number) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const path = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'data/fec-50.parquet';
  const at = args.indexOf('--rows') >= 0 ? args[args.indexOf('--rows') + 1].split(',').map(Number) : [];
  const figures = await measureParquetWindows(path, flag('--runs', 3), flag('--steps', 32), at);
  const f = (n: number, digits = 1) => n.toFixed(digits);
  console.log(`${path}: jump to a row never read (64 rows, every column) and 64-row steps; medians of the runs`);
  for (const r of figures) {
    console.log(
      `${r.mode.padEnd(13)} jump ${f(r.jumpMs)} ms (CPU ${f(r.jumpCpuMs)}), ${f(r.jumpMiB, 2)} MiB read | step ${f(r.stepMs)} ms (CPU ${f(r.stepCpuMs)}), ${f(r.stepMiB, 2)} MiB | worst step ${f(r.worstStepMs)} ms, ${f(r.worstStepMiB, 2)} MiB`,
    );
  }
}

if (process.argv[1]?.endsWith('parquetWindowNode.ts')) await main();
