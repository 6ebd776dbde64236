import { join, resolve } from 'node:path';
import { Int32, Null, Table, makeVector, tableToIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { BlobSource } from '../../src/source/blobSource';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import type { ByteSource } from '../../src/model/byteSource';
import { Engine } from '../../src/worker/engine';

const WRITERS = resolve(__dirname, '../fixtures/writers');

/** Each filter's count of matches, or its refusal's message. */
async function counts(source: ByteSource, filters: string[]): Promise<(number | string)[]> {
  const engine = new Engine();
  const { id } = await engine.openSource(source, true);
  try {
    const out: (number | string)[] = [];
    for (const where of filters) {
      const answer = await engine.filter(id, where, where);
      out.push(answer.problem ? answer.problem.message : answer.status.matched);
    }
    return out;
  } finally {
    await engine.close(id);
  }
}

/**
 * IS [NOT] NULL looks at any column whose own validity holds its nulls: lists, structs, maps, intervals,
 * extension types, the null type. It was refused for every column a filter cannot compare, though the
 * cell menu offers it on any cell and Find's refusal pointed to it. Counts: pyarrow 25's pc.is_null.
 */
describe('IS NULL and IS NOT NULL on columns a filter cannot compare', () => {
  it('extension types (tensors, opaque, json) and a list of tensors: 1 null of 3 rows each', async () => {
    const filters = [0, 1, 2, 3, 4, 6].flatMap((c) => [`#${c} IS NULL`, `#${c} IS NOT NULL`]);
    expect(await counts(await NodeFileSource.open(join(WRITERS, 'pyarrow/canonical_extensions.arrows')), filters)).toEqual(Array(6).fill([1, 2]).flat());
  });

  it('Parquet lists, a struct and a list of large lists: 1 null of 5 rows each', async () => {
    const filters = [0, 1, 2, 3, 4, 5].map((c) => `#${c} IS NULL`);
    expect(await counts(await NodeFileSource.open(join(WRITERS, 'parquet/arrow_schema_nested.parquet')), filters)).toEqual(Array(6).fill(1));
    expect(await counts(await NodeFileSource.open(join(WRITERS, 'parquet/arrow_schema_nested.parquet')), ['record IS NOT NULL AND zoned_list IS NULL'])).toEqual([1]); // pyarrow: row 2
  });

  it('month_day_nano_interval: 1 null of 5', async () => {
    expect(await counts(await NodeFileSource.open(join(WRITERS, 'pyarrow/intervals.arrows')), ['mdn IS NULL', 'NOT mdn IS NULL'])).toEqual([1, 4]);
  });

  it('the null type: every row is null', async () => {
    const table = new Table({ n: makeVector(vectorFromArray([null, null, null], new Null())), i: vectorFromArray([1, 2, 3], new Int32()) });
    const source = new BlobSource(new Blob([tableToIPC(table, 'stream') as BlobPart]), 'nulls.arrows');
    expect(await counts(source, ['n IS NULL', 'n IS NOT NULL', 'n IS NULL AND i > 1'])).toEqual([3, 0, 2]);
  });

  it('a union (its nulls are its children\'s) and a comparison on a list are still refused, saying so', async () => {
    const [union] = await counts(await NodeFileSource.open(join(WRITERS, 'pyarrow/union_v4.arrows')), ['sparse IS NULL']);
    expect(union).toMatch(/^IS NULL does not look at union columns; sparse is sparse_union<.*> at 1:1: a union has no nulls of its own \(pyarrow's is_null is false on every row\), while the grid shows null where the row's member value is null$/);
    const [list] = await counts(await NodeFileSource.open(join(WRITERS, 'parquet/arrow_schema_nested.parquet')), ["zoned_list = '1'"]);
    expect(list).toMatch(/^column zoned_list is list<element: timestamp\[us, tz=America\/New_York\]>: filters compare numbers/);
  });
});
