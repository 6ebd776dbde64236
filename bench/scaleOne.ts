/**
 * One cold open of a metadata-heavy file, as the engine worker does it: node --expose-gc --import tsx bench/scaleOne.ts FILE
 * Prints JSON: open and index time, the summary crossing to the page (structured clone), chunk pages,
 * a row window of the first 20 columns, and memory (peak RSS of this process, heap kept after a GC).
 */
import { Engine } from '../src/worker/engine';
import { NodeFileSource } from '../src/source/nodeFileSource';

const path = process.argv[2];
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const engine = new Engine();
const { id } = await engine.openSource(await NodeFileSource.open(path), true);
const openMs = performance.now() - started;
let summary = engine.summary(id);
while (!summary.indexComplete) {
  await new Promise((r) => setTimeout(r, 5));
  summary = engine.summary(id);
}
const indexMs = performance.now() - started;
let t = performance.now();
structuredClone(engine.summary(id));
const summaryMs = performance.now() - t;
t = performance.now();
const n = summary.chunkCount;
for (const start of [0, Math.floor(n / 2), Math.max(0, n - 200)]) engine.chunks(id, start, start + 200);
const chunkPagesMs = performance.now() - t;
t = performance.now();
const columns = Array.from({ length: Math.min(20, summary.fields.length) }, (_, c) => c);
await engine.rows(id, 0, Math.min(50, summary.rows), columns);
const firstRowsMs = performance.now() - t;
global.gc?.();
const heapKeptMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
const peakRssMiB = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({ fields: summary.fields.length, chunks: n, rows: summary.rows, openMs, indexMs, summaryMs, chunkPagesMs, firstRowsMs, heapKeptMiB, peakRssMiB, rssBeforeMiB: rssBefore / 2 ** 20 }),
);
process.exit(0);
