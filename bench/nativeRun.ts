/**
 * The native limit in `npm run bench`: bench/native/native.py (pyarrow and DuckDB) on the same files, one
 * Python process per file group, each file read once before; its HTTP part against the bench's own Range
 * server with the browser's added latencies, started here for it (the Python process runs while this
 * process serves, so it is spawned, never run synchronously).
 *
 * On its own: `node --import tsx bench/nativeRun.ts PARTS [W1 W2 W3] [--quick]` prints the cells (a check
 * of the script; BENCH_PORT chooses the server's port).
 */
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startBenchServer } from './browserServer';
import type { Files } from './browserPlan';
import type { Results } from './compare';

/** The browser's HTTP steps' added latencies (bench/browserPlan.ts). */
export const HTTP_DELAYS = [0, 50, 150];

interface NativeOut {
  versions: Record<string, string>;
  cells: { step: string; contender: string; samples: number[]; note?: string | null }[];
}

/** native.py with `args`, its stderr passed on, its JSON parsed. */
function native(args: string[]): Promise<NativeOut> {
  return new Promise((done, fail) => {
    const child = spawn('python3', ['bench/native/native.py', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(JSON.parse(Buffer.concat(out).toString('utf8')) as NativeOut) : fail(new Error(`native.py exited with ${code}`))));
  });
}

/**
 * The native parts of this run: every part in a full run (or with "native" in --only); else the filter
 * part's native steps when FILTER is asked for, the HTTP part's when HTTP is; --quick: rows and the filter
 * count (native.py knows what quick leaves out).
 */
export function nativeParts(only: string[] | undefined, quick: boolean): string[] {
  if (quick) return ['rows', 'filter'];
  if (!only || only.includes('native')) return ['rows', 'unique', 'filter', 'http'];
  return [...(only.includes('FILTER') ? ['filter'] : []), ...(only.includes('HTTP') ? ['http'] : [])];
}

/**
 * Runs the native parts, adds their cells to `results` and returns the report's sentence about them (or
 * why there are none). `warm` reads a file once before its group; `onGroup` is told as each group ends.
 */
export async function runNative(results: Results, files: Files, parts: string[], opts: { reps: number; quick: boolean; warm: (path: string) => string; onGroup?: (what: string) => void }): Promise<string> {
  if (!parts.length) return 'No native figures in this part.';
  const python = spawnSync('python3', ['-c', 'import pyarrow'], { encoding: 'utf8' });
  if (python.status !== 0) return `Native tools skipped: \`python3 -c 'import pyarrow'\` failed here (${(python.stderr || python.error?.message || '').trim().split('\n').pop()}).`;
  const local = parts.filter((p) => p !== 'http');
  const groups: { what: string; args: string[]; paths: string[] }[] = [];
  const common = ['--reps', String(opts.reps), ...(opts.quick ? ['--quick'] : [])];
  if (local.length) {
    groups.push({ what: 'W1, W2', args: ['--w1', files.W1, '--w2', files.W2, '--parts', local.join(',')], paths: [files.W1, files.W2] });
    if (!opts.quick && local.some((p) => p !== 'filter')) groups.push({ what: 'W3', args: ['--w3', files.W3, '--parts', local.join(',')], paths: [files.W3] });
  }
  let v: Record<string, string> = {};
  for (const g of groups) {
    for (const p of g.paths) opts.warm(p);
    console.error(`native: ${g.paths.join(', ')} …`);
    const parsed = await native([...g.args, ...common]);
    v = parsed.versions;
    for (const c of parsed.cells) results.addAll(c.step, c.contender, c.samples, c.note ?? undefined);
    opts.onGroup?.(`after the native steps (${g.what})`);
  }
  let http = '';
  if (parts.includes('http')) {
    // The files the server reads are warm (W2 whole; W1's first pages are all its steps read).
    opts.warm(files.W2);
    const server = await startBenchServer({ app: resolve('bench/peers'), peers: resolve('bench/peers'), files: resolve(files.W2, '..') });
    try {
      console.error(`native over HTTP: ${server.origin}/files/ with +${HTTP_DELAYS.join(', +')} ms …`);
      const parsed = await native(['--w1', files.W1, '--w2', files.W2, '--parts', 'http', '--http', server.origin, '--delays', HTTP_DELAYS.join(','), ...common]);
      v = parsed.versions;
      for (const c of parsed.cells) results.addAll(c.step, c.contender, c.samples, c.note ?? undefined);
    } finally {
      await server.close();
    }
    opts.onGroup?.('after the native steps over HTTP');
    http = ` Over HTTP: pyarrow reads through a Python file object whose every read is one HTTP Range request (\`urllib\`; a HEAD request for the size when the reader needs it; a 64 KiB read buffer for the stream only), to the same local server as the browser's HTTP steps with the same added latency, one request at a time; the W2 jump with the file open (its footer read, not counted), the row group that holds row 37,000,000, all 16 columns (\`pre_buffer\` coalesces its column chunks into one request). No native W1 index or row 37,000,000 over HTTP: pyarrow reaches a stream's batch only by reading every message before it (about 6.7 GB before row 37,000,000; no way to skip a body unread), so they were not run. DuckDB native has no HTTP figure: its \`httpfs\` extension is not installed here and would be downloaded from the network.`;
  }
  return `Native: Python ${v.python}, pyarrow ${v.pyarrow} (\`pa.set_cpu_count(1)\`: one thread), DuckDB ${v.duckdb}${v.duckdb === 'not installed' ? ' (`pip install duckdb` failed or was not run: its columns are absent)' : ' (`SET threads` to 1 and to 2)'}; run by \`bench/native/native.py\`, each step from nothing open to the answer, in one process whose interpreter and imports were already loaded.${http}`;
}

if (process.argv[1]?.endsWith('nativeRun.ts')) {
  const { Results: R } = await import('./compare');
  const { warm } = await import('./browserPlan');
  const [parts = 'http', w1 = 'data/fec-50.arrows', w2 = 'data/fec-50.parquet', w3 = 'data/fec-50-1k.arrows'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const results = new R();
  const note = await runNative(results, { W1: w1, W2: w2, W3: w3 }, parts.split(','), { reps: Number(process.env.BENCH_REPS ?? 3), quick: process.argv.includes('--quick'), warm });
  console.log(note);
  for (const c of results.cells.values()) console.log(`${c.step} · ${c.contender}: ${c.samples.map((x) => x.toFixed(1)).join(', ')} ms${c.notes[0] ? ` (${c.notes[0]})` : ''}`);
}
