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
        expect(rowGroups.columnChunks(i, rg.columns.length, 1).columns, `${path}, row group ${i}: past its last chunk`).toEqual([]);
      });
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('a 2,000-column file: columns anywhere read their own values, and the row group is never decoded whole', async () => {
    const path = join(dir, 'wide.parquet');
    const fields = 2000;
    await writeWideParquet(path, fields, 4);
    const dataset = await openDataset(await NodeFileSource.open(path));
    const meta = (dataset as unknown as { rowGroups: { get: (i: number) => unknown } }).rowGroups;
    let wholeDecodes = 0;
    const get = meta.get.bind(meta);
    meta.get = (i: number) => {
      wholeDecodes++;
      return get(i);
    };
    for (const c of [0, 1, 63, 64, 999, 1998, 1999]) {
      expect(dataset.fields[c].name).toBe(wideName(c));
      const values = Array.from((await dataset.readColumn(0, c, { start: 0, end: 4 })).toArray() as Int32Array);
      expect(values, `column ${c}`).toEqual([0, 1, 2, 3].map((r) => wideValue(c, r)));
      const pages = await dataset.pages(0, c);
      expect(pages.pages.length, `column ${c}`).toBe(1);
    }
    expect(wholeDecodes).toBe(0);
    await dataset.close();
  });
});
