import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRows } from '../../src/compute/export';
import { compileFilter } from '../../src/compute/filter';
import { sortedRows, topRows } from '../../src/compute/sort';
import type { Dataset } from '../../src/model/types';
import { vectorText } from '../../src/valueText';
import { openFile } from '../filter/support';
import { MemorySink, parseCsv, readBack } from './support';

/**
 * A filtered, sorted, ranged, limited export of chosen columns, against the same rows computed in the
 * test from the file read by apache-arrow: contbr_st IN ('CA', 'NY'), by contb_receipt_amt descending
 * then contbr_nm (UTF-8 byte order, nulls last), rows 5.. of that order, at most 40.
 */
const FILE = join(__dirname, '../../public/sample.arrow');
const COLUMNS = ['contbr_nm', 'contbr_st', 'contb_receipt_amt', 'file_num'];

function expectedRows(): number[] {
  const table = tableFromIPC(readFileSync(FILE));
  const st = table.getChild('contbr_st')!;
  const amt = table.getChild('contb_receipt_amt')!;
  const nm = table.getChild('contbr_nm')!;
  const rows: number[] = [];
  for (let i = 0; i < table.numRows; i++) if (st.get(i) === 'CA' || st.get(i) === 'NY') rows.push(i);
  const bytes = (s: string | null) => (s === null ? null : Buffer.from(s, 'utf8'));
  rows.sort((a, b) => {
    const d = (amt.get(b) as number) - (amt.get(a) as number);
    if (d !== 0) return d;
    const x = bytes(nm.get(a) as string | null);
    const y = bytes(nm.get(b) as string | null);
    if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
    return Buffer.compare(x, y) || a - b;
  });
  return rows.slice(5, 45);
}

describe('filtered, sorted, limited export', () => {
  let dataset: Dataset;
  let expected: number[];
  let source: Table;
  beforeAll(async () => {
    dataset = await openFile(FILE);
    expected = expectedRows();
    source = tableFromIPC(readFileSync(FILE));
  });
  afterAll(() => dataset?.close());

  const columns = () => COLUMNS.map((name) => dataset.fields.findIndex((f) => f.name === name));
  const order = async (full: boolean) => {
    const filter = compileFilter("contbr_st IN ('CA', 'NY')", dataset.fields, dataset.schema);
    const keys = [{ column: dataset.fields.findIndex((f) => f.name === 'contb_receipt_amt'), descending: true }, { column: dataset.fields.findIndex((f) => f.name === 'contbr_nm') }];
    return (full ? await sortedRows(dataset, keys, { filter }) : await topRows(dataset, keys, 45, { filter })).rows;
  };
  const expectedText = (name: string) => {
    const all = vectorText(source.getChild(name)!);
    return expected.map((r) => all[r]);
  };

  for (const format of ['arrows', 'arrow', 'parquet', 'csv'] as const) {
    it(`${format}: the rows computed independently`, async () => {
      expect(expected.length).toBe(40);
      for (const full of [false, true]) {
        const sink = new MemorySink();
        const result = await exportRows(dataset, { format, columns: columns(), order: await order(full), start: 5, limit: 40 }, sink);
        expect(result.rows).toBe(40);
        if (format === 'csv') {
          const records = parseCsv(new TextDecoder().decode(sink.bytes));
          expect(records[0]).toEqual(COLUMNS);
          COLUMNS.forEach((name, k) => expect(records.slice(1).map((r) => r[k])).toEqual(expectedText(name).map((t) => t ?? '')));
        } else {
          const back = readBack(format, sink.bytes);
          expect(back.schema.fields.map((f) => f.name)).toEqual(COLUMNS);
          for (const name of COLUMNS) expect(vectorText(back.getChild(name)!), name).toEqual(expectedText(name));
        }
      }
    });
  }

  it('every matching row in sorted order, in groups of 7 rows (whole chunk columns kept between groups)', async () => {
    const all = await order(true);
    const sink = new MemorySink();
    await exportRows(dataset, { format: 'arrows', columns: columns(), order: all, groupRows: 7 }, sink);
    const back = readBack('arrows', sink.bytes);
    const nm = vectorText(source.getChild('contbr_nm')!);
    const amt = vectorText(source.getChild('contb_receipt_amt')!);
    expect(vectorText(back.getChild('contbr_nm')!)).toEqual(Array.from(all, (r) => nm[r]));
    expect(vectorText(back.getChild('contb_receipt_amt')!)).toEqual(Array.from(all, (r) => amt[r]));
    expect(Array.from(all.subarray(5, 45))).toEqual(expected);
  });

  it('stops when cancelled, leaving the sink open for the caller to discard', async () => {
    const controller = new AbortController();
    const sink = new MemorySink();
    const run = exportRows(dataset, { format: 'parquet', groupRows: 100, signal: controller.signal, onProgress: () => controller.abort() }, sink);
    await expect(run).rejects.toThrow(/abort/i);
    expect(sink.closed).toBe(false);
  });

  it('a filter without a sort: the Ath to the B-1th match, in file order', async () => {
    const filter = compileFilter("contbr_st IN ('CA', 'NY')", dataset.fields, dataset.schema);
    const sink = new MemorySink();
    await exportRows(dataset, { format: 'arrows', columns: columns(), filter, start: 100, end: 300 }, sink);
    const st = source.getChild('contbr_st')!;
    const matches: number[] = [];
    for (let i = 0; i < source.numRows; i++) if (st.get(i) === 'CA' || st.get(i) === 'NY') matches.push(i);
    const back = readBack('arrows', sink.bytes);
    const nm = vectorText(source.getChild('contbr_nm')!);
    expect(vectorText(back.getChild('contbr_nm')!)).toEqual(matches.slice(100, 300).map((r) => nm[r]));
  });
});
