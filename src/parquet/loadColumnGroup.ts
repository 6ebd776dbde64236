import { tableFromIPC, type Vector } from 'apache-arrow';
import { parquetWasm } from '../adapters/parquetWasm';
import { declaredBytes } from './decodeBudget';
import { dictionaryHint } from './dictionaryHint';
import { isInt96Column } from './int96';
import { BATCH_SIZE, checkPages, isEmpty, loadColumn, readChunks, type ColumnRequest } from './loadColumn';
import { syntheticFileOf, type SyntheticColumn } from './syntheticFile';

/** A column whose chunk declares more than this is decoded alone, as before: grouping pays only for small ones. */
const SMALL_CHUNK = 256 * 1024;
/**
 * Columns and bytes decoded in one call at most (apache-arrow's RecordBatch merges its schema field
 * by field, O(columns²): 2,000 columns in one batch took 150 ms there, 128 a few).
 */
const GROUP_COLUMNS = 128;
const GROUP_BYTES = 16 * 1024 * 1024;

/**
 * A flat leaf column with one small chunk holding one value per row, read in its file's plain mapping
 * (no dictionary hint, no restored or INT96 or UUID type): decoded in a file of several such columns,
 * its vector is the one a file of its own gives (parquet-wasm maps each column by its own schema).
 */
function groupable(request: ColumnRequest): boolean {
  const { rg, subset } = request;
  if (request.restored || subset.leaves !== 1 || subset.elements.length !== 1 || isInt96Column(subset)) return false;
  const chunk = rg.columns[subset.firstLeaf];
  if (!chunk?.meta_data || isEmpty(rg, [chunk]) || declaredBytes(chunk) > SMALL_CHUNK) return false;
  if (chunk.meta_data.num_values !== rg.num_rows || subset.elements[0].logical_type?.type === 'UUID') return false;
  return dictionaryHint(subset, chunk, request.field) === undefined;
}

interface Prepared {
  request: ColumnRequest;
  column: SyntheticColumn;
}

/** Reads and checks a column's chunks as loadColumn does; a column that fails here gets loadColumn's own error. */
async function prepare(request: ColumnRequest): Promise<Prepared | undefined> {
  const { rg, subset } = request;
  const chunks = rg.columns.slice(subset.firstLeaf, subset.firstLeaf + 1);
  try {
    const bytes = await readChunks(request, chunks);
    checkPages(request, chunks, bytes, false);
    return { request, column: { rg, subset, chunkBytes: bytes } };
  } catch {
    return undefined;
  }
}

/** The group's columns decoded in one call, in order; undefined when the call fails (each column is then decoded alone). */
async function decodeTogether(group: Prepared[]): Promise<Vector[] | undefined> {
  const { md, rg } = group[0].request;
  try {
    const wasm = await parquetWasm();
    const file = syntheticFileOf(md, group.map((p) => p.column), rg.num_rows);
    const table = tableFromIPC(wasm.readParquet(file, { batchSize: BATCH_SIZE }).intoIPCStream());
    // Columns of unequal lengths would have been padded with nulls by apache-arrow: each is then read alone.
    const rows = Number(rg.num_rows);
    if (table.numCols !== group.length || table.numRows !== rows) return undefined;
    const vectors = group.map((_, k) => table.getChildAt(k)!);
    return vectors.every((v) => v.length === rows) ? vectors : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Top-level columns of one row group, each as loadColumn gives it: the small flat ones decoded a group
 * at a time in one parquet-wasm call (a 2,000-column row window was 2,000 calls, each with its own
 * footer, decode and IPC stream), the others alone. A group whose call fails is decoded column by
 * column, so that each column's error is its own.
 */
export function loadColumnGroup(requests: ColumnRequest[]): Promise<Vector>[] {
  const out: Promise<Vector>[] = new Array<Promise<Vector>>(requests.length);
  const small: number[] = [];
  requests.forEach((r, k) => {
    if (groupable(r)) small.push(k);
    else out[k] = loadColumn(r);
  });
  if (small.length < 2) {
    for (const k of small) out[k] = loadColumn(requests[k]);
    return out;
  }
  const settled = (async () => {
    const prepared = await Promise.all(small.map((k) => prepare(requests[k])));
    const vectors = new Map<number, Vector>();
    let group: { k: number; p: Prepared }[] = [];
    let bytes = 0;
    const flush = async () => {
      const decoded = group.length > 1 ? await decodeTogether(group.map((g) => g.p)) : undefined;
      if (decoded) group.forEach((g, i) => vectors.set(g.k, decoded[i]));
      group = [];
      bytes = 0;
    };
    for (let i = 0; i < small.length; i++) {
      const p = prepared[i];
      if (!p) continue;
      const size = p.column.chunkBytes[0].length;
      if (group.length >= GROUP_COLUMNS || (group.length && bytes + size > GROUP_BYTES)) await flush();
      group.push({ k: small[i], p });
      bytes += size;
    }
    await flush();
    return vectors;
  })();
  for (const k of small) out[k] = settled.then((vectors) => vectors.get(k) ?? loadColumn(requests[k]));
  return out;
}
