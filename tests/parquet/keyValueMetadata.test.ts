import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';

/**
 * fixtures/key_value_bytes.parquet, written once with pyarrow 25 from a table whose schema metadata is
 * [(k, b'\xff\xfe'), (b'bin\xc3(', v), (k, second), (ok, café)]; pyarrow's read_table shows
 * {k: b'\xff\xfe', b'bin\xc3(': v, ok: café}. hyparquet decodes the footer's bytes as UTF-8, so the
 * key and value that are not showed U+FFFD, and different bytes looked alike.
 */
describe("a Parquet file's key-value metadata", () => {
  it('keeps a repeated key’s first value and escapes bytes that are not UTF-8, as pyarrow shows them', async () => {
    const dataset = await openDataset(await NodeFileSource.open(join(__dirname, 'fixtures/key_value_bytes.parquet')));
    try {
      const { 'ARROW:schema': stored, ...rest } = Object.fromEntries(dataset.schema.metadata);
      expect(stored).toMatch(/^\/{5}/);
      expect(rest).toEqual({ k: '\\xff\\xfe', 'bin\\xc3(': 'v', ok: 'café' });
    } finally {
      await dataset.close();
    }
  });
});
