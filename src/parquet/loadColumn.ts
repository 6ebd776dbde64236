import { tableFromIPC, type Field, type Vector } from 'apache-arrow';
import type { FileMetaData } from 'hyparquet';
import { parquetWasm } from '../adapters/parquetWasm';
import type { ByteSource } from '../model/byteSource';
import { DatasetError } from '../model/errors';
import { chunkRange, type ColumnSubset } from './columnSubset';
import { dictionaryHint } from './dictionaryHint';
import { asRawInt96, int96ToTimestamps, isInt96Column } from './int96';
import { syntheticFile } from './syntheticFile';

const BATCH_SIZE = 64 * 1024;

/** Everything needed to load one top-level column of one row group. */
export interface ColumnRequest {
  source: ByteSource;
  md: FileMetaData;
  rowGroup: number;
  subset: ColumnSubset;
  /** The column's apache-arrow field (parquet-wasm's mapping), for the dictionary hint. */
  field: Field;
  signal?: AbortSignal;
}

/** Decodes one top-level column of one row group through parquet-wasm, from only its own bytes. */
export async function loadColumn({ source, md, rowGroup, subset, field, signal }: ColumnRequest): Promise<Vector> {
  const chunks = md.row_groups[rowGroup].columns.slice(subset.firstLeaf, subset.firstLeaf + subset.leaves);
  const bytes: Uint8Array[] = [];
  for (const chunk of chunks) {
    if (!chunk.meta_data) throw new DatasetError('This column is encrypted; a key is required to read it.', { chunk: rowGroup }, 'Unencrypted columns can still be read.');
    const { start, length } = chunkRange(chunk);
    if (start < 4 || start + length > source.size) {
      throw new DatasetError(`A column chunk points outside the file (bytes ${start}-${start + length} of ${source.size}).`, { chunk: rowGroup, offset: start });
    }
    bytes.push(await source.read(start, length, signal));
  }
  const wasm = await parquetWasm();
  const int96 = isInt96Column(subset);
  const plan = int96 ? asRawInt96(md, subset, rowGroup) : { md, subset };
  const file = syntheticFile(plan.md, rowGroup, plan.subset, bytes, int96 ? undefined : dictionaryHint(subset, chunks[0], field));
  let ipc: Uint8Array;
  try {
    ipc = wasm.readParquet(file, { batchSize: BATCH_SIZE }).intoIPCStream();
  } catch (e) {
    throw new DatasetError(`The column could not be decoded: ${String((e as Error).message ?? e)}.`, { chunk: rowGroup, offset: chunkRange(chunks[0]).start });
  }
  const column = tableFromIPC(ipc).getChildAt(0)!;
  return int96 ? int96ToTimestamps(column) : column;
}
