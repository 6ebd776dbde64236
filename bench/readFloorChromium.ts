/**
 * The read floor of a "Go to row" jump in Chromium: the byte ranges the engine reads for one cold
 * 128-row window of every column (recorded in Node below the block cache, as the app's worker reads
 * them: validity, offsets and guessed data ranges in one wave, then any missed data range), read from
 * the same File in a worker with nothing else running, by several read paths:
 *   slice      every range's `slice().arrayBuffer()` in flight at once (what BlobSource does);
 *   sync       `FileReaderSync.readAsArrayBuffer` one after the other in the worker;
 *   splitN     the ranges dealt across N workers (N up to 8), each reading its share with slice (all in flight);
 *   fetch      every range fetched from a blob: URL of the File with a Range header, all at once;
 *   sync2      the ranges dealt across 2 workers, each with FileReaderSync;
 *   stream     every range's `slice().stream()` read to its end, all at once;
 *   queueN     slice().arrayBuffer() with at most N in flight;
 *   sliceonly  the slices made, nothing read (what `slice()` alone costs);
 *   span       one slice from the first range to the end of the last, read whole (`spanstream`: by its
 *              stream), cut into the ranges. On W1 a window's ranges span 166 MiB of one batch: 330 ms
 *              against 20 ms for `slice` (2026-12-07, load 2.6), so one slice per range it stays.
 * Time: from the worker(s) being asked to all bytes in hand (postMessage to the answer). Each jump uses
 * rows never read by the browser before (the OS page cache may hold them: Node read them to record).
 * --cap N cuts every range to N bytes (whether the count of reads or their bytes costs).
 *
 *   npx tsx bench/readFloorChromium.ts [--file data/fec-50.arrows] [--jumps 5] [--rows 128] [--modes slice,split2] [--cap 4096]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { ByteSource, ReadStats } from '../src/model/byteSource';
import { openDataset } from '../src/dataset/openDataset';
import { BLOCK, CachedSource } from '../src/source/cachedSource';
import { NodeFileSource } from '../src/source/nodeFileSource';
import { readRowWindow } from '../src/compute/rowWindow';
import { arg } from './cliArgs';
import { fileWorkersPage } from './fileWorkers';
import { median } from './median';

const file = resolve(arg('--file', 'data/fec-50.arrows')!);
const jumps = Number(arg('--jumps', '5'));
const rows = Number(arg('--rows', '128'));
/** --cap N: every range cut to its first N bytes (does the count of reads or their bytes cost?). */
const cap = Number(arg('--cap', 'Infinity'));
/** --block N: the block cache's block size when recording (the app's is cachedSource.ts BLOCK). */
const block = Number(arg('--block', String(BLOCK)));
const MODES = (arg('--modes', 'slice,sync,split2,split3,sync2,stream,sliceonly')!).split(',');

/** Records every read that reaches the file, in waves (reads asked within the same task). */
class Recording implements ByteSource {
  ranges: [number, number][] = [];
  constructor(readonly inner: ByteSource) {}
  get name(): string {
    return this.inner.name;
  }
  get size(): number {
    return this.inner.size;
  }
  get stats(): ReadStats {
    return this.inner.stats;
  }
  read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    this.ranges.push([offset, length]);
    return this.inner.read(offset, length, signal);
  }
}

const recording = new Recording(await NodeFileSource.open(file));
const dataset = await openDataset(new CachedSource(recording, undefined, block));
await dataset.indexed;
const columns = dataset.fields.map((_, i) => i);
const jumpRanges: [number, number][][] = [];
for (let j = 0; j < jumps * MODES.length; j++) {
  // Rows spread over the file, 64-row aligned as the grid asks, never the same batch region twice.
  const row = Math.floor(((j * 0.6180339887 + 0.05) % 0.95) * dataset.rows / 64) * 64;
  recording.ranges = [];
  await readRowWindow(dataset, row, rows, columns);
  jumpRanges.push(recording.ranges.map(([o, n]) => [o, Math.min(n, cap)]));
}
const sizes = jumpRanges.map((r) => r.reduce((a, [, n]) => a + n, 0));
const spans = jumpRanges.map((r) => Math.max(...r.map(([o, n]) => o + n)) - Math.min(...r.map(([o]) => o)));
console.error(`span of a window's reads: ${(median(spans) / 1048576).toFixed(1)} MiB median (${(Math.min(...spans) / 1048576).toFixed(1)}-${(Math.max(...spans) / 1048576).toFixed(1)})`);
console.error(`${jumpRanges.length} windows of ${rows} rows x ${columns.length} columns: ${median(jumpRanges.map((r) => r.length))} reads (median), ${(median(sizes) / 1024).toFixed(0)} KiB`);

/** The worker: reads the ranges it is sent by slice (all in flight) or FileReaderSync, answers the ms. */
const WORKER = `
let file;
onmessage = async (e) => {
  if (e.data.file) { file = e.data.file; postMessage('ok'); return; }
  const { ranges, mode } = e.data;
  const t = performance.now();
  let bytes = 0;
  if (mode === 'sync') {
    const r = new FileReaderSync();
    for (const [o, n] of ranges) bytes += r.readAsArrayBuffer(file.slice(o, o + n)).byteLength;
  } else if (mode === 'stream') {
    const got = await Promise.all(ranges.map(async ([o, n]) => {
      const reader = file.slice(o, o + n).stream().getReader();
      let k = 0;
      for (let r = await reader.read(); !r.done; r = await reader.read()) k += r.value.byteLength;
      return k;
    }));
    for (const b of got) bytes += b;
  } else if (mode.startsWith('queue')) {
    // At most N reads in flight, the next started as one ends.
    const limit = Number(mode.slice(5));
    let next = 0;
    const lane = async () => {
      while (next < ranges.length) {
        const [o, n] = ranges[next++];
        bytes += (await file.slice(o, o + n).arrayBuffer()).byteLength;
      }
    };
    await Promise.all(Array.from({ length: limit }, lane));
  } else if (mode === 'concat') {
    // One Blob of all the ranges' slices, read with one arrayBuffer(), cut back into its ranges.
    const all = new Uint8Array(await new Blob(ranges.map(([o, n]) => file.slice(o, o + n))).arrayBuffer());
    let at = 0;
    for (const [, n] of ranges) bytes += all.subarray(at, (at += n)).byteLength;
  } else if (mode === 'fetch') {
    // A blob: URL of the File fetched with a Range header per range (no slice() in this thread).
    self.url ??= URL.createObjectURL(file);
    const got = await Promise.all(ranges.map(([o, n]) => fetch(self.url, { headers: { Range: 'bytes=' + o + '-' + (o + n - 1) } }).then((r) => r.arrayBuffer())));
    for (const b of got) bytes += b.byteLength;
  } else if (mode === 'span' || mode === 'spanstream') {
    // One slice from the first range's start to the last one's end, read whole, cut into the ranges.
    const lo = Math.min(...ranges.map(([o]) => o));
    const hi = Math.max(...ranges.map(([o, n]) => o + n));
    const blob = file.slice(lo, hi);
    if (mode === 'span') {
      const all = new Uint8Array(await blob.arrayBuffer());
      for (const [o, n] of ranges) bytes += all.subarray(o - lo, o - lo + n).byteLength;
    } else {
      const reader = blob.stream().getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.byteLength;
    }
  } else if (mode === 'sliceonly') {
    for (const [o, n] of ranges) bytes += file.slice(o, o + n).size;
  } else {
    const slices = ranges.map(([o, n]) => file.slice(o, o + n));
    const sliced = performance.now();
    const pending = slices.map((s) => s.arrayBuffer());
    const issued = performance.now();
    const got = await Promise.all(pending);
    for (const b of got) bytes += b.byteLength;
    postMessage({ ms: performance.now() - t, bytes, slice: sliced - t, issue: issued - sliced });
    return;
  }
  postMessage({ ms: performance.now() - t, bytes });
};`;

/** CPU ns used so far by every thread of the processes started under this one (the browser's), from /proc schedstat. */
function browserCpuNs(): number {
  const parent = new Map<number, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      parent.set(Number(pid), Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1]));
    } catch {
      // gone
    }
  }
  const under = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let ns = 0;
  for (const pid of parent.keys()) {
    if (!under(pid)) continue;
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // gone
    }
  }
  return ns;
}

const { browser, page } = await fileWorkersPage(file, WORKER, 8);
const times: Record<string, number[]> = {};
const cpus: Record<string, number[]> = {};
const loads: number[] = [];
try {
  let j = 0;
  for (let r = 0; r < jumps; r++) {
    loads.push(loadavg()[0]);
    // Modes rotate so that each meets each position in the round (and each jump's rows are read once).
    for (let m = 0; m < MODES.length; m++) {
      const mode = MODES[(m + r) % MODES.length];
      const ranges = jumpRanges[j++];
      const parts = mode.startsWith('split') ? Number(mode.slice(5)) : mode === 'concat2' || /2$/.test(mode) && !mode.startsWith('queue') ? 2 : 1;
      const cpu0 = browserCpuNs();
      const ms = (await page.evaluate(`(async () => {
        const ranges = ${JSON.stringify(ranges)};
        const parts = ${parts};
        const shares = Array.from({ length: parts }, (_, k) => ranges.filter((_, i) => i % parts === k));
        const t = performance.now();
        const answers = await Promise.all(shares.map((s, k) => window.ask(window.workers[k], { ranges: s, mode: '${mode.startsWith('sync') ? 'sync' : mode.startsWith('split') ? 'slice' : mode.startsWith('concat') ? 'concat' : mode.replace(/^sq(\\d+)x2$/, 'queue$1')}' })));
        return [performance.now() - t, answers[0].slice ?? 0, answers[0].issue ?? 0];
      })()`)) as number[];
      (times[mode] ??= []).push(ms[0]);
      (cpus[mode] ??= []).push((browserCpuNs() - cpu0) / 1e6);
      console.error(`round ${r} ${mode}: ${ms[0].toFixed(1)} ms (${ranges.length} reads; worker 1: slices made in ${ms[1].toFixed(1)} ms, reads issued in ${ms[2].toFixed(1)} ms)`);
    }
  }
} finally {
  await browser.close();
}
console.log(`load (1 min) ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}; ${rows}-row window x ${columns.length} columns, ${median(jumpRanges.map((r) => r.length))} reads, ${(median(sizes) / 1024).toFixed(0)} KiB (medians)`);
for (const mode of MODES) {
  const xs = times[mode] ?? [];
  console.log(`${mode.padEnd(7)} all bytes in ${median(xs).toFixed(1)} ms median (${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)}, n=${xs.length}); browser CPU ${median(cpus[mode] ?? []).toFixed(1)} ms median`);
}
