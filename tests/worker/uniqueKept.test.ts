import { describe, expect, it } from 'vitest';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';
import { KEPT_RESULTS } from '../../src/worker/uniqueResults';
import { fixture } from '../support/corpus';

const FILE = fixture('parquet-testing/data/alltypes_plain.parquet');
const ID = 0;
const STRING_COL = 9;

async function open(engine = new Engine()): Promise<{ engine: Engine; id: number; rows: number; columns: number }> {
  const summary = await engine.openSource(await NodeFileSource.open(FILE), true);
  return { engine, id: summary.id, rows: summary.rows, columns: summary.fields.length };
}

/** Value counts of a column from the grid's row window: another path through the engine than the count. */
async function countedFromRows(engine: Engine, id: number, rows: number, column: number): Promise<Record<string, number>> {
  const window = await engine.rows(id, 0, rows, [column]);
  const counts: Record<string, number> = {};
  for (const cell of window.columns[0]) counts[String(cell)] = (counts[String(cell)] ?? 0) + 1;
  return counts;
}

async function listed(engine: Engine, id: number, column: number): Promise<Record<string, number>> {
  const { values } = engine.uniqueValues(id, column, 0, 1000, 'value', '');
  return Object.fromEntries(values.map((v) => [String(v.value), v.count]));
}

const noProgress = () => {};

describe('Engine: unique results kept per column', () => {
  it('counting another column keeps the first one readable, with its own values and CSV', async () => {
    const { engine, id, rows } = await open();
    const a = await engine.unique(id, ID, noProgress);
    const b = await engine.unique(id, STRING_COL, noProgress);
    expect([a.column, a.rows, a.distinct]).toEqual(['id', 8, 8]);
    expect([b.column, b.distinct, b.keptColumns]).toEqual(['string_col', 2, [ID, STRING_COL]]);
    expect(await listed(engine, id, ID)).toEqual(await countedFromRows(engine, id, rows, ID));
    expect(await listed(engine, id, STRING_COL)).toEqual(await countedFromRows(engine, id, rows, STRING_COL));
    // Back to the first column (its sorted view was dropped for the second one's): still its values.
    expect(engine.uniqueValues(id, ID, 0, 3, 'value', '').values.map((v) => v.value)).toEqual(['0', '1', '2']);
    const csv = (await engine.uniqueCsvBlob(id, STRING_COL, 'value', '').text()).trim().split(/\r?\n/);
    expect(csv.map((line) => line.split(',').slice(0, 2))).toEqual([['value', 'count'], ['0', '4'], ['1', '4']]);
    await engine.close(id);
  });

  it(`keeps the ${KEPT_RESULTS} columns counted last: the oldest goes, a recount moves a column to the newest`, async () => {
    const { engine, id, columns } = await open();
    expect(columns).toBeGreaterThan(KEPT_RESULTS);
    let last = await engine.unique(id, 0, noProgress);
    for (let c = 1; c < KEPT_RESULTS; c++) last = await engine.unique(id, c, noProgress);
    expect(last.keptColumns).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    await engine.unique(id, 0, noProgress); // counted again: now the newest
    last = await engine.unique(id, KEPT_RESULTS, noProgress);
    expect(last.keptColumns).toEqual([2, 3, 4, 5, 6, 7, 0, 8]);
    expect(() => engine.uniqueValues(id, 1, 0, 10, 'count', '')).toThrow('No unique values of column 1 are kept');
    expect(engine.uniqueValues(id, 0, 0, 10, 'count', '').total).toBe(8);
    expect(() => engine.uniqueValues(id, 10, 0, 10, 'count', '')).toThrow('count them again');
    await engine.close(id);
  });

  it('counts under different keys (columns, tabs) run together; a count again under the same key cancels the earlier one', async () => {
    const { engine, id } = await open();
    const other = await open(engine);
    const [a, b, c] = await Promise.all([
      engine.unique(id, ID, noProgress, 'unique:0@1'),
      engine.unique(id, STRING_COL, noProgress, 'unique:9@1'),
      engine.unique(other.id, ID, noProgress, 'unique:0@2'),
    ]);
    expect([a.distinct, b.distinct, c.distinct]).toEqual([8, 2, 8]);
    const first = engine.unique(id, STRING_COL, noProgress, 'unique:9@1');
    const again = engine.unique(id, STRING_COL, noProgress, 'unique:9@1');
    await expect(first).rejects.toThrow(/abort|cancel/i);
    expect((await again).distinct).toBe(2);
    // Cancelling one key leaves the others alone.
    const kept = engine.unique(id, ID, noProgress, 'unique:0@1');
    const cancelled = engine.unique(other.id, ID, noProgress, 'unique:0@2');
    engine.cancel('unique:0@2');
    await expect(cancelled).rejects.toThrow(/abort|cancel/i);
    expect((await kept).distinct).toBe(8);
    await Promise.all([engine.close(id), engine.close(other.id)]);
  });
});
