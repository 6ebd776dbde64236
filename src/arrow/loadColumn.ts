import { makeVector, type Data, type Field, type Vector } from 'apache-arrow';
import { type RecordBatchHeader } from '../adapters/apacheArrowInternals';
import type { RowRange } from '../model/types';
import { BatchLoader } from './batchLoader';
import { validateData } from './validateData';
import type { ByteSource } from '../model/byteSource';
import { DatasetError } from '../model/errors';
import type { ColumnSpan } from './columnSpans';
import { readBuffers } from './readBuffers';
import type { BatchEntry } from './ipcIndex';

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
}

/**
 * Loads one column of one batch from only that column's buffers: all of it, or rows [start, end)
 * (run-end encoded and list-view columns decode just those rows; others are sliced).
 */
export async function loadColumn(req: ColumnRequest, rows?: RowRange): Promise<Vector> {
  const { header, span, batch } = req;
  const where = { chunk: req.batchIndex, column: req.field.name };
  const nodes = header.nodes.slice(span.nodeStart, span.nodeEnd);
  const regions = header.buffers.slice(span.bufferStart, span.bufferEnd);
  if (nodes.length !== span.nodeEnd - span.nodeStart || regions.length !== span.bufferEnd - span.bufferStart) {
    throw new DatasetError('The batch has fewer field nodes or buffers than its schema requires.', { ...where, offset: batch.offset });
  }
  if (nodes[0].length > header.length) {
    throw new DatasetError(`The column claims ${nodes[0].length} rows in a batch of ${header.length}.`, { ...where, offset: batch.offset });
  }
  const { bytes, regions: rebased } = await readBuffers(req.source, batch.bodyOffset, batch.bodyLength, regions, header.compression, where, req.signal);
  const variadic = header.variadicBufferCounts.slice(span.variadicStart, span.variadicEnd);
  let data: Data;
  const loader = new BatchLoader(bytes, nodes, rebased, req.dictionaries, variadic, { metadataVersion: req.metadataVersion, bigEndian: req.bigEndian, window: rows });
  try {
    data = loader.visit(req.field.type);
  } catch (e) {
    throw new DatasetError(`The column's buffers could not be decoded: ${(e as Error).message}.`, { ...where, offset: batch.bodyOffset });
  }
  const problem = validateData(data);
  if (problem) throw new DatasetError(`The column's data is inconsistent: ${problem}.`, { ...where, offset: batch.bodyOffset }, 'Other columns and batches may still be readable.');
  const vector = makeVector(data);
  return rows && !loader.windowApplied ? vector.slice(rows.start, rows.end) : vector;
}
