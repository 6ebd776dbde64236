import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import type { FieldInfo } from '../../src/model/types';
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

  // fixtures/nested_metadata.parquet, written once with pyarrow 25 (s: struct<x {inner: 1, field id 11}>
  // {outer: 0}, l: list<item {it: 2}>, m: map<key {k: 3}, value {v: 4}>, ls: list<struct<a {deep: 5}> {el: 6}>):
  // pq.read_schema shows each nested field's metadata; only the columns' own were shown.
  it("of nested fields is pyarrow's too, on the Parquet nodes that stand for them", async () => {
    const dataset = await openDataset(await NodeFileSource.open(join(__dirname, 'fixtures/nested_metadata.parquet')));
    try {
      const shown: Record<string, Record<string, string>> = {};
      const walk = (f: FieldInfo, path: string) => {
        if (Object.keys(f.metadata).length) shown[path] = f.metadata;
        f.children.forEach((c) => walk(c, `${path}.${c.name}`));
      };
      dataset.fields.forEach((f) => walk(f, f.name));
      expect(shown).toEqual({
        s: { outer: '0' },
        's.x': { inner: '1', 'PARQUET:field_id': '11' },
        'l.list.element': { it: '2' },
        'm.key_value.key': { k: '3' },
        'm.key_value.value': { v: '4' },
        'ls.list.element': { el: '6' },
        'ls.list.element.a': { deep: '5' },
      });
    } finally {
      await dataset.close();
    }
  });
});
