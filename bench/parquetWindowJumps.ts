/**
 * CPU time of W2 jumps in one Node process, by the kind of page they land on: 43 jumps (all 16
 * columns, 64 rows), one per row group, alternately 90% into the group (past the writer's fallback,
 * where contbr_nm's and contbr_zip's pages are plain) and 3% into it (every column's pages
 * dictionary-encoded). Prints one JSON line of per-jump CPU ms, odd row groups plain, even ones
 * dictionary. Compare two checkouts by running it in each (copied into the other's bench/, so that it
 * imports that checkout's code), alternately, on a shared machine:
 *
 *   (cd /tmp/before && W2=/work/main/data/fec-50.parquet npx tsx bench/parquetWindowJumps.ts 1); npx tsx bench/parquetWindowJumps.ts 1
 *
 * The argument shifts every row (a different row each repetition). CPU time is what the work
 * costs; wall time on a shared machine says more about the neighbours.
 */
import { readRowWindow } from '../src/compute/rowWindow';
import { openDataset } from '../src/dataset/openDataset';
import { CachedSource } from '../src/source/cachedSource';
import { NodeFileSource } from '../src/source/nodeFileSource';

const file = process.env.W2 ?? 'data/fec-50.parquet';
const source = new CachedSource(await NodeFileSource.open(file));
const dataset = await openDataset(source);
const rowGroupRows = Math.floor(dataset.rows / dataset.chunks.length);
const columns = dataset.fields.map((_, k) => k);
await readRowWindow(dataset, 5 * rowGroupRows + 1000, 64, columns); // the decoder loaded, as the other benches
const shift = Number(process.argv[2] ?? 0);
const cpu: number[] = [];
for (let g = 0; g < Math.min(44, dataset.chunks.length - 1); g++) {
  if (g === 5) continue;
  const row = (g + 1) * rowGroupRows - (g % 2 ? Math.floor(rowGroupRows * 0.1) : Math.floor(rowGroupRows * 0.97)) + shift;
  const used = process.cpuUsage();
  await readRowWindow(dataset, row, 64, columns);
  const u = process.cpuUsage(used);
  cpu.push(+((u.user + u.system) / 1000).toFixed(2));
}
await dataset.close();
console.log(JSON.stringify(cpu));
