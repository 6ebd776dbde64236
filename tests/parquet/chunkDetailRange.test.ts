import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { fixtureFiles } from '../support/corpus';

// Flat, nested, dictionary-encoded and multi-row-group files: a column range describes exactly those columns.
const files = fixtureFiles('parquet-testing', /\.parquet$/).slice(0, 40);

describe('Parquet chunk detail of a column range', () => {
  it('has vendored files to compare', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [f.split('/').slice(-2).join('/'), f]))('%s: each range is the same slice of the whole detail', async (_name, path) => {
    let ds;
    try {
      ds = await openDataset(await NodeFileSource.open(path));
    } catch {
      return; // files the engine refuses are covered by their own tests
    }
    try {
      const n = ds.fields.length;
      for (let chunk = 0; chunk < Math.min(ds.chunks.length, 2); chunk++) {
        let whole;
        try {
          whole = await ds.chunkDetail(chunk);
        } catch {
          continue;
        }
        expect(whole.columns.map((c) => c.column)).toEqual([...Array(n).keys()]);
        for (const [start, end] of [[0, 1], [1, 3], [n - 1, n], [0, n], [n, n + 5], [2, 1]]) {
          const part = await ds.chunkDetail(chunk, undefined, { start, end });
          expect(part.columns).toEqual(whole.columns.slice(Math.max(0, start), Math.max(0, Math.min(end, n))));
          expect({ ...part, columns: [] }).toEqual({ ...whole, columns: [] });
        }
      }
    } finally {
      await ds.close();
    }
  });
});
