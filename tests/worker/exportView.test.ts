import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fecBatches } from '../../scripts/gen/fecTable';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';
import type { ExportProgress, ViewExport } from '../../src/worker/protocol';
import { parseCsv } from '../export/support';
import { tempFile } from '../support/files';
import { openFecFiles, type FecFiles } from './support/fecFiles';

/**
 * Export of what the Data view shows, through the Engine facade (what the page calls): a kept filter's
 * matches, chosen columns in the grid's order, a sort and a selected range, in every format, read
 * back by readers we did not write (apache-arrow, hyparquet) and compared with a plain scan of the
 * file done here. FEC-like generated files of 20,000 rows: an Arrow stream of 20 batches and a Parquet
 * file of 8 row groups.
 */
type Row = Record<string, unknown>;

const WHERE = "contbr_st IN ('CA', 'NY') AND contb_receipt_amt >= 250";
const test = (r: Row) => ['CA', 'NY'].includes(r.contbr_st as string) && (r.contb_receipt_amt as number) >= 250;
/** The grid's shown columns, in its order (some hidden, one moved). */
const SHOWN = ['contb_receipt_amt', 'cand_nm', 'contbr_employer', 'file_num'];

let engine: Engine;
let ids: Map<string, number>;
let reference: Map<string, Row[]>;
let fieldIndex: (name: string) => number;
let files: FecFiles;

beforeAll(async () => {
  files = await openFecFiles();
  ({ engine, ids, reference, fieldIndex } = files);
}, 60_000);
afterAll(() => files.close());

/** Exports to the page target: the bytes in order, and the progress heard. */
async function exportBytes(id: number, request: ViewExport, filter: string | undefined, key = 'export') {
  const parts: Uint8Array[] = [];
  const progress: ExportProgress[] = [];
  const result = await engine.exportView(id, request, key, filter, { kind: 'page' }, (p) => progress.push(p), (b) => parts.push(b));
  const bytes = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    bytes.set(p, o);
    o += p.length;
  }
  expect(result.bytes).toBe(bytes.length);
  return { bytes, result, progress };
}

/** Exported rows as plain values (bigints and numbers as text, null as null), read by apache-arrow or hyparquet. */
async function readRows(format: ViewExport['format'], bytes: Uint8Array): Promise<{ names: string[]; rows: unknown[][] }> {
  const plain = (v: unknown) => (v === null || v === undefined ? null : String(v));
  if (format === 'parquet') {
    const objects = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })) as Row[];
    const names = objects.length ? Object.keys(objects[0]) : [];
    return { names, rows: objects.map((o) => names.map((n) => plain(o[n]))) };
  }
  const table = tableFromIPC(bytes);
  const names = table.schema.fields.map((f) => f.name);
  return { names, rows: table.toArray().map((r: { toJSON(): Row }) => names.map((n) => plain(r.toJSON()[n]))) };
}

const expectedRows = (kind: string, rows: number[]) => rows.map((r) => SHOWN.map((n) => (reference.get(kind)![r][n] === null ? null : String(reference.get(kind)![r][n]))));
const plainScan = (kind: string) => reference.get(kind)!.flatMap((r, i) => (test(r) ? [i] : []));

for (const kind of ['arrow', 'parquet']) {
  describe(kind, () => {
    it('each binary format of the filtered view, shown columns in their order, reads back as the plain scan\'s rows', async () => {
      const id = ids.get(kind)!;
      const answer = await engine.filter(id, WHERE, 'filter');
      const matches = plainScan(kind);
      expect(answer.status?.matched).toBe(matches.length);
      expect(matches.length).toBeGreaterThan(100);
      for (const format of ['arrows', 'arrow', 'parquet'] as const) {
        const { bytes, result, progress } = await exportBytes(id, { format, columns: SHOWN.map(fieldIndex), sort: null }, 'filter');
        const back = await readRows(format, bytes);
        expect(back.names, format).toEqual(SHOWN);
        expect(back.rows, format).toEqual(expectedRows(kind, matches));
        expect(result.rows).toBe(matches.length);
        expect(progress.at(-1)).toMatchObject({ rowsWritten: matches.length, rowsTotal: matches.length });
      }
    });

    it('CSV of the filtered view holds the text the grid shows for the same rows', async () => {
      const id = ids.get(kind)!;
      await engine.filter(id, WHERE, 'filter');
      const columns = SHOWN.map(fieldIndex);
      const { bytes } = await exportBytes(id, { format: 'csv', columns, sort: null }, 'filter');
      const [head, ...lines] = parseCsv(new TextDecoder().decode(bytes));
      expect(head).toEqual(SHOWN);
      const view = await engine.rows(id, 0, 100_000, columns, 'grid', 'filter');
      expect(lines.length).toBe(view.count);
      const shown = Array.from({ length: view.count }, (_, i) => view.columns.map((c) => (c[i] === null ? '' : (c[i] as string))));
      expect(lines).toEqual(shown);
    });

    it('a sorted view (contb_receipt_amt:desc, ties in file order) and a selected range of it export those rows in that order', async () => {
      const id = ids.get(kind)!;
      await engine.filter(id, WHERE, 'filter');
      const ref = reference.get(kind)!;
      const sorted = plainScan(kind).sort((a, b) => (ref[b].contb_receipt_amt as number) - (ref[a].contb_receipt_amt as number) || a - b);
      const all = await exportBytes(id, { format: 'arrows', columns: SHOWN.map(fieldIndex), sort: 'contb_receipt_amt:desc' }, 'filter');
      expect((await readRows('arrows', all.bytes)).rows).toEqual(expectedRows(kind, sorted));
      const range = await exportBytes(id, { format: 'parquet', columns: SHOWN.map(fieldIndex), sort: 'contb_receipt_amt:desc', start: 7, end: 61 }, 'filter');
      expect((await readRows('parquet', range.bytes)).rows).toEqual(expectedRows(kind, sorted.slice(7, 61)));
    });

    it('the sorted view the engine keeps (made on the filter) is exported in its order, a range of it too', async () => {
      const id = ids.get(kind)!;
      await engine.filter(id, WHERE, 'filter');
      const status = await engine.sort(id, 'contbr_employer:desc,contb_receipt_amt', 'sort', 'filter');
      expect(status.done).toBe(true);
      const ref = reference.get(kind)!;
      const employer = (r: number) => ref[r].contbr_employer as string | null;
      // Descending by UTF-8 bytes (these names are ASCII), nulls last; then amount ascending; ties in file order.
      const sorted = plainScan(kind).sort((a, b) => {
        const x = employer(a);
        const y = employer(b);
        if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? 1 : -1;
        return (ref[a].contb_receipt_amt as number) - (ref[b].contb_receipt_amt as number) || a - b;
      });
      const view = await engine.rows(id, 0, 100_000, [], 'grid', 'sort');
      expect(view.rowNumbers).toEqual(sorted);
      const all = await exportBytes(id, { format: 'arrow', columns: SHOWN.map(fieldIndex), sort: null }, 'sort');
      expect((await readRows('arrow', all.bytes)).rows).toEqual(expectedRows(kind, sorted));
      const range = await exportBytes(id, { format: 'csv', columns: [fieldIndex('contbr_employer')], sort: null, start: 20, end: 45 }, 'sort');
      expect(parseCsv(new TextDecoder().decode(range.bytes)).slice(1)).toEqual(sorted.slice(20, 45).map((r) => [employer(r) ?? '']));
      await engine.clearSort(id, 'sort');
    });

    it('a sorted view kept as its first 10,000 rows (too many for a full order) exports those rows', async () => {
      const id = ids.get(kind)!;
      const max = engine.sortFullMax;
      engine.sortFullMax = 1_000;
      try {
        const status = await engine.sort(id, 'contb_receipt_amt:desc', 'sort');
        expect(status).toMatchObject({ done: true, complete: false, rows: 10_000 });
        const ref = reference.get(kind)!;
        const sorted = ref.map((_, i) => i).sort((a, b) => (ref[b].contb_receipt_amt as number) - (ref[a].contb_receipt_amt as number) || a - b);
        const { bytes, result } = await exportBytes(id, { format: 'parquet', columns: SHOWN.map(fieldIndex), sort: null }, 'sort');
        expect(result.rows).toBe(10_000);
        expect((await readRows('parquet', bytes)).rows).toEqual(expectedRows(kind, sorted.slice(0, 10_000)));
      } finally {
        engine.sortFullMax = max;
        await engine.clearSort(id, 'sort');
      }
    });

    it('without a filter, a selected range of file rows is exported', async () => {
      const id = ids.get(kind)!;
      const { bytes } = await exportBytes(id, { format: 'arrow', columns: SHOWN.map(fieldIndex), sort: null, start: 4_990, end: 5_020 }, undefined);
      expect((await readRows('arrow', bytes)).rows).toEqual(expectedRows(kind, Array.from({ length: 30 }, (_, i) => 4_990 + i)));
    });
  });
}

describe('cancel and failure', () => {
  /** A file handle held in memory, as createWritable() works: writes go to a swap copy that replaces the file on close; abort drops it. */
  function memoryHandle(existing = new Uint8Array(0)) {
    const state = { file: existing, swap: [] as Uint8Array[], aborted: false, removed: false };
    const handle = {
      kind: 'file',
      name: 'out.csv',
      getFile: async () => new Blob([state.file]),
      createWritable: async () => ({
        write: async (b: Uint8Array) => void state.swap.push(b.slice()),
        close: async () => {
          state.file = Uint8Array.from(state.swap.flatMap((p) => [...p]));
        },
        abort: async () => {
          state.aborted = true;
        },
      }),
      remove: async () => {
        state.removed = true;
      },
    };
    return { state, handle: handle as unknown as FileSystemFileHandle };
  }

  it('a cancel mid-export rejects, aborts the writable and removes the file it was writing', async () => {
    const path = tempFile('tall.arrows', tableToIPC(new Table(fecBatches(3, 200_000, 10_000)), 'stream'));
    const id = (await engine.openSource(await NodeFileSource.open(path), true)).id;
    try {
      const { state, handle } = memoryHandle();
      let groups = 0;
      const run = engine.exportView(id, { format: 'csv', columns: [0, 1, 2], sort: null }, 'export', undefined, { kind: 'handle', handle }, (p) => {
        if (++groups === 1) {
          expect(p.rowsWritten).toBeLessThan(200_000);
          engine.cancel('export');
        }
      });
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      expect(groups).toBe(1);
      expect(state).toMatchObject({ aborted: true, removed: true });
      expect(state.file.length).toBe(0);

      // A file chosen to be replaced stays as it was when the export is cancelled.
      const old = memoryHandle(new TextEncoder().encode('old contents'));
      const again = engine.exportView(id, { format: 'csv', columns: [0, 1, 2], sort: null }, 'export', undefined, { kind: 'handle', handle: old.handle }, () => engine.cancel('export'));
      await expect(again).rejects.toMatchObject({ name: 'AbortError' });
      expect(old.state).toMatchObject({ aborted: true, removed: false });
      expect(new TextDecoder().decode(old.state.file)).toBe('old contents');

      // The same export left alone writes the file whole.
      const whole = memoryHandle();
      const result = await engine.exportView(id, { format: 'csv', columns: [0, 1, 2], sort: null }, 'export', undefined, { kind: 'handle', handle: whole.handle });
      expect(result.rows).toBe(200_000);
      expect(whole.state.file.length).toBe(result.bytes);
      expect(parseCsv(new TextDecoder().decode(whole.state.file)).length).toBe(200_001);
    } finally {
      await engine.close(id);
    }
  }, 60_000);

  it('a cancel mid-export of rows in file order to Parquet (gathered in shares) rejects and removes the file; left alone it writes every row', async () => {
    const path = tempFile('tall-shares.arrows', tableToIPC(new Table(fecBatches(5, 300_000, 50_000)), 'stream'));
    const id = (await engine.openSource(await NodeFileSource.open(path), true)).id;
    try {
      const { state, handle } = memoryHandle();
      let heard = 0;
      const run = engine.exportView(id, { format: 'parquet', columns: [0, 2, 9], sort: null }, 'export', undefined, { kind: 'handle', handle }, (p) => {
        if (++heard === 1) {
          expect(p.rowsWritten).toBeLessThan(300_000);
          engine.cancel('export');
        }
      });
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      expect(heard).toBe(1);
      expect(state).toMatchObject({ aborted: true, removed: true });
      expect(state.file.length).toBe(0);
      const whole = memoryHandle();
      const result = await engine.exportView(id, { format: 'parquet', columns: [0, 2, 9], sort: null }, 'export', undefined, { kind: 'handle', handle: whole.handle });
      expect(result.rows).toBe(300_000);
      const back = (await parquetReadObjects({ file: whole.state.file.buffer.slice(0) as ArrayBuffer })) as Row[];
      expect(back.length).toBe(300_000);
    } finally {
      await engine.close(id);
    }
  }, 60_000);

  it('a column the format cannot hold is named in a sentence, and no file is left', async () => {
    const id = ids.get('arrow')!;
    const { state, handle } = memoryHandle();
    await expect(engine.exportView(id, { format: 'csv', columns: [999], sort: null }, 'export', undefined, { kind: 'handle', handle })).rejects.toThrow('There is no column #999: the file has 16 columns.');
    expect(state.removed).toBe(true);
    await expect(engine.exportView(id, { format: 'csv', columns: [0], sort: null }, 'export', 'no-such-filter', { kind: 'page' }, undefined, () => {})).rejects.toThrow('No filter is applied here any more');
  });
});
