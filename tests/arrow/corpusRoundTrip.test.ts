import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { DatasetError } from '../../src/model/errors';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { corpusFiles, describeCorpus } from '../support/corpus';
import { show } from '../support/show';

const files = corpusFiles('arrow-testing/data/arrow-ipc-stream/integration', /\.(stream|arrow_file)$/);

function reference(path: string): Table | null {
  try {
    return tableFromIPC(readFileSync(path));
  } catch {
    return null; // apache-arrow itself cannot read it: covered by the conformance runner's JSON gold values
  }
}

describeCorpus('Arrow engine matches apache-arrow on every readable integration file', () => {
  it.each(files.map((f) => [basename(f), f]))('%s', async (_name, path) => {
    const expected = reference(path);
    const source = await NodeFileSource.open(path);
    let dataset;
    try {
      dataset = await openDataset(source);
    } catch (e) {
      expect(e).toBeInstanceOf(DatasetError);
      expect(expected).toBeNull();
      await source.close();
      return;
    }
    await dataset.indexed;
    if (!expected) {
      await dataset.close();
      return;
    }
    // apache-arrow gives a schema-only file one empty batch; the file itself holds none.
    if (dataset.chunks.length === 0) {
      expect(expected.numRows).toBe(0);
      await dataset.close();
      return;
    }
    expect(dataset.chunks.length).toBe(expected.batches.length);
    expect(dataset.rows).toBe(expected.numRows);
    expect(dataset.fields.map((f) => f.name)).toEqual(expected.schema.fields.map((f) => f.name));
    for (let b = 0; b < expected.batches.length; b++) {
      const batch = expected.batches[b];
      for (let c = 0; c < expected.schema.fields.length; c++) {
        const want = batch.getChildAt(c)!;
        const got = await dataset.readColumn(b, c);
        expect(got.length).toBe(want.length);
        for (let r = 0; r < want.length; r++) expect(show(got.get(r)), `batch ${b} col ${c} row ${r}`).toBe(show(want.get(r)));
        const start = Math.min(3, want.length);
        const end = Math.min(want.length, start + 5);
        const window = await dataset.readColumn(b, c, { start, end });
        expect(window.length).toBe(end - start);
        for (let r = start; r < end; r++) expect(show(window.get(r - start)), `window batch ${b} col ${c} row ${r}`).toBe(show(want.get(r)));
      }
    }
    await dataset.close();
  });
});
