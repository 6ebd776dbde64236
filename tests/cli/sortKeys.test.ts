import { Int32, Table, tableToIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { sortKeysOf } from '../../src/cli/sortCommand';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';
import { tempFile } from '../support/files';
import { runCli } from './support/runCli';

describe('--sort names columns whose names hold "," or ":"', () => {
  it('as the list syntax reads them first, else as one whole name (with or without :desc)', async () => {
    const column = () => vectorFromArray([3, 1, 2], new Int32());
    const table = new Table({ a: column(), 'a:desc': column(), 'x,y': column(), 'b:desc': column(), 'c:ASC': column() });
    const dataset = await openDataset(new BlobSource(new Blob([tableToIPC(table, 'stream') as BlobPart]), 'names.arrows'));
    await dataset.indexed;
    try {
      expect(sortKeysOf(dataset, 'a:desc')).toEqual([{ column: 0, descending: true }]); // the syntax, as before
      expect(sortKeysOf(dataset, 'x,y')).toEqual([{ column: 2, descending: false }]);
      expect(sortKeysOf(dataset, 'x,y:desc')).toEqual([{ column: 2, descending: true }]);
      expect(sortKeysOf(dataset, 'b:desc')).toEqual([{ column: 3, descending: false }]);
      expect(sortKeysOf(dataset, 'c:ASC')).toEqual([{ column: 4, descending: false }]);
      // A list holding such a name is read as the syntax says; its message offers the columns by number.
      expect(() => sortKeysOf(dataset, 'a,x,y:desc')).toThrow('No column named "x". Columns: a, a:desc, x,y, b:desc, c:ASC (or name one as #0–#4');
      expect(sortKeysOf(dataset, 'a,#2:desc')).toEqual([{ column: 0, descending: false }, { column: 2, descending: true }]);
    } finally {
      await dataset.close();
    }
  });
});

describe('--sort with --json', () => {
  it('an open range (--rows 0:) of a small file is given whole; the limit is told by the rows it gives', async () => {
    // It refused any open range before sorting: "--json holds at most 100,000 rows" for 3 rows.
    const path = tempFile('sort-json.arrows', tableToIPC(new Table({ a: vectorFromArray([3, 1, 2], new Int32()) }), 'stream'));
    const r = await runCli(path, '--sort', 'a', '--rows', '0:', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ start: 0, end: 3, rows: [1, 2, 0], columns: [{ name: 'a', values: ['1', '2', '3'] }] });
    expect((await runCli(path, '--sort', 'a', '--rows', '0:200001', '--json')).stderr).toContain('--json holds at most 100,000 rows');
  });
});
