import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ByteBuffer, MessageFb } from '../../src/adapters/apacheArrowInternals';
import { openDataset } from '../../src/dataset/openDataset';
import { originalFields } from '../../src/parquet/originalSchema';
import { BlobSource } from '../../src/source/blobSource';
import { typeName } from '../../src/valueText';
import { open, writerFile } from './support/openText';
import { withEditedFooter } from './support/footer';

/** The file with the field count of its stored Arrow schema message (Schema.fields' length) set to `count`. */
function withStoredFieldCount(path: string, count: number): Uint8Array {
  return withEditedFooter(Uint8Array.from(readFileSync(path)), (md) => {
    const entry = md.key_value_metadata!.find((kv) => kv.key === 'ARROW:schema')!;
    const message = Uint8Array.from(atob(entry.value!), (c) => c.charCodeAt(0));
    const at = new DataView(message.buffer).getUint32(0, true) === 0xffffffff ? 8 : 4;
    const bb = new ByteBuffer(message.subarray(at));
    const header = MessageFb.getRootAsMessage(bb).header({ bb, bb_pos: 0 } as never) as unknown as { bb_pos: number };
    const lengthAt = bb.__vector(header.bb_pos + bb.__offset(header.bb_pos, 6)) - 4;
    new DataView(message.buffer).setUint32(at + lengthAt, count, true);
    entry.value = btoa(String.fromCharCode(...message));
  });
}

// Files written by tests/fixtures/writers/parquet/make_arrow_schema_fixtures.py; their values and type
// names are compared with pyarrow's in writersGold.test.ts.
const FILES = ['arrow_schema_timestamps', 'arrow_schema_durations', 'arrow_schema_large_types', 'arrow_schema_nested', 'arrow_schema_fixed_size_items'];

describe('the stored Arrow schema (ARROW:schema) restores the types pyarrow restores', () => {
  for (const name of FILES) {
    it(`${name}: every decoded column has the dataset schema's type (by pyarrow's name)`, async () => {
      const ds = await open(writerFile(`${name}.parquet`));
      expect(ds.problems).toEqual([]);
      for (let c = 0; c < ds.fields.length; c++) {
        const vector = await ds.readColumn(0, c);
        expect(typeName(vector.type), ds.fields[c].name).toBe(typeName(ds.schema.fields[c].type));
      }
      await ds.close();
    });
  }

  it('top-level list views (Arrow JS has no such types) are named as pyarrow restores them, the other columns restored', async () => {
    // Its values and type names are compared with pyarrow's in writersGold.test.ts; here: no note.
    const ds = await open(writerFile('arrow_schema_with_list_view.parquet'));
    expect(ds.problems).toEqual([]);
    expect(ds.fields.map((f) => f.type)).toEqual(['list_view<element: int16>', 'large_list_view<element: large_string>', 'timestamp[ms, tz=Europe/Paris]', 'duration[us]', 'large_string']);
    await ds.close();
  });

  it('a stored run_end_encoded column or child keeps its Parquet type, as in pyarrow, and the types around it are restored', async () => {
    // arrow-rs (parquet-wasm) stores run_end_encoded in ARROW:schema, which apache-arrow cannot decode; values and
    // type names are compared with pyarrow's in writersGold.test.ts; here: no note.
    const ds = await open(writerFile('run_end_encoded_stored.parquet', 'parquet-wasm'));
    expect(ds.problems).toEqual([]);
    expect(ds.fields.map((f) => f.type)).toEqual(['string', 'fixed_size_list<item: int64>[3]', 'struct<r: int8, n: int32>', 'timestamp[ms, tz=Asia/Tokyo]']);
    await ds.close();
  });

  it('a list view below the top level is named as pyarrow restores it, with the types around and inside it restored', async () => {
    // Its values and type names are compared with pyarrow's in writersGold.test.ts; here: no note.
    const ds = await open(writerFile('arrow_schema_with_nested_list_view.parquet'));
    expect(ds.problems).toEqual([]);
    expect(ds.fields.map((f) => f.type)).toEqual(['struct<v: list_view<element: int32>>', 'duration[us]']);
    await ds.close();
    // arrow-rs's: list views in lists, maps, large lists and structs, with zones, durations and UUIDs.
    const views = await open(writerFile('list_views_stored.parquet', 'parquet-wasm'));
    expect(views.problems).toEqual([]);
    await views.close();
  });

  it('keeps a zoned timestamp in its zone, as pyarrow shows it', async () => {
    const ds = await open(writerFile('arrow_schema_timestamps.parquet'));
    expect(ds.fields[0].type).toBe('timestamp[us, tz=America/New_York]');
    expect(String(ds.schema.fields[0].type)).toContain('America/New_York');
    await ds.close();
  });

  it('ignores a stored schema whose fields do not match the Parquet columns, with a note', async () => {
    const ds = await open(writerFile('arrow_schema_mismatch.parquet'));
    expect(ds.fields.map((f) => f.type)).toEqual(['int64', 'string']);
    expect(ds.problems.map((p) => p.message)).toEqual(["The file's stored Arrow schema (ARROW:schema) is ignored: it has 3 fields where the Parquet schema has 2 columns."]);
    await ds.close();
  });

  it('ignores a stored schema claiming 2^31 - 1 fields from its field count alone, before decoding them', async () => {
    const path = writerFile('arrow_schema_durations.parquet');
    const plain = await open(path);
    const columns = plain.fields.length;
    await plain.close();
    const ds = await openDataset(new BlobSource(new Blob([withStoredFieldCount(path, 2 ** 31 - 1) as BlobPart]), 'claims.parquet'));
    expect(ds.problems.map((p) => p.message)).toEqual([`The file's stored Arrow schema (ARROW:schema) is ignored: it has 2147483647 fields where the Parquet schema has ${columns} columns.`]);
    expect(ds.fields[0].type).toBe('int64'); // the Parquet schema's type: the stored duration is not restored
    await ds.close();
  });

  it('ignores a stored schema whose nested field decodes to nothing (a damaged flatbuffer), with a note, instead of failing the open', () => {
    // The ARROW:schema of a mutant the hostile test made (one byte flipped in a DuckDB test file's footer): pyarrow refuses it ("Invalid flatbuffers message").
    const value =
      '/////7ABAAAQAAAAAAAKAAwABgAFAAgACgAAAAABBAAMAAAACAAIAAAABAAIAAAABAAAAAQAAABEAQAA+AAAAGQAAAAEAAAA3P7/' +
      '/wAAAQwUAAAAHAAAAAQAAAABAAAAFAAAAAQAAABsaXN0AAAAAET///8I////AAABAhAAAAAYAAAABAAAAAAAAAAEAAAAaXRlbQAA' +
      'AAD4/v//AAAAAUAAAAA4////AAABDRgAAAAoAAAABAAAAAIAAABMAAAAHAAAAAwAAABuZXN0ZWRfbnVsbHMAAAAArP///3D///8A' +
      'AAECEAAAABQAAAAEAAAAAAAAAAMAAABpbnQAXP///wAAAAFAAAAAnP///wAAAQUQAAAAHAAAAAQAAAAAAAAABgAAAHN0cmluZwAA' +
      'BAAEAAQAAADI////AAABAhAAAAAgAAAABAAAAAAAAAAMAAAAcGxhaW5fcmFuZG9tAAAAAMD///8AAAABQAAAABAAFAAIAAYABwAM' +
      'AAAAeAAQAAAAAAABAhAAAAAgAAAABAAAAAAAAAAFAAAAcGxhaW4AAAAIAAwACAAHAAgAAAAAAAABQAAAAAAAAAA=';
    const md = { key_value_metadata: [{ key: 'ARROW:schema', value }] } as Parameters<typeof originalFields>[0];
    const read = originalFields(md, ['plain', 'plain_random', 'nested_nulls', 'list']);
    expect(read.fields).toBeUndefined();
    expect(read.problem?.message).toBe('The file\'s stored Arrow schema (ARROW:schema) is ignored: its field 4 ("list") lists a nested field it does not hold (it is damaged).');
  });
});
