import { parquetMetadata } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { readRowWindow } from '../../src/compute/rowWindow';
import { openDataset } from '../../src/dataset/openDataset';
import { errorMessage } from '../../src/model/errors';
import type { Dataset } from '../../src/model/types';
import { FooterProblem, MAX_THRIFT_DEPTH, scanThrift } from '../../src/parquet/footerScan';
import { BlobSource } from '../../src/source/blobSource';
import { realFile } from './support/footer';

const open = (bytes: Uint8Array): Promise<Dataset> => openDataset(new BlobSource(new Blob([bytes as BlobPart]), 'crafted.parquet'));
/** The sentence opening the file fails with, as the app and the CLI show it. */
const openError = (bytes: Uint8Array): Promise<string> =>
  open(bytes).then(
    () => 'opened without error',
    (e: unknown) => errorMessage(e),
  );

// A Thrift compact encoder for hand-made footers: each value says its wire type.
type Value = { i32: number } | { i64: bigint } | { bin: string } | { list: [number, Value[]] } | { struct: [number, Value][] } | { raw: number[] };
const I32 = 5;
const I64 = 6;
const BINARY = 8;
const LIST = 9;
const STRUCT = 12;

function varint(x: bigint, out: number[]): void {
  while (x >= 0x80n) {
    out.push(Number(x & 0x7fn) | 0x80);
    x >>= 7n;
  }
  out.push(Number(x));
}
const zigzag = (x: bigint): bigint => (x >= 0n ? x * 2n : -x * 2n - 1n);
const typeOf = (v: Value): number => ('i32' in v ? I32 : 'i64' in v ? I64 : 'bin' in v ? BINARY : 'list' in v ? LIST : STRUCT);

function encode(v: Value, out: number[]): void {
  if ('i32' in v) varint(zigzag(BigInt(v.i32)), out);
  else if ('i64' in v) varint(zigzag(v.i64), out);
  else if ('bin' in v) {
    const bytes = new TextEncoder().encode(v.bin);
    varint(BigInt(bytes.length), out);
    out.push(...bytes);
  } else if ('raw' in v) out.push(...v.raw);
  else if ('list' in v) {
    const [type, items] = v.list;
    if (items.length < 15) out.push((items.length << 4) | type);
    else {
      out.push(0xf0 | type);
      varint(BigInt(items.length), out);
    }
    for (const item of items) encode(item, out);
  } else {
    let last = 0;
    for (const [id, field] of v.struct) {
      const type = 'raw' in field ? field.raw[0] : typeOf(field);
      out.push(((id - last) << 4) | type);
      encode('raw' in field ? { raw: field.raw.slice(1) } : field, out);
      last = id;
    }
    out.push(0);
  }
}

/** A Parquet file of this footer alone (no row groups need data): PAR1, footer, length, PAR1. */
function fileOf(footer: Value | number[]): Uint8Array {
  let thrift: number[] = [];
  if (Array.isArray(footer)) thrift = footer;
  else encode(footer, thrift);
  const out = new Uint8Array(4 + thrift.length + 8);
  out.set([0x50, 0x41, 0x52, 0x31]);
  out.set(thrift, 4);
  new DataView(out.buffer).setUint32(4 + thrift.length, thrift.length, true);
  out.set([0x50, 0x41, 0x52, 0x31], out.length - 4);
  return out;
}

const ROOT: Value = { struct: [[4, { bin: 'schema' }], [5, { i32: 1 }]] };
const LEAF: Value = { struct: [[1, { i32: 1 }], [3, { i32: 0 }], [4, { bin: 'a' }]] }; // INT32, REQUIRED, "a"
const metadata = (fields: Record<number, Value>): Value => ({ struct: Object.entries(fields).map(([id, v]) => [Number(id), v] as [number, Value]) });
const BASE: Record<number, Value> = { 1: { i32: 1 }, 2: { list: [STRUCT, [ROOT, LEAF]] }, 3: { i64: 0n }, 4: { list: [STRUCT, []] }, 6: { bin: 'crafted' } };
const footerWith = (changes: Record<number, Value | undefined>): Uint8Array => {
  const fields: Record<number, Value> = { ...BASE };
  for (const [id, v] of Object.entries(changes)) {
    if (v === undefined) delete fields[Number(id)];
    else fields[Number(id)] = v;
  }
  return fileOf(metadata(fields));
};
/** Footer length of a file made by fileOf: the sentences name it and where it starts (byte 4). */
const footerLength = (file: Uint8Array): number => file.length - 12;

describe('hand-made footers: the encoder is right', () => {
  it('the base footer opens: one int32 column, no rows', async () => {
    const file = footerWith({});
    expect(parquetMetadata(file).schema.map((e) => e.name)).toEqual(['schema', 'a']);
    const ds = await open(file);
    expect(ds.fields.map((f) => f.name)).toEqual(['a']);
    expect(ds.rows).toBe(0);
  });
});

describe('a damaged footer is one sentence naming the part and where, never the decoder\'s words', () => {
  it('the schema list is an integer (hyparquet: "field_2.map is not a function")', async () => {
    const file = footerWith({ 2: { i32: 7 } });
    expect(await openError(file)).toBe(`The Parquet footer (${footerLength(file)} bytes at byte 4) is damaged: schema (field 2) is an integer where a list belongs (at byte 6).`);
  });

  it('no row groups field (hyparquet: "Cannot read properties of undefined (reading \'map\')")', async () => {
    const file = footerWith({ 4: undefined });
    const end = 4 + footerLength(file) - 1;
    expect(await openError(file)).toBe(`The Parquet footer (${footerLength(file)} bytes at byte 4) is damaged: the file metadata has no row_groups (field 4) (at byte ${end}).`);
  });

  it('a list claiming 268 million elements (hyparquet: "Invalid array length")', async () => {
    const file = footerWith({ 2: { raw: [LIST, 0xf0 | STRUCT, 0xff, 0xff, 0xff, 0x7f] } });
    expect(await openError(file)).toBe(
      `The Parquet footer (${footerLength(file)} bytes at byte 4) is damaged: schema claims 268,435,455 elements where ${footerLength(file) - 8} bytes remain (at byte 7).`,
    );
  });

  it('num_rows as a 32-bit integer', async () => {
    const file = footerWith({ 3: { i32: 5 } });
    expect(await openError(file)).toBe(`The Parquet footer (${footerLength(file)} bytes at byte 4) is damaged: num_rows (field 3) is an integer where a 64-bit integer belongs (at byte ${4 + 3 + encodedLength({ list: [STRUCT, [ROOT, LEAF]] })}).`);
  });

  it('a string longer than the footer', async () => {
    const file = footerWith({ 6: { raw: [BINARY, 0xe8, 0x07, 0x61] } }); // 1,000 bytes claimed, 1 follows
    expect(await openError(file)).toMatch(new RegExp(`^The Parquet footer \\(${footerLength(file)} bytes at byte 4\\) is damaged: created_by claims 1,000 bytes where 2 remain \\(at byte \\d+\\)\\.$`));
  });

  it('a footer cut short', async () => {
    const whole = footerWith({});
    const thrift = Array.from(whole.subarray(4, whole.length - 8 - 5)); // the last 5 bytes of the footer missing
    const file = fileOf(thrift);
    expect(await openError(file)).toBe('The Parquet footer (32 bytes at byte 4) is damaged: created_by claims 7 bytes where 3 remain (at byte 32).');
    const cutInHeader = fileOf(thrift.slice(0, 3)); // version, then the schema's field header alone
    expect(await openError(cutInHeader)).toBe('The Parquet footer (3 bytes at byte 4) is damaged: it ends inside schema (at byte 7).');
  });

  it('a Thrift type Parquet never uses', async () => {
    const file = footerWith({ 9: { raw: [14] } });
    expect(await openError(file)).toBe('The Parquet footer (38 bytes at byte 4) is damaged: field 9 has an unknown Thrift type (14) (at byte 40).');
    const known = footerWith({ 7: { raw: [14] } });
    expect(await openError(known)).toBe('The Parquet footer (38 bytes at byte 4) is damaged: column_orders (field 7) is of unknown type 14 where a list belongs (at byte 40).');
  });
});

function encodedLength(v: Value): number {
  const out: number[] = [];
  encode(v, out);
  return out.length;
}

describe('nesting', () => {
  it('a footer nested 100,000 structs deep: the depth sentence, no stack overflow', async () => {
    const depth = 100_000;
    // Field 8 of FileMetaData holding a struct whose field 1 holds a struct, … 100,000 times.
    const thrift = [...Array.from({ length: depth }, () => 0x1c), ...new Array<number>(depth).fill(0)];
    const base: number[] = [];
    encode(metadata(BASE), base);
    base.pop(); // the closing STOP: field 8 follows field 6
    const file = fileOf(base.concat([0x2c], thrift.slice(1), [0]));
    expect(MAX_THRIFT_DEPTH).toBe(64);
    const message = await openError(file);
    expect(message).toMatch(
      new RegExp(`^The Parquet footer \\(${footerLength(file).toLocaleString('en-US')} bytes at byte 4\\) is damaged: its structures nest deeper than 64 levels \\(no Parquet writer nests more than about 10\\), so it is not read \\(at byte \\d+\\)\\.$`),
    );
  });

  it('scanThrift walks any struct (a page header) to its end, within the same depth bound', () => {
    const header: number[] = [];
    encode({ struct: [[1, { i32: 0 }], [2, { i32: 24 }], [5, { struct: [[1, { i32: 3 }]] }]] }, header);
    expect(scanThrift(Uint8Array.from([...header, 0xaa, 0xbb]))).toBe(header.length);
    const deep = Uint8Array.from([...new Array<number>(1000).fill(0x1c), ...new Array<number>(1001).fill(0)]);
    expect(() => scanThrift(deep)).toThrow(new FooterProblem('its structures nest deeper than 64 levels (no Parquet writer nests more than about 10), so it is not read', 64));
  });

  it('a schema nested 1,000 groups deep: said, not overflowed', async () => {
    const groups: Value[] = Array.from({ length: 1000 }, (_, i) => ({ struct: [[4, { bin: `g${i}` }], [5, { i32: 1 }]] }));
    const file = footerWith({ 2: { list: [STRUCT, [...groups, LEAF]] } });
    expect(await openError(file)).toBe(`The Parquet footer (${footerLength(file).toLocaleString('en-US')} bytes at byte 4) holds a schema nested deeper than 200 levels (at element 200, "g200"), deeper than Arrowscope shows.`);
  });

  it('a group claiming more children than the schema holds', async () => {
    const file = footerWith({ 2: { list: [STRUCT, [{ struct: [[4, { bin: 'schema' }], [5, { i32: 3 }]] }, LEAF]] } });
    expect(await openError(file)).toBe(`The Parquet footer (${footerLength(file)} bytes at byte 4) is damaged: its schema ends after 2 elements while a group still expects 2 more children.`);
  });
});

describe('footer numbers', () => {
  it('the unchanged real file reads', async () => {
    const ds = await open(realFile());
    expect((await readRowWindow(ds, 0, 3, [0, 1])).columns).toEqual([['1', '2', '3'], ['x', 'y', 'z']]);
    expect(ds.problems).toEqual([]);
  });

  it('a row group claiming 2^60 rows', async () => {
    const file = realFile((md) => (md.row_groups[0].num_rows = 2n ** 60n));
    expect(await openError(file)).toMatch(/^The Parquet footer \([\d,]+ bytes at byte \d+\) is damaged: row group 0 has num_rows 1152921504606846976, which is not a row count\.$/);
  });

  it('a row group with fewer column chunks than the schema has columns', async () => {
    const file = realFile((md) => (md.row_groups[0].columns = md.row_groups[0].columns.slice(0, 1)));
    expect(await openError(file)).toMatch(/^The Parquet footer \([\d,]+ bytes at byte \d+\) is damaged: row group 0 has 1 column chunks where the schema has 2 columns\.$/);
  });

  it("a negative file num_rows is noted; the row groups' rows are shown", async () => {
    const ds = await open(realFile((md) => (md.num_rows = -5n)));
    expect(ds.problems.map((p) => p.message)).toEqual(["The footer's num_rows (-5) is not a row count."]);
    expect((await readRowWindow(ds, 0, 3, [0, 1])).columns).toEqual([['1', '2', '3'], ['x', 'y', 'z']]);
  });

  it('a column chunk without its data_page_offset is noted by name; the other column reads', async () => {
    const ds = await open(realFile((md) => (md.row_groups[0].columns[0].meta_data!.data_page_offset = undefined as never)));
    expect(ds.problems.map((p) => p.message)).toEqual(['Row group 0, column chunk 0 ("a"): its data_page_offset is missing.']);
    const window = await readRowWindow(ds, 0, 3, [0, 1]);
    expect(window.columns[1]).toEqual(['x', 'y', 'z']);
    expect(window.errors[0]).toMatch(/^Column "a" of row group 0/);
  });

  it('a column chunk past the footer is noted by name; the other column reads', async () => {
    let size = 0n;
    const file = realFile((md) => {
      const m = md.row_groups[0].columns[1].meta_data!;
      m.data_page_offset = 1_000_000n;
      m.dictionary_page_offset = undefined;
      size = m.total_compressed_size;
    });
    const footerStart = file.length - 8 - new DataView(file.buffer).getUint32(file.length - 8, true);
    const ds = await open(file);
    const end = (1_000_000 + Number(size)).toLocaleString('en-US');
    expect(ds.problems.map((p) => p.message)).toEqual([`Row group 0, column chunk 1 ("s"): its bytes 1,000,000–${end} are not inside the file's data (bytes 4–${footerStart.toLocaleString('en-US')}).`]);
    const window = await readRowWindow(ds, 0, 3, [0, 1]);
    expect(window.columns[0]).toEqual(['1', '2', '3']);
    expect(window.errors[1]).toMatch(/^Column "s" of row group 0/);
  });
});
