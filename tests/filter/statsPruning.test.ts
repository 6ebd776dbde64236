import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFilter, countMatches } from '../../src/compute/filter';
import type { StatsTrust } from '../../src/compute/filter/boundFilter';
import { chunkOutcomes, outcomeDecides } from '../../src/compute/filter/statsPruning';
import { fixture } from '../support/corpus';
import type { ChunkDetail, ColumnChunkInfo, ColumnStats, Dataset } from '../../src/model/types';
import { matches, openFile } from './support';

let types: Dataset;
let parquet: Dataset;
beforeAll(async () => {
  types = await openFile('tests/filter/fixtures/filter_types.arrow');
  parquet = await openFile('tests/filter/fixtures/filter_types.parquet');
});
afterAll(() => Promise.all([types?.close(), parquet?.close()]));

const ROWS = 100;

/** What statistics alone decide for one chunk whose `column` has these null count and min/max. */
function decide(where: string, column: string, nullCount: number | undefined, stats?: ColumnStats, trust?: StatsTrust): boolean | null {
  const filter = compileFilter(where, types.fields, types.schema);
  if (trust && filter.expr.kind === 'leaf') filter.expr.statistics = trust;
  const columns: ColumnChunkInfo[] = types.fields.map((f, i) => (f.name === column ? { column: i, bytes: 0, nullCount, stats } : { column: i, bytes: 0 }));
  const detail: ChunkDetail = { index: 0, rows: ROWS, rowOffset: 0, offset: 0, bytes: 0, columns };
  return outcomeDecides(chunkOutcomes(filter.expr, ROWS, detail));
}

const exact = (min: string, max: string): ColumnStats => ({ min, max, exact: true });

describe('min/max and null counts decide a chunk only when every row agrees', () => {
  it('comparisons outside or covering the range', () => {
    expect(decide('i32 > 5', 'i32', 0, exact('0', '5'))).toBe(false);
    expect(decide('i32 >= 5', 'i32', 0, exact('0', '5'))).toBe(null);
    expect(decide('i32 >= 0', 'i32', 0, exact('0', '5'))).toBe(true);
    expect(decide('i32 >= 0', 'i32', 1, exact('0', '5'))).toBe(null); // the null row does not match
    expect(decide('i32 = 3', 'i32', 0, exact('3', '3'))).toBe(true);
    expect(decide('i32 != 3', 'i32', 0, exact('3', '3'))).toBe(false);
    expect(decide('i32 IN (7, 9)', 'i32', 0, exact('0', '5'))).toBe(false);
    expect(decide('i32 BETWEEN 6 AND 9', 'i32', 0, exact('0', '5'))).toBe(false);
    expect(decide('i64 > 9007199254740992', 'i64', 0, exact('-5', '9007199254740992'))).toBe(false);
    expect(decide('i64 > 9007199254740992', 'i64', 0, exact('-5', '9007199254740993'))).toBe(null);
  });
  it('three-valued: NOT and IN with null never turn null rows into matches', () => {
    expect(decide('NOT i32 = 5', 'i32', 1, exact('5', '5'))).toBe(false);
    expect(decide('i32 IN (7, null)', 'i32', 0, exact('0', '5'))).toBe(false);
    expect(decide('NOT i32 IN (7, null)', 'i32', 0, exact('0', '5'))).toBe(false);
    // Outcomes of two sides combine pairwise, not row by row: sound, not tight (the values get read).
    expect(decide('i32 = 5 OR i32 IS NULL', 'i32', 3, exact('5', '5'))).toBe(null);
  });
  it('null counts alone: an all-null chunk, a chunk without nulls', () => {
    expect(decide('i32 = 5', 'i32', ROWS)).toBe(false);
    expect(decide('NOT i32 = 5', 'i32', ROWS)).toBe(false);
    expect(decide('i32 IS NULL', 'i32', ROWS)).toBe(true);
    expect(decide('i32 IS NOT NULL', 'i32', 0)).toBe(true);
    expect(decide('i32 IS NULL', 'i32', 0)).toBe(false);
    expect(decide('i32 IS NULL', 'i32', undefined)).toBe(null);
    expect(decide("s CONTAINS 'x'", 's', ROWS)).toBe(false);
  });
  it('a dictionary may hold null entries its index null count does not show', () => {
    expect(decide('cand IS NULL', 'cand', 0)).toBe(null);
    expect(decide('cand IS NULL', 'cand', ROWS)).toBe(true);
  });
  it('float bounds leave NaN out: a NaN row is false (true for !=); NaN bounds are ignored', () => {
    expect(decide('f64 > 5', 'f64', 0, exact('0.0', '3.0'))).toBe(false);
    expect(decide('f64 < 5', 'f64', 0, exact('0.0', '3.0'))).toBe(null);
    expect(decide('f64 != 5', 'f64', 0, exact('0.0', '3.0'))).toBe(true);
    expect(decide('f64 = 5', 'f64', 0, exact('nan', 'nan'))).toBe(null);
    expect(decide('f64 > 5', 'f64', 0, exact('-inf', 'inf'))).toBe(null);
    expect(decide('f64 > 5', 'f64', 0, exact('-inf', '4.5'))).toBe(false);
  });
  it('strings and unsigned integers only with exact statistics (old writers ordered them as signed bytes)', () => {
    expect(decide("s = 'zzz'", 's', 0, exact('a', 'b'))).toBe(false);
    expect(decide("s = 'zzz'", 's', 0, { min: 'a', max: 'b', exact: false })).toBe(null);
    expect(decide("s > '\ue000'", 's', 0, exact('a', 'é'))).toBe(false); // code point order, not UTF-16
    expect(decide("s > '😀'", 's', 0, exact('a', '\uffff'))).toBe(false);
    expect(decide('u64 > 10', 'u64', 0, exact('0', '5'))).toBe(false);
    expect(decide('u64 > 10', 'u64', 0, { min: '0', max: '5', exact: false })).toBe(null);
    expect(decide('i32 > 10', 'i32', 0, { min: '0', max: '5', exact: false })).toBe(false);
  });
  it('text cut for display is not a bound', () => {
    expect(decide("s > 'b'", 's', 0, exact('a', `${'a'.repeat(1000)}…`))).toBe(null);
  });
  it('decimals written at their scale only (else a float approximation)', () => {
    expect(decide('dec > 1.3', 'dec', 0, exact('1.200', '1.250'))).toBe(false);
    expect(decide('dec > 1.3', 'dec', 0, exact('1.2', '1.25'))).toBe(null);
  });
  it("timestamps: hyparquet's millisecond ISO text is widened by a millisecond", () => {
    expect(decide("ts > '2016-01-01 00:00:00.0005'", 'ts', 0, exact('2016-01-01 00:00:00', '2016-01-01 00:00:00'))).toBe(false);
    expect(decide("ts > '2016-01-01 00:00:00.0005'", 'ts', 0, exact('2016-01-01T00:00:00.000Z', '2016-01-01T00:00:00.000Z'))).toBe(null);
    expect(decide("tsny >= '2016-01-01 00:00:00-05:00'", 'tsny', 0, exact('2016-01-01 00:00:00-05:00', '2016-01-02 00:00:00-05:00'))).toBe(true);
    expect(decide("tsny < '2016-01-01 05:00:00Z'", 'tsny', 0, exact('2016-01-01 00:00:00-05:00', '2016-01-02 00:00:00-05:00'))).toBe(false);
    expect(decide("day < '2016-01-01'", 'day', 0, exact('2016-01-01', '2016-02-01'))).toBe(false);
    expect(decide("t < '12:00'", 't', 0, exact('12:00:00', '13:00:00.5'))).toBe(false);
  });
  it('Parquet INT96 bounds are never used (no defined order); decimals stored as bytes only when exact', async () => {
    expect(decide('i32 > 5', 'i32', 0, exact('0', '5'), 'none')).toBe(null);
    expect(decide('i32 IS NULL', 'i32', 0, exact('0', '5'), 'none')).toBe(false); // null counts still count
    expect(decide('dec > 1.3', 'dec', 0, exact('1.200', '1.250'), 'exact')).toBe(false);
    expect(decide('dec > 1.3', 'dec', 0, { min: '1.200', max: '1.250', exact: false }, 'exact')).toBe(null);
    const int96 = await openFile(fixture('parquet-testing/data/int96_from_spark.parquet'));
    const e = compileFilter("a >= '2000-01-01'", int96.fields, int96.schema).expr;
    expect(e.kind === 'leaf' && e.statistics).toBe('none');
    await int96.close();
  });
  it('tests statistics cannot judge read the values', () => {
    expect(decide("s CONTAINS 'x'", 's', 0, exact('a', 'b'))).toBe(null);
    expect(decide("s ~ 'x'", 's', 0, exact('a', 'b'))).toBe(null);
  });
});

describe('on a real Parquet file (pyarrow statistics)', () => {
  it('a sorted column skips the row groups outside the range and takes the ones inside whole', async () => {
    expect(await matches(parquet, 'id < 10')).toMatchObject({ matched: 10, chunksSkipped: 3 });
    expect(await matches(parquet, 'id BETWEEN 8 AND 12')).toMatchObject({ matched: 5, chunksSkipped: 1 });
    expect(await matches(parquet, 'sparse IS NULL')).toMatchObject({ matched: 10, chunksSkipped: 3 });
  });
  it('statistics off: every chunk is read, the same rows match', async () => {
    expect(await matches(parquet, 'id < 10', false)).toMatchObject({ matched: 10, chunksSkipped: 0 });
  });
});

describe('cancellation', () => {
  it('an aborted signal stops the count between chunks with an AbortError', async () => {
    const filter = compileFilter('i32 > 0', parquet.fields, parquet.schema);
    const controller = new AbortController();
    let chunksDone = 0;
    const run = countMatches(parquet, filter, {
      signal: controller.signal,
      statistics: false,
      onProgress: (p) => {
        chunksDone = p.chunksDone;
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(chunksDone).toBe(1);
  });
  it('a signal aborted before the start reads nothing', async () => {
    const filter = compileFilter('i32 > 0', parquet.fields, parquet.schema);
    await expect(countMatches(parquet, filter, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
