import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { parquetWasm } from '../../src/adapters/parquetWasm';
import { readRowWindow } from '../../src/compute/rowWindow';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';
import { parquetFooter, withFooterSlot } from '../hostile/parquetFooter';
import { encodeSlot } from '../hostile/thriftFields';
import { fixture } from '../support/corpus';

const FILE = Uint8Array.from(readFileSync(fixture('parquet-testing/data/alltypes_plain.parquet')));
const open = (bytes: Uint8Array) => openDataset(new BlobSource(new Blob([bytes as BlobPart]), 'alltypes.parquet'));

describe('the Arrow schema of a Parquet footer whose schema element has a physical type past the enum', () => {
  it.each([2147483647n, -1n])('type %s on column 2: that column says so; every other column keeps its own type and values (they were shifted onto their neighbours)', async (value) => {
    const footer = parquetFooter(FILE)!;
    const slot = footer.slots.find((s) => s.kind === 'int' && s.path.join('.') === '2.3.1')!; // schema[3].type: tinyint_col
    const damaged = await open(withFooterSlot(FILE, footer, slot, encodeSlot(slot, value)));
    const plain = await open(FILE);
    expect(damaged.fields[2].unsupported).toBe('its type cannot be read: its Parquet schema element "tinyint_col" has no physical type Parquet defines (the footer is damaged)');
    const others = plain.fields.map((_, c) => c).filter((c) => c !== 2);
    expect(others.map((c) => damaged.fields[c].type)).toEqual(others.map((c) => plain.fields[c].type));
    expect(others.map((c) => String(damaged.schema.fields[c].type))).toEqual(others.map((c) => String(plain.schema.fields[c].type)));
    const [got, want] = await Promise.all([readRowWindow(damaged, 0, 8, others), readRowWindow(plain, 0, 8, others)]);
    expect(got.errors).toEqual(others.map(() => null));
    expect(got.columns).toEqual(want.columns);
  });
});

describe('the Arrow fields of plain columns', () => {
  it('columns of one plain type share one type instance and an empty metadata Map; each keeps its own name, type and nullability', async () => {
    const ds = await open(FILE);
    const fields = ds.schema.fields;
    const byName = new Map(fields.map((f) => [f.name, f]));
    expect(['tinyint_col', 'smallint_col', 'int_col'].map((n) => String(byName.get(n)!.type))).toEqual(['Int32', 'Int32', 'Int32']);
    expect(byName.get('tinyint_col')!.type).toBe(byName.get('int_col')!.type);
    expect(byName.get('smallint_col')!.type).toBe(byName.get('int_col')!.type);
    expect(byName.get('bigint_col')!.type).not.toBe(byName.get('int_col')!.type);
    expect(String(byName.get('bigint_col')!.type)).toBe('Int64');
    expect(byName.get('tinyint_col')!.metadata).toBe(byName.get('double_col')!.metadata);
    expect(fields.every((f) => f.nullable)).toBe(true);
    const rows = await readRowWindow(ds, 0, 2, [2, 4, 5]);
    expect(rows.errors).toEqual([null, null, null]);
  });
});

describe('plain numeric and boolean columns, mapped without parquet-wasm', () => {
  it('each required or optional BOOLEAN, INT32, INT64, FLOAT and DOUBLE column (and the annotated ones beside them) has the name, type, nullability and metadata parquet-wasm gives it, and its values read', async () => {
    const n = 3;
    const columnData = (['BOOLEAN', 'INT32', 'INT64', 'FLOAT', 'DOUBLE'] as const).flatMap((type) =>
      [false, true].map((nullable) => ({
        name: `${type.toLowerCase()}_${nullable ? 'opt' : 'req'}`,
        type,
        nullable,
        data: Array.from({ length: n }, (_, i) => (type === 'BOOLEAN' ? i % 2 === 0 : type === 'INT64' ? BigInt(i) : i)),
      })),
    );
    columnData.push({ name: 's', type: 'STRING' as never, nullable: true, data: ['a', 'b', 'c'] as never });
    const bytes = new Uint8Array(parquetWriteBuffer({ columnData }));
    const ds = await open(bytes);
    const wasm = await parquetWasm();
    const expected = tableFromIPC(wasm.readParquet(bytes).intoIPCStream()).schema.fields;
    const describe = (f: { name: string; type: unknown; nullable: boolean; metadata: Map<string, string> }) => [f.name, String(f.type), f.nullable, [...f.metadata]];
    expect(ds.schema.fields.map(describe)).toEqual(expected.map(describe));
    expect(ds.schema.fields.map((f) => f.type.typeId)).toEqual(expected.map((f) => f.type.typeId));
    expect(ds.schema.fields.filter((f) => f.nullable).length).toBe(6);
    const rows = await readRowWindow(ds, 0, n, ds.fields.map((_, c) => c));
    expect(rows.errors).toEqual(ds.fields.map(() => null));
  });
});
