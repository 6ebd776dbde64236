import { makeVector, type Data, type Field, type Vector } from 'apache-arrow';
import { type RecordBatchHeader } from '../adapters/apacheArrowInternals';
import type { RowRange } from '../model/types';
import { BatchLoader } from './batchLoader';
import { validateData } from './validateData';
import { ColumnPlace, columnLayout, type LayoutArray, type LayoutBuffer } from './columnLayout';
import { checkContents, checkHeader, checkSizes } from './validateLayout';
import type { ByteSource } from '../model/byteSource';
import type { ColumnSpan } from './columnSpans';
import { readBuffers } from './readBuffers';
import type { BatchEntry } from './ipcIndex';
import { plannedReads } from './readPlan';
import type { DecodedScope } from '../source/decodedCache';
import { vectorBytes } from './vectorBytes';

/** Everything needed to load one column of one batch. */
export interface ColumnRequest {
  source: ByteSource;
  batch: BatchEntry;
  batchIndex: number;
  header: RecordBatchHeader;
  field: Field;
  column: number;
  span: ColumnSpan;
  metadataVersion: number;
  /** The file is big-endian: values are byte-swapped on read. */
  bigEndian: boolean;
  dictionaries: Map<number, Vector>;
  signal?: AbortSignal;
  /** Where this file's decoded data is kept (the decoded cache): none, and every request decodes again. */
  decoded?: DecodedScopes;
  /** A whole column's bytes are given back with recycleRead by the caller (see ReadOptions). */
  recyclable?: boolean;
}

/** The file's scopes in the decoded cache: decoded buffers of compressed batches, and whole decoded columns. */
export interface DecodedScopes {
  /** Key `batch/buffer`: one decompressed buffer (the row windows of compressed flat columns are cut from these). */
  buffers: DecodedScope;
  /** Key `batch/column`: a column decoded whole for a window (nested, view, run-end encoded, compressed), windows sliced from it. */
  columns: DecodedScope;
}

/**
 * Loads one column of one batch from only that column's buffers: all of it, or rows [start, end).
 * A window is sliced from the whole column decoded once and kept in the decoded cache (`req.decoded`);
 * without one, run-end encoded and list-view columns decode just those rows, others are sliced.
 * A whole column is served from the cache when a window put it there, and is not kept otherwise
 * (scans read every column once: they would only evict what the grid shows).
 */
export async function loadColumn(req: ColumnRequest, rows?: RowRange): Promise<Vector> {
  const columns = req.decoded?.columns;
  if (!columns?.keeps) return decodeColumn(req, rows);
  const key = `${req.batchIndex}/${req.column}`;
  if (!rows) return columns.get<Vector>(key) ?? decodeColumn(req);
  const whole = await columns.load(
    key,
    async (signal) => {
      const vector = await decodeColumn({ ...req, signal });
      return { value: vector, bytes: vectorBytes(vector) };
    },
    req.signal,
  );
  return whole.slice(rows.start, rows.end);
}

async function decodeColumn(req: ColumnRequest, rows?: RowRange): Promise<Vector> {
  const { header, span, batch } = req;
  const where = { chunk: req.batchIndex, column: req.field.name };
  const { place, arrays } = validatedLayout(req);
  const compressed = header.compression !== null;
  const regions = header.buffers.slice(span.bufferStart, span.bufferEnd);
  const { bytes, regions: rebased } = await readBuffers(plannedReads(req.source), batch.bodyOffset, batch.bodyLength, regions, header.compression, where, req.signal, !rows && req.recyclable === true);
  const regionOf = (b: LayoutBuffer) => rebased[b.index - span.bufferStart];
  if (compressed) checkSizes(arrays, place, regionOf);
  checkContents(arrays, place, bytes, regionOf, req.bigEndian);
  const nodes = header.nodes.slice(span.nodeStart, span.nodeEnd);
  const variadic = header.variadicBufferCounts.slice(span.variadicStart, span.variadicEnd);
  let data: Data;
  const loader = new BatchLoader(bytes, nodes, rebased, req.dictionaries, variadic, { metadataVersion: req.metadataVersion, bigEndian: req.bigEndian, window: rows });
  try {
    data = loader.visit(req.field.type);
  } catch (e) {
    throw place.error(`its buffers could not be decoded: ${(e as Error).message}`, batch.bodyOffset);
  }
  // A whole column's byte offsets are the buffer checkContents walked; a window's were cut from it.
  const problem = validateData(data, 0, !loader.windowApplied && !req.bigEndian);
  if (problem) throw place.error(`its data is inconsistent: ${problem}`, batch.bodyOffset);
  const vector = makeVector(data);
  return rows && !loader.windowApplied ? vector.slice(rows.start, rows.end) : vector;
}

/**
 * The column's arrays paired with the batch's field nodes and buffers, checked as far as the
 * message header allows (nothing of the body read yet). Throws the sentence for the first problem.
 */
export function validatedLayout(req: ColumnRequest): { place: ColumnPlace; arrays: LayoutArray[] } {
  const { header, span, batch } = req;
  const place = ColumnPlace.ofBatch(req.batchIndex, req.field.name, batch.offset, batch.bodyOffset);
  const lists = { nodes: header.nodes, buffers: header.buffers, variadicCounts: header.variadicBufferCounts };
  const arrays = columnLayout(req.field, lists, { node: span.nodeStart, buffer: span.bufferStart, variadic: span.variadicStart }, req.metadataVersion, place);
  checkHeader(arrays, place, batch.bodyLength, header.length, header.compression === null);
  return { place, arrays };
}
