import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';

/**
 * A metadata key given twice keeps its first value, as pyarrow's schema.metadata and field.metadata
 * do: fixtures/duplicate_metadata_keys.arrows, written once with pyarrow 25 from KeyValueMetadata
 * [(dup, first), (dup, second), (other, x)] on the schema and [(fdup, 1), (fdup, 2)] on field a.
 * The last value was shown.
 */
describe('a metadata key given twice', () => {
  it("keeps its first value, in the schema's and a field's metadata", async () => {
    const dataset = await openDataset(await NodeFileSource.open(join(__dirname, 'fixtures/duplicate_metadata_keys.arrows')));
    try {
      expect(Object.fromEntries(dataset.schema.metadata)).toEqual({ dup: 'first', other: 'x' });
      expect(dataset.fields[0].metadata).toEqual({ fdup: '1' });
    } finally {
      await dataset.close();
    }
  });
});
