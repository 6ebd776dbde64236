import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';

/**
 * Metadata as pyarrow shows it. fixtures/metadata_keys.arrows, written once with pyarrow 25 from
 * KeyValueMetadata: on the schema [(dup, first), (dup, second), (other, x), (b'bin\xff\xfe',
 * b'\x00\x01\xff'), (ok, 'café')]; on field a [(fdup, 1), (fdup, 2)]; on field b [(lone, b'\xc3(')].
 * A key given twice showed its last value (pyarrow: its first), and bytes that are not UTF-8 showed
 * as U+FFFD, so that different bytes looked alike (pyarrow: b'bin\xff\xfe').
 */
describe('metadata keys and values', () => {
  it("a key given twice keeps its first value; bytes that are not UTF-8 are escaped as pyarrow writes them", async () => {
    const dataset = await openDataset(await NodeFileSource.open(join(__dirname, 'fixtures/metadata_keys.arrows')));
    try {
      expect(Object.fromEntries(dataset.schema.metadata)).toEqual({ dup: 'first', other: 'x', 'bin\\xff\\xfe': '\\x00\\x01\\xff', ok: 'café' });
      expect(dataset.fields.map((f) => f.metadata)).toEqual([{ fdup: '1' }, { lone: '\\xc3(' }]);
    } finally {
      await dataset.close();
    }
  });

  // fixtures/nested_metadata_keys.arrows, written once with pyarrow 25: s: struct<x: int32 [(k, 1), (k, 2)],
  // y: dictionary<string> [(b'bin\xff', b'\xc3(')], l: list<item: int64 [(deep, a), (deep, b)]>>. The nested
  // fields kept apache-arrow's decoding: the last value, U+FFFD.
  it('so does the metadata of nested fields, at any depth and under a dictionary', async () => {
    const dataset = await openDataset(await NodeFileSource.open(join(__dirname, 'fixtures/nested_metadata_keys.arrows')));
    try {
      const [s] = dataset.fields;
      expect(s.children.map((c) => c.metadata)).toEqual([{ k: '1' }, { 'bin\\xff': '\\xc3(' }, {}]);
      expect(s.children[2].children[0].metadata).toEqual({ deep: 'a' });
    } finally {
      await dataset.close();
    }
  });
});
