/**
 * Where a one-thread unique count's time goes in Node: per chunk, the column's read and decode
 * (byteRanges where the dataset has it, else readColumn) apart from the counting (UniqueCounter), every chunk or every `--step`th one.
 *
 *   node --expose-gc --import tsx bench/uniqueSplitNode.ts FILE COLUMN [--step N] [--rounds N] [--vectors]
 */
import { loadavg } from 'node:os';
import { UniqueCounter } from '../src/compute/uniqueCounter';
import { runSteps } from '../src/compute/slicedSort';
import { openDataset } from '../src/dataset/openDataset';
import { CachedSource } from '../src/source/cachedSource';
import { NodeFileSource } from '../src/source/nodeFileSource';
import { arg } from './cliArgs';

const [path, name] = process.argv.slice(2);
const step = Number(arg('--step', '1'));
const rounds = Number(arg('--rounds', '1'));
/** --vectors: every chunk read as a vector (readColumn), never as byte ranges. */
const ranged = !process.argv.includes('--vectors');
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const dataset = await openDataset(new CachedSource(await NodeFileSource.open(path)));
await dataset.indexed;
const column = dataset.fields.findIndex((f) => f.name === name);
for (let r = 0; r < rounds; r++) {
  global.gc?.();
  const counter = new UniqueCounter();
  let readMs = 0;
  let countMs = 0;
  let readCpu = 0;
  let countCpu = 0;
  let rows = 0;
  const cpu0 = process.cpuUsage();
  for (let c = 0; c < dataset.chunks.length; c += step) {
    const chunk = dataset.chunks[c];
    let t = performance.now();
    let u = process.cpuUsage();
    const ranges = ranged && dataset.byteRanges ? await dataset.byteRanges(c, column) : null;
    const vector = ranges ? null : await dataset.readColumn(c, column);
    readMs += performance.now() - t;
    readCpu += cpuMs(u);
    t = performance.now();
    u = process.cpuUsage();
    runSteps(ranges ? counter.rangeSteps(ranges, chunk.rowOffset) : counter.steps(vector!, chunk.rowOffset));
    ranges?.release?.();
    countMs += performance.now() - t;
    countCpu += cpuMs(u);
    rows += chunk.rows;
  }
  const t = performance.now();
  const partial = counter.partial();
  const partialMs = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    JSON.stringify({ rows, distinct: partial.values.length, readMs: Math.round(readMs), readCpuMs: Math.round(readCpu), countMs: Math.round(countMs), countCpuMs: Math.round(countCpu), nsPerRow: +((countMs * 1e6) / rows).toFixed(1), partialMs: Math.round(partialMs), cpuS: +((cpu.user + cpu.system) / 1e6).toFixed(2), load: +loadavg()[0].toFixed(1) }),
  );
}
await dataset.close();
