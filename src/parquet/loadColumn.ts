import { tableFromIPC, vectorFromArray, type Field, type Vector } from 'apache-arrow';
import type { ColumnChunk, FileMetaData } from 'hyparquet';
import { parquetWasm } from '../adapters/parquetWasm';
import type { ByteSource, ReadOptions } from '../model/byteSource';
import { DatasetError } from '../model/errors';
import { chunkPages, type PageFacts } from './chunkPages';
import { chunkRange, type ColumnSubset } from './columnSubset';
import { checkBudget, declaredBytes, pagesDecodedBytes } from './decodeBudget';
import { decodeError } from './decodeError';
import { arrowSchemaEntry, dictionaryHint } from './dictionaryHint';
import { asRawInt96, hasNestedInt96, int96ToTimestamps, isInt96Column, nestedInt96ToTimestamps } from './int96';
import type { RowGroupColumns } from './rowGroupMeta';
import { syntheticFile } from './syntheticFile';
import { marksBelow, withFieldType } from './leafExtensions';

export const BATCH_SIZE = 64 * 1024;

/** Everything needed to load one top-level column of one row group. */
export interface ColumnRequest {
  source: ByteSource;
  /** The footer without its row groups (schema, version, writer). */
  md: FileMetaData;
  rowGroup: number;
  /** That row group's column chunks (all, or the column's own with `subset` rebased to them) and row count. */
  rg: RowGroupColumns;
  subset: ColumnSubset;
  /** The column's apache-arrow field (parquet-wasm's mapping): its name and type, for the dictionary hint. */
  field: Field;
  /** The field's type is one pyarrow restores from the stored Arrow schema: parquet-wasm is asked for it. */
  restored?: boolean;
  signal?: AbortSignal;
}

/** A row group with no rows may hold no column chunks at all (or empty ones): nothing to decode. */
export function isEmpty(rg: RowGroupColumns, chunks: ColumnChunk[]): boolean {
  return rg.num_rows === 0n && chunks.every((c) => !c.meta_data || c.meta_data.num_values === 0n);
}

const usesDictionary = (e: string | undefined) => e === 'PLAIN_DICTIONARY' || e === 'RLE_DICTIONARY';

/** Reads the leaves' bytes, refusing before any read a chunk whose footer declares more than the budget. */
export async function readChunks({ source, rowGroup, field, signal }: ColumnRequest, chunks: ColumnChunk[], options?: ReadOptions): Promise<Uint8Array[]> {
  const start = chunks[0].meta_data ? chunkRange(chunks[0]).start : 0;
  checkBudget(chunks.reduce((sum, c) => sum + declaredBytes(c), 0), 'footer', field.name, rowGroup, start);
  const bytes: Uint8Array[] = [];
  for (const chunk of chunks) {
    if (!chunk.meta_data) throw new DatasetError(`Column "${field.name}" of row group ${rowGroup} is encrypted; a key is required to read it.`, { chunk: rowGroup }, 'Unencrypted columns can still be read.');
    const { start, length } = chunkRange(chunk);
    if (start < 4 || start + length > source.size) {
      throw new DatasetError(`Column "${field.name}" of row group ${rowGroup} points outside the file (bytes ${start}-${start + length} of ${source.size}).`, { chunk: rowGroup, offset: start });
    }
    bytes.push(await source.read(start, length, signal, options));
  }
  return bytes;
}

/**
 * The checks the page headers allow before decoding: the sizes they declare (a dictionary written
 * out value by value counted as such), and a dictionary page before any page that refers to one.
 */
export function checkPages(request: ColumnRequest, chunks: ColumnChunk[], bytes: Uint8Array[], keepsDictionary: boolean): void {
  checkPageFacts(request, chunks, bytes.map(chunkPages), keepsDictionary);
}

/** checkPages from each chunk's page headers already read (chunkPages), offsets within the chunk's bytes. */
export function checkPageFacts({ rowGroup, field }: ColumnRequest, chunks: ColumnChunk[], facts: PageFacts[][], keepsDictionary: boolean): void {
  let decoded = 0;
  chunks.forEach((chunk, i) => {
    const pages = facts[i];
    const values = Number(chunk.meta_data?.num_values);
    decoded += pagesDecodedBytes(pages, !keepsDictionary, Number.isSafeInteger(values) ? values : 0);
    const firstData = pages.find((p) => p.type !== 'DICTIONARY_PAGE' && p.type !== 'INDEX_PAGE');
    const start = chunkRange(chunk).start;
    if (firstData && usesDictionary(firstData.encoding) && !pages.some((p) => p.type === 'DICTIONARY_PAGE' && p.at < firstData.at)) {
      throw new DatasetError(
        `Column "${field.name}" of row group ${rowGroup} cannot be decoded: its data page at byte ${(start + firstData.at).toLocaleString('en-US')} refers to a dictionary, but no dictionary page comes before it in the column chunk the footer describes.`,
        { chunk: rowGroup, column: field.name, offset: start + firstData.at },
      );
    }
  });
  checkBudget(decoded, 'pages', field.name, rowGroup, chunkRange(chunks[0]).start);
}

/** Decodes one top-level column of one row group through parquet-wasm, from only its own bytes. */
export async function loadColumn(request: ColumnRequest): Promise<Vector> {
  const { md, rowGroup, rg, subset, field } = request;
  const chunks = rg.columns.slice(subset.firstLeaf, subset.firstLeaf + subset.leaves);
  if (isEmpty(rg, chunks)) return vectorFromArray([], field.type);
  if (chunks.length < subset.leaves) {
    throw new DatasetError(`Row group ${rowGroup} holds ${rg.num_rows.toLocaleString('en-US')} rows but no column chunk for column "${field.name}".`, { chunk: rowGroup, column: field.name });
  }
  const bytes = await readChunks(request, chunks);
  const int96 = isInt96Column(subset);
  const hint = int96 ? undefined : (dictionaryHint(subset, chunks[0], field) ?? (request.restored ? arrowSchemaEntry(field) : undefined));
  checkPages(request, chunks, bytes, hint !== undefined);
  const wasm = await parquetWasm();
  const nestedInt96 = hasNestedInt96(subset);
  const plan = int96 || nestedInt96 ? asRawInt96(rg, subset) : { rg, subset };
  const file = syntheticFile(md, plan.rg, plan.subset, bytes, hint);
  try {
    const column = tableFromIPC(wasm.readParquet(file, { batchSize: BATCH_SIZE }).intoIPCStream()).getChildAt(0)!;
    if (int96) return int96ToTimestamps(column);
    if (nestedInt96) return nestedInt96ToTimestamps(column, field);
    return marksBelow(field) ? withFieldType(column, field) : column;
  } catch (e) {
    throw decodeError(e, field.name, rowGroup, chunkRange(chunks[0]).start);
  }
}
