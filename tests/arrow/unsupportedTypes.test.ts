import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { fixtureFiles } from '../support/corpus';

const ree = fixtureFiles('arrow-testing/data/arrow-ipc-stream/integration', /generated_run_end_encoded\.(stream|arrow_file)$/);

describe('types apache-arrow cannot decode', () => {
  it.each(ree)('%s: run-end encoded columns are reported unsupported, the other columns still read', async (path) => {
    const ds = await openDataset(await NodeFileSource.open(path));
    await ds.indexed;
    const reeField = ds.fields.findIndex((f) => f.type === 'RunEndEncoded');
    const boolField = ds.fields.findIndex((f) => f.type === 'Bool');
    expect(ds.fields[reeField].unsupported).toMatch(/RunEndEncoded/);
    await expect(ds.readColumn(1, reeField)).rejects.toThrow(/not supported/);
    const chunk = ds.chunks.findIndex((c) => c.rows > 0);
    const bools = await ds.readColumn(chunk, boolField);
    expect(bools.length).toBe(ds.chunks[chunk].rows);
    await ds.close();
  });
});
