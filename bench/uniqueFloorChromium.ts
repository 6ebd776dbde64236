/**
 * The floor of a unique count in Chromium: the time for 2 workers just to read one column's bytes
 * (offsets and data of every batch, as the compute pool reads them, nothing counted) from the File,
 * beside pyarrow's `value_counts` of the same column measured in the same run.
 *   slice    each worker reads its half of the batches (consecutive, as the pool's shares), one
 *            `slice().arrayBuffer()` per batch, 2 in flight (the pool reads 2 chunks ahead);
 *   stream   the same batches through `slice().stream()` read with a BYOB reader into one reused buffer.
 *   fresh    as stream, into a fresh buffer per batch: what costs the CPU is the fresh memory, not the
 *            API (2026-12-06, W1 contbr_nm: slice 5.8 s of CPU, stream 2.8 s, fresh 6.0 s), so the app's
 *            scans read into buffers given back (model/recycledReads.ts).
 * Time: from asking the workers to both having every byte (postMessage to the last answer). pyarrow:
 * memory_map + open_stream + read_all + value_counts, its time after `import pyarrow` and its whole process.
 * The OS page cache holds the column after the warm-up round (as it does for pyarrow). Beside each read
 * time, the CPU seconds the whole browser spent on it (its processes and their threads, from /proc): on
 * 2 cores, the bytes Chromium moves from its file threads to the workers cost CPU the count then lacks.
 *
 *   npx tsx bench/uniqueFloorChromium.ts [--file data/fec-50.arrows] [--column cand_nm] [--rounds 3] [--workers 2]
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { openDataset } from '../src/dataset/openDataset';
import { NodeFileSource } from '../src/source/nodeFileSource';
import { arg } from './cliArgs';
import { fileWorkersPage } from './fileWorkers';

const file = resolve(arg('--file', 'data/fec-50.arrows')!);
const columnName = arg('--column', 'cand_nm')!;
const rounds = Number(arg('--rounds', '3'));
const workers = Number(arg('--workers', '2'));
const MODES = ['slice', 'stream', 'fresh'];
const execFileAsync = promisify(execFile);

// Every batch's byte range of the column (validity, offsets, data: one range, as loadColumn reads it).
const source = await NodeFileSource.open(file);
const dataset = await openDataset(source);
await dataset.indexed;
const column = dataset.schema.fields.findIndex((f) => f.name === columnName);
if (column < 0) throw new Error(`no column ${columnName}`);
const ranges: [number, number][] = [];
for (let c = 0; c < dataset.chunks.length; c++) {
  const regions = (await dataset.chunkDetail(c)).columns[column].regions!.filter((r) => r.length > 0);
  ranges.push([Math.min(...regions.map((r) => r.offset)), Math.max(...regions.map((r) => r.offset + r.length))]);
}
await dataset.close();
console.error(`${ranges.length} batches of ${columnName} indexed`);
const totalBytes = ranges.reduce((sum, [a, b]) => sum + b - a, 0);
const share = Math.ceil(ranges.length / workers);
const shares = Array.from({ length: workers }, (_, k) => ranges.slice(k * share, (k + 1) * share));

const WORKER = `
let file;
onmessage = async (e) => {
  if (e.data.file) { file = e.data.file; postMessage('ok'); return; }
  const { ranges, mode } = e.data;
  let bytes = 0;
  if (mode === 'slice') {
    const pending = [];
    let next = 0;
    const start = () => { const [a, b] = ranges[next++]; pending.push(file.slice(a, b).arrayBuffer()); };
    while (next < Math.min(2, ranges.length)) start();
    while (pending.length) {
      const buf = await pending.shift();
      if (next < ranges.length) start();
      bytes += buf.byteLength;
    }
  } else {
    let reused = new ArrayBuffer(0);
    for (const [a, b] of ranges) {
      if (mode === 'fresh' || reused.byteLength < b - a) reused = new ArrayBuffer(b - a);
      const reader = file.slice(a, b).stream().getReader({ mode: 'byob' });
      let at = 0;
      while (at < b - a) {
        const { value, done } = await reader.read(new Uint8Array(reused, at, Math.min(b - a - at, 4 << 20)));
        if (done) break;
        reused = value.buffer; // the view's buffer was transferred to the read and comes back with it
        at += value.byteLength;
      }
      reader.releaseLock();
      bytes += at;
    }
  }
  postMessage({ bytes });
};`;

const PY = `
import time, sys
import pyarrow as pa, pyarrow.ipc as ipc
started = time.perf_counter()
with pa.memory_map(sys.argv[1]) as source:
    t = ipc.open_stream(source).read_all()
    out = len(t.column(sys.argv[2]).value_counts())
print(out, round((time.perf_counter() - started) * 1000, 1))
`;
import { median } from './median';

async function pyarrow(): Promise<{ own: number; wall: number }> {
  const t = performance.now();
  const { stdout } = await execFileAsync('python3', ['-c', PY, file, columnName]);
  return { wall: performance.now() - t, own: Number(stdout.trim().split(' ').at(-1)) };
}

/** CPU seconds (user + system, all threads) of this process's descendants (the browser: its processes), from /proc (Linux). */
function treeCpu(): number {
  const root = process.pid;
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(pid), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / 100 });
    } catch {
      /* ended */
    }
  }
  const inTree = (pid: number): boolean => pid > 1 && stats.has(pid) && (stats.get(pid)!.ppid === root || inTree(stats.get(pid)!.ppid));
  let sum = 0;
  for (const [pid, s] of stats) if (pid !== root && inTree(pid)) sum += s.cpu;
  return sum;
}

const { browser, page } = await fileWorkersPage(file, WORKER, workers);

console.error('file given to the workers');
const times: Record<string, number[]> = {};
const cpu: Record<string, number[]> = {};
const py = { own: [] as number[], wall: [] as number[] };
const loads: number[] = [];
try {
  for (let r = 0; r <= rounds; r++) {
    const warm = r === 0;
    for (let m = 0; m < MODES.length; m++) {
      const mode = MODES[(m + r) % MODES.length];
      const cpuBefore = treeCpu();
      const [ms, bytes] = (await page.evaluate(`(async () => {
        const shares = ${JSON.stringify(shares)};
        const t = performance.now();
        const answers = await Promise.all(shares.map((s, k) => window.ask(window.workers[k], { ranges: s, mode: '${mode}' })));
        return [performance.now() - t, answers.reduce((sum, a) => sum + a.bytes, 0)];
      })()`)) as number[];
      if (bytes !== totalBytes) throw new Error(`${mode} read ${bytes} bytes of ${totalBytes}`);
      const cpuSeconds = treeCpu() - cpuBefore;
      if (!warm) (times[mode] ??= []).push(ms);
      if (!warm) (cpu[mode] ??= []).push(cpuSeconds);
      console.error(`round ${r}${warm ? ' (warm-up)' : ''} ${mode}: ${ms.toFixed(0)} ms, browser CPU ${cpuSeconds.toFixed(2)} s`);
    }
    const p = await pyarrow();
    if (!warm) {
      py.own.push(p.own);
      py.wall.push(p.wall);
      loads.push(loadavg()[0]);
    }
    console.error(`round ${r} pyarrow value_counts: ${p.own.toFixed(0)} ms (process ${p.wall.toFixed(0)} ms), load ${loadavg()[0].toFixed(1)}`);
  }
} finally {
  await browser.close();
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`| ${columnName} of ${file.split('/').at(-1)}: ${ranges.length} batches, ${(totalBytes / 2 ** 20).toFixed(0)} MiB | median of ${rounds} | runs |`);
console.log('|---|---|---|');
for (const mode of MODES) {
  const t = times[mode];
  console.log(`| read floor, ${workers} workers, ${mode} | ${s(median(t))} (${((totalBytes / 2 ** 30) / (median(t) / 1000)).toFixed(2)} GB/s; browser CPU ${median(cpu[mode]).toFixed(2)} s) | ${t.map(s).join(', ')} |`);
}
console.log(`| pyarrow value_counts (after import) | ${s(median(py.own))} | ${py.own.map(s).join(', ')} |`);
console.log(`| pyarrow value_counts (whole process) | ${s(median(py.wall))} | ${py.wall.map(s).join(', ')} |`);
console.log(`\nLoad average (1 min) after each round: ${loads.map((l) => l.toFixed(1)).join(', ')}.`);
