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

  // fixtures/metadata_keys.parquet, written once with pyarrow 25 from a field a with
  // KeyValueMetadata [(k, 1), (k, 2), (b'bin\xff', b'\xc3(')]: apache-arrow's decoding of the stored
  // schema showed k: 2 and U+FFFD.
  it("keeps a repeated key's first value and escapes bytes that are not UTF-8, as pyarrow shows them", async () => {
    const dataset = await openDataset(await NodeFileSource.open(join(__dirname, 'fixtures/metadata_keys.parquet')));
    try {
      expect(dataset.fields.map((f) => f.metadata)).toEqual([{ k: '1', 'bin\\xff': '\\xc3(' }]);
    } finally {
      await dataset.close();
    }
  });
});
