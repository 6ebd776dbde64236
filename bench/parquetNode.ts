import { openDataset } from '../src/dataset/openDataset';
import { parquetWasmMemoryBytes } from '../src/adapters/parquetWasm';
import { CachedSource } from '../src/source/cachedSource';
import { NodeFileSource } from '../src/source/nodeFileSource';

export interface ParquetFigures {
  openMs: number;
  openReadMiB: number;
  rssAddedMiB: number;
  detailMs: number;
  oneColumnMs: { name: string; ms: number }[];
  scan: { name: string; rows: number; ms: number; peakRssMiB: number; wasmMiB: number };
}

const mib = (n: number) => n / 2 ** 20;

/** Open with full metadata, one column of one row group, and a full scan of one string column. */
export async function measureParquetFile(path: string, scanColumn: string): Promise<ParquetFigures> {
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  let t = performance.now();
  const source = new CachedSource(await NodeFileSource.open(path));
  const dataset = await openDataset(source);
  const openMs = performance.now() - t;
  global.gc?.();
  const rssAddedMiB = mib(process.memoryUsage().rss - rss0);
  const openReadMiB = mib(source.stats.bytesRead);
  t = performance.now();
  await dataset.chunkDetail(5);
  const detailMs = performance.now() - t;
  const oneColumnMs = [];
  for (const name of ['cand_nm', 'contbr_nm', 'contb_receipt_amt']) {
    const c = dataset.fields.findIndex((f) => f.name === name);
    t = performance.now();
    await dataset.readColumn(5, c);
    oneColumnMs.push({ name, ms: performance.now() - t });
  }
  const c = dataset.fields.findIndex((f) => f.name === scanColumn);
  let peak = process.memoryUsage().rss;
  let rows = 0;
  t = performance.now();
  for (let b = 0; b < dataset.chunks.length; b++) {
    const v = await dataset.readColumn(b, c);
    rows += v.length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const scan = { name: scanColumn, rows, ms: performance.now() - t, peakRssMiB: mib(peak), wasmMiB: mib(await parquetWasmMemoryBytes()) };
  await dataset.close();
  return { openMs, openReadMiB, rssAddedMiB, detailMs, oneColumnMs, scan };
}
