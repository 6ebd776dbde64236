import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
