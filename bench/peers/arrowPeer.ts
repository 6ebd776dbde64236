import { RecordBatchReader, Table, type RecordBatch } from 'apache-arrow';
import { plainJson } from './plainJson';

// The plain apache-arrow way, the browser counterpart of `ipc.open_stream(f).read_all()`:
// every batch read into memory on the page's own thread, values touched through `get`.
let reader: Awaited<ReturnType<typeof RecordBatchReader.from>> | undefined;
let table: Table | undefined;

export async function arrowOpen(file: File): Promise<{ fields: number }> {
  reader = await RecordBatchReader.from(file.stream());
  await reader.open();
  return { fields: reader.schema.fields.length };
}

export async function arrowReadAll(): Promise<{ batches: number; rows: number }> {
  if (!reader) throw new Error('arrowOpen first');
  const batches: RecordBatch[] = [];
  for await (const batch of reader) batches.push(batch);
  table = new Table(batches);
  return { batches: batches.length, rows: table.numRows };
}

/**
 * A stream over HTTP as apache-arrow reads one: `fetch` (no Range: the whole file is one response) and
 * the reader over its body, to the schema (the first message); the response is then cancelled.
 */
export async function arrowOpenUrl(url: string): Promise<{ fields: number }> {
  const stop = new AbortController();
  try {
    const r = await RecordBatchReader.from(fetch(url, { signal: stop.signal }));
    await r.open();
    return { fields: r.schema.fields.length };
  } finally {
    stop.abort();
  }
}

function readTable(): Table {
  if (!table) throw new Error('arrowReadAll first');
  return table;
}

/** `t[...].chunk(5)[1000]`: one row of one batch, every column. */
export function arrowRowOfChunk(chunk: number, row: number): string {
  return plainJson(readTable().batches[chunk].get(row)?.toJSON());
}

export function arrowRow(row: number): string {
  return plainJson(readTable().get(row)?.toJSON());
}

/** Rows [start, end) of every column as text: a slice of the table, each row's values through `toJSON`. */
export function arrowRows(start: number, end: number): { rows: number; text: number } {
  const rows = readTable().slice(start, end).toArray().map((r) => r?.toJSON());
  return { rows: rows.length, text: plainJson(rows).length };
}

/** Value counts with a Map over decoded values, batch by batch. */
export function arrowUnique(column: string): { distinct: number } {
  const counts = new Map<unknown, number>();
  for (const batch of readTable().batches) {
    const vector = batch.getChild(column);
    if (!vector) throw new Error(`no column ${column}`);
    for (let i = 0; i < vector.length; i++) {
      const v = vector.get(i);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  }
  return { distinct: counts.size };
}

/** Rows whose string `column` equals `value`: a scan of the column's decoded values, batch by batch. */
export function arrowCount(column: string, value: string): { matched: number } {
  let matched = 0;
  for (const batch of readTable().batches) {
    const vector = batch.getChild(column);
    if (!vector) throw new Error(`no column ${column}`);
    for (let i = 0; i < vector.length; i++) if (vector.get(i) === value) matched++;
  }
  return { matched };
}

/**
 * The first `n` rows whose string `column` equals `value`, every column as text: a scan of the column's
 * decoded values batch by batch, stopped at the n-th match (the table's rows read with `get`).
 */
export function arrowFirstMatches(column: string, value: string, n: number): { rows: number; text: number } {
  const rows: unknown[] = [];
  for (const batch of readTable().batches) {
    const vector = batch.getChild(column);
    if (!vector) throw new Error(`no column ${column}`);
    for (let i = 0; i < vector.length && rows.length < n; i++) if (vector.get(i) === value) rows.push(batch.get(i)?.toJSON());
    if (rows.length === n) break;
  }
  return { rows: rows.length, text: plainJson(rows).length };
}

/**
 * The `k` rows with the largest numeric `column` (ties in row order), every column as text: a scan of
 * the column's values batch by batch keeping the best k, then those rows read with `get`.
 */
export function arrowTopK(column: string, k: number): { rows: number; first: unknown } {
  const best: { v: number; row: number }[] = [];
  let base = 0;
  for (const batch of readTable().batches) {
    const vector = batch.getChild(column);
    if (!vector) throw new Error(`no column ${column}`);
    for (let i = 0; i < vector.length; i++) {
      const v = Number(vector.get(i));
      if (best.length === k && !(v > best[k - 1].v)) continue;
      let at = best.length;
      while (at > 0 && v > best[at - 1].v) at--;
      best.splice(at, 0, { v, row: base + i });
      if (best.length > k) best.pop();
    }
    base += batch.numRows;
  }
  const rows = best.map((b) => JSON.parse(plainJson(readTable().get(b.row)?.toJSON())) as unknown);
  return { rows: rows.length, first: rows[0] };
}
