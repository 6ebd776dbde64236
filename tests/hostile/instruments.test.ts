/** The hostile suite's own instruments can fail: each check below catches what it is there to catch. */
import { describe, expect, it } from 'vitest';
import { classify, unclearReason } from './classify';
import { compareWindow } from './agreement';
import { twoColumns } from './craftBuffers';
import { ipcLengthFields } from './ipcFields';
import { mutants } from './mutate';
import { parquetFooter } from './parquetFooter';
import { smallParquet } from './craftParquet';
import { ProbePool } from './probePool';
import { indexProblem } from './probe';

describe('hostile suite instruments', () => {
  it('a sentence leaking internals or thrown unlocated is unclear; a located sentence is a clear error', () => {
    expect(unclearReason({ where: 'open', message: 'Unexpected error (TypeError: Cannot read properties of undefined).', located: false })).not.toBeNull();
    expect(unclearReason({ where: 'open', message: "The Parquet footer could not be parsed: c.field_2.map is not a function.", located: true })).toMatch(/internals/);
    expect(unclearReason({ where: 'problem', message: 'The message header could not be decoded: 9007199254740992 is not safe to convert to a number..', located: true })).toMatch(/internals/);
    expect(classify([{ where: 'rows 0–4, column 0', message: 'Batch 0, column "a", buffer 1 (values): its offset -8 is negative.', located: true }])).toBe('clear error');
    expect(unclearReason({ where: 'rows 0–1, column 0', message: 'Column "undefined NaN" of chunk 0: its offsets decrease at row 1.', located: true })).toBeNull();
    expect(unclearReason({ where: 'field "x"', message: 'its type cannot be decoded (Unrecognized type: "undefined" (undefined))', located: true })).toMatch(/internals/);
    expect(classify([])).toBe('clean');
  });

  it('the CLI and app comparison reports a changed value and a one-sided error', () => {
    const app = { start: 0, count: 2, columns: [['1', null]], errors: [null], chunkStarts: [0] };
    expect(compareWindow(app, { code: 0, errors: [], columns: [{ name: 'a', values: ['1', null] }] })).toBeNull();
    expect(compareWindow(app, { code: 0, errors: [], columns: [{ name: 'a', values: ['1', '2'] }] })).toMatch(/row 1/);
    expect(compareWindow(app, { code: 1, errors: [], columns: [{ name: 'a', values: [null, null], error: 'bad' }] })).toMatch(/CLI error/);
  });

  it('a row count or chunk list that does not add up is found', () => {
    const chunk = (index: number, rows: number, rowOffset: number) => ({ index, rows, rowOffset, offset: 0, bytes: 0 });
    expect(indexProblem(5, [chunk(0, 2, 0), chunk(1, 3, 2)])).toBeNull();
    expect(indexProblem(-1, [])).toMatch(/-1 rows/);
    expect(indexProblem(5, [chunk(0, 2, 0), chunk(1, 3, 3)])).toMatch(/start at row 3/);
    expect(indexProblem(6, [chunk(0, 2, 0), chunk(1, 3, 2)])).toMatch(/hold 5 rows/);
  });

  it('finds the length fields of an IPC stream and the numbers of a Parquet footer, and mutates the same way for the same seed', () => {
    const stream = twoColumns();
    const labels = ipcLengthFields(stream, false).map((f) => f.label);
    expect(labels).toEqual(expect.arrayContaining(['metadata length prefix', 'Message.bodyLength', 'RecordBatch.length', 'RecordBatch.buffers[1].offset', 'RecordBatch.nodes[0].null_count', 'schema field count']));
    const footer = parquetFooter(smallParquet())!;
    expect(footer.slots.find((s) => s.kind === 'int' && s.path.join('.') === '3')?.value).toBe(3n); // num_rows
    const seeds = [{ name: 'two', bytes: stream }];
    const ids = (seed: number) => [...mutants('arrow stream', seeds, 20, seed)].map((m) => m.id);
    expect(ids(5)).toEqual(ids(5));
    expect(ids(5)).not.toEqual(ids(6));
  });

  it('an input past the time bound counts as a hang, past the memory bound as over memory, and the pool goes on', async () => {
    const input = { group: 'test', id: 'two columns', bytes: twoColumns(), name: 'two.arrows' };
    const slow = new ProbePool({ timeMs: 1, heapMb: 512, offHeapMb: 1024 });
    // Growth outside the heap is never negative (peak from the start), so a bound below 0 is always passed:
    // a bound of 0 was not, when the input allocated nothing outside the heap.
    const tight = new ProbePool({ timeMs: 30_000, heapMb: 512, offHeapMb: -1 });
    const normal = new ProbePool();
    try {
      expect((await slow.run(input)).kind).toBe('hang');
      expect((await tight.run(input)).kind).toBe('over memory');
      expect((await normal.run(input)).kind).toBe('clean');
      expect((await normal.run(input)).result?.valueCells).toBe(8);
    } finally {
      await Promise.all([slow.close(), tight.close(), normal.close()]);
    }
  }, 60_000);
});
