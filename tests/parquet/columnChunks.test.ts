import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { wideName, wideValue, writeWideParquet } from '../../scripts/gen/scaleFiles';
import { openDataset } from '../../src/dataset/openDataset';
import { readParquetFooter } from '../../src/parquet/readParquetFooter';
import { BlobSource } from '../../src/source/blobSource';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { fixtureFiles } from '../support/corpus';

const dir = mkdtempSync(join(tmpdir(), 'arrowscope-column-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a row group read column by column: only the column chunks asked for are decoded from the footer', () => {
  it('every vendored corpus file: each column chunk, and all of them at once, decoded alone equal hyparquet’s decode of the whole footer', async () => {
    let checked = 0;
    for (const path of fixtureFiles('', /\.parquet$/)) {
      const file = new Uint8Array(readFileSync(path));
      let whole;
      try {
        whole = parquetMetadata(file);
      } catch {
        continue; // damaged on purpose: tests/parquet/footerErrors.test.ts says what is shown
      }
      let footer;
      try {
        footer = await readParquetFooter(new BlobSource(new Blob([file as BlobPart]), path));
      } catch {
        continue; // refused by the footer checks
      }
      const { rowGroups } = footer;
      rowGroups.decodeWholeUpTo = 0; // every row group decoded chunk by chunk, never whole
      whole.row_groups.forEach((rg, i) => {
        rg.columns.forEach((chunk, k) => {
          const part = rowGroups.columnChunks(i, k, 1);
          expect(part.columns, `${path}, row group ${i}, column chunk ${k}`).toEqual([chunk]);
          expect(part.num_rows, `${path}, row group ${i}`).toBe(rg.num_rows);
          checked++;
        });
        expect(rowGroups.columnChunks(i, 0, rg.columns.length + 3).columns, `${path}, row group ${i}`).toEqual(rg.columns);
        // The rest of the row group (sizes, sort order) decoded without its columns list, beside some of its chunks.
        const part = rowGroups.part(i, 1, 2);
        if (part) expect(part.rowGroup, `${path}, row group ${i}`).toEqual({ ...rg, columns: rg.columns.slice(1, 3) });
        else expect(rg.sorting_columns?.length, `${path}, row group ${i}: only sorting columns keep a whole decode`).toBeGreaterThan(0);
        expect(rowGroups.columnChunks(i, rg.columns.length, 1).columns, `${path}, row group ${i}: past its last chunk`).toEqual([]);
      });
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('every vendored corpus file: a row group described a range of columns at a time, its chunks decoded alone, is described as from the whole row group', async () => {
    let compared = 0;
    for (const path of fixtureFiles('', /\.parquet$/)) {
      const open = async () => {
        try {
          return await openDataset(new BlobSource(new Blob([readFileSync(path) as BlobPart]), path));
        } catch {
          return undefined; // damaged on purpose: tests/parquet/footerErrors.test.ts
        }
      };
      const whole = await open();
      const parts = await open();
      if (!whole || !parts) continue;
      (parts as unknown as { rowGroups: { decodeWholeUpTo: number } }).rowGroups.decodeWholeUpTo = 0;
      const n = whole.fields.length;
      for (let g = 0; g < whole.chunks.length; g++) {
        for (const range of [{ start: 0, end: n }, { start: 1, end: 3 }, { start: n - 1, end: n }, { start: Math.floor(n / 2), end: n + 5 }]) {
          const settle = (p: Promise<unknown>) => p.then((value) => ({ value }), (e: Error) => ({ error: e.message }));
          expect(await settle(parts.chunkDetail(g, undefined, range)), `${path}, row group ${g}, columns ${range.start}-${range.end}`).toEqual(await settle(whole.chunkDetail(g, undefined, range)));
          compared++;
        }
      }
      await whole.close();
      await parts.close();
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('a 5,000-column file: columns anywhere read their own values and are described as from the whole row group, which is never decoded', async () => {
    const path = join(dir, 'wide.parquet');
    const fields = 5000;
    await writeWideParquet(path, fields, 4);
    const dataset = await openDataset(await NodeFileSource.open(path));
    const meta = (dataset as unknown as { rowGroups: { get: (i: number) => unknown; decodeWholeUpTo: number } }).rowGroups;
    meta.decodeWholeUpTo = 1000; // as a row group past 20,000 columns is read
    let wholeDecodes = 0;
    const get = meta.get.bind(meta);
    meta.get = (i: number) => {
      wholeDecodes++;
      return get(i);
    };
    for (const c of [0, 1, 63, 64, 999, 1999, 2000, 4999]) {
      expect(dataset.fields[c].name).toBe(wideName(c));
      const values = Array.from((await dataset.readColumn(0, c, { start: 0, end: 4 })).toArray() as Int32Array);
      expect(values, `column ${c}`).toEqual([0, 1, 2, 3].map((r) => wideValue(c, r)));
      const pages = await dataset.pages!(0, c);
      expect(pages.pages.length, `column ${c}`).toBe(1);
    }
    // Described 2,000 columns at a time, each part's chunks decoded alone.
    const whole = await openDataset(await NodeFileSource.open(path));
    (whole as unknown as { rowGroups: { decodeWholeUpTo: number } }).rowGroups.decodeWholeUpTo = Infinity;
    for (const range of [{ start: 0, end: fields }, { start: 1999, end: 4001 }, { start: 4990, end: fields + 10 }]) {
      const detail = await dataset.chunkDetail(0, undefined, range);
      expect(detail.columns.length).toBe(Math.min(fields, range.end) - range.start);
      expect(detail, `columns ${range.start}-${range.end}`).toEqual(await whole.chunkDetail(0, undefined, range));
    }
    expect(wholeDecodes).toBe(0);
    await dataset.close();
    await whole.close();
  });
});
