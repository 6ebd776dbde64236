import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';

/**
 * A Parquet field's metadata is what pyarrow's schema_arrow gives it: the stored Arrow field's
 * metadata and its field id as PARQUET:field_id. fixtures/field_metadata.parquet, written once with
 * pyarrow 25: a {unit: m} with field id 7, s {k: v}. The stored metadata was not shown, and the id
 * was named field_id.
 */
describe("a Parquet field's metadata", () => {
  it("is pyarrow's schema_arrow field metadata", async () => {
    const dataset = await openDataset(await NodeFileSource.open(join(__dirname, 'fixtures/field_metadata.parquet')));
    try {
      expect(dataset.fields.map((f) => f.metadata)).toEqual([{ 'PARQUET:field_id': '7', unit: 'm' }, { k: 'v' }]);
    } finally {
      await dataset.close();
    }
  });
});
