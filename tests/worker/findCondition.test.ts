import { join } from 'node:path';
import { Dictionary, Field, Float16, Float32, Int32, Int8, List, RecordBatch, Schema, Struct, RecordBatchStreamWriter, Table, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';
import { tempFile } from '../support/files';

/**
 * The find bar's "column contains X", built by the engine from the column's type. The page built it from
 * the type's family alone, so a dictionary of numbers got ICONTAINS, which a number column refuses ("ICONTAINS
 * needs a string column"), and a Parquet duration (family int) got `dur = 00:59:55`, a syntax error.
 */
const ints = new Dictionary(new Int32(), new Int8());
const FILE = tempFile(
  'find-condition.arrows',
  RecordBatchStreamWriter.writeAll(
    new Table({
      di: makeData({ type: ints, length: 4, nullCount: 0, data: Int8Array.from([0, 1, 1, 2]), dictionary: vectorFromArray([5, 7, -3], new Int32()) }),
      s: vectorFromArray(["O'Brien", 'x', 'Smith', 'y'], new Utf8()),
      lst: vectorFromArray([['a'], [], ['b'], null], new List(new Field('item', new Utf8()))),
      f32: vectorFromArray([0.5, 0.1, 1e16, 1e-5], new Float32()),
      f16: makeData({ type: new Float16(), length: 4, nullCount: 0, data: Uint16Array.from([0x3c00, 0x2e66, 0x3c00, 0x3c00]) }),
    } as never),
  ).toUint8Array(true),
);
/** Two columns named a: a name binds the first, so the second is written #1. */
const TWIN_FIELDS = [new Field('a', new Utf8()), new Field('a', new Utf8())];
const TWINS = tempFile(
  'find-twins.arrows',
  RecordBatchStreamWriter.writeAll(
    [new RecordBatch(new Schema(TWIN_FIELDS), makeData({ type: new Struct(TWIN_FIELDS), length: 2, nullCount: 0, children: [vectorFromArray(['x', 'y'], new Utf8()).data[0], vectorFromArray(['y', 'x'], new Utf8()).data[0]] }))],
  ).toUint8Array(true),
);
const DURATIONS = join(__dirname, '../fixtures/writers/parquet/arrow_schema_durations.parquet');

describe('the find bar\'s "column contains"', () => {
  const engine = new Engine();
  const ids: number[] = [];
  beforeAll(async () => {
    for (const path of [FILE, DURATIONS, TWINS]) ids.push((await engine.openSource(await NodeFileSource.open(path), true)).id);
  });
  afterAll(async () => {
    for (const id of ids) await engine.close(id);
  });
  const found = async (id: number, expression: string) => (await engine.find(id, expression, -1, 'next', 'find')).found?.row;

  it('a dictionary of numbers compares its values; text is ICONTAINS with the quote doubled', async () => {
    const [id] = ids;
    expect(engine.findCondition(id, 0, ' 7 ')).toBe('di = 7');
    expect(await found(id, engine.findCondition(id, 0, '7'))).toBe(1);
    expect(await found(id, engine.findCondition(id, 0, '-3'))).toBe(3);
    expect(engine.findCondition(id, 1, "o'b")).toBe("s ICONTAINS 'o''b'");
    expect(await found(id, engine.findCondition(id, 1, "o'b"))).toBe(0);
  });

  it('a float32 or float16 cell is found by the text it shows (0.1 is not the float nearest 0.1)', async () => {
    const [id] = ids;
    const rows = await engine.rows(id, 0, 4, [3, 4]);
    expect(rows.columns).toEqual([['0.5', '0.1', '1e+16', '1e-05'], ['1.0', '0.1', '1.0', '1.0']]);
    for (const [text, row] of [['0.1', 1], ['1e+16', 2], ['1e-05', 3], [' 0.5', 0]] as const) expect(await found(id, engine.findCondition(id, 3, text)), text).toBe(row);
    expect(await found(id, engine.findCondition(id, 4, '0.1'))).toBe(1);
  });

  it('the second of two columns of one name is written by its position, #1, and found there (the name found the first)', async () => {
    const id = ids[2];
    expect(engine.findCondition(id, 1, 'x')).toBe("#1 ICONTAINS 'x'");
    expect(await found(id, engine.findCondition(id, 1, 'x'))).toBe(1);
    expect(await engine.filterCondition(id, 1, '=', 0)).toBe("#1 = 'y'");
    expect(await engine.filterCondition(id, 0, '=', 0)).toBe("#0 = 'x'");
    const matched = await engine.filter(id, "#1 = 'y'", 'twins');
    expect(matched.status).toMatchObject({ matched: 1 });
    await expect(engine.filter(id, "#2 = 'y'", 'none')).resolves.toMatchObject({ problem: { message: expect.stringContaining('there is no column #2 at 1:1: the file has 2, #0 to #1') } });
  });

  it('a column a filter cannot compare says so, named: a list, a duration stored in Parquet', () => {
    const sentence = 'column: it compares numbers, text, bytes, booleans, decimals, dates, times and timestamps.';
    expect(() => engine.findCondition(ids[0], 2, 'a')).toThrow(`Find cannot look in "lst", a list<item: string not null> ${sentence}`);
    expect(() => engine.findCondition(ids[1], 1, '00:00:01.005')).toThrow(`Find cannot look in "d_ms", a duration[ms] ${sentence}`);
  });
});
