import type { Schema } from 'apache-arrow';
import { ChunkTable, FIRST_CAPACITY, grown } from '../model/chunkTable';
import type { UnsupportedColumn } from './tolerantSchema';
import type { DictionaryState } from './dictionaryState';
import type { ScannedHeaders } from './scannedHeaders';

/** Position of a dictionary batch message in the file. */
export interface DictionaryEntry {
  id: number;
  isDelta: boolean;
  offset: number;
  metadataOffset: number;
  metadataLength: number;
  bodyOffset: number;
  bodyLength: number;
}

export type { DictionaryState };

/** Position of one record batch; nodes and buffers are re-read from its metadata when needed. */
export interface BatchEntry {
  rows: number;
  rowOffset: number;
  offset: number;
  metadataOffset: number;
  metadataLength: number;
  bodyOffset: number;
  bodyLength: number;
  /** Shared by reference between batches until a dictionary message changes it. */
  dictionaries: DictionaryState;
}

/**
 * Every record batch's position, as columns of numbers (a million empty batches take about 45 MB):
 * the chunk columns, plus where each batch's metadata starts and ends and which dictionary state it
 * sees. A `BatchEntry` is made when one batch is read.
 */
export class BatchTable extends ChunkTable {
  /** Bytes of framing before the metadata: 8 (continuation + length) or 4 (pre-0.15 streams). */
  private prefixOf = new Uint8Array(FIRST_CAPACITY);
  private metadataLengthOf = new Float64Array(FIRST_CAPACITY);
  private stateOf = new Uint32Array(FIRST_CAPACITY);
  /** Distinct dictionary states, in the order they took effect. */
  private readonly states: DictionaryState[] = [];

  add(entry: Omit<BatchEntry, 'rowOffset'>): number {
    if (this.states[this.states.length - 1] !== entry.dictionaries) this.states.push(entry.dictionaries);
    const i = this.push(entry.rows, entry.offset, entry.bodyOffset + entry.bodyLength - entry.offset);
    this.prefixOf[i] = entry.metadataOffset - entry.offset;
    this.metadataLengthOf[i] = entry.metadataLength;
    this.stateOf[i] = this.states.length - 1;
    return i;
  }

  protected override grow(capacity: number): void {
    super.grow(capacity);
    this.prefixOf = grown(this.prefixOf, new Uint8Array(capacity));
    this.metadataLengthOf = grown(this.metadataLengthOf, new Float64Array(capacity));
    this.stateOf = grown(this.stateOf, new Uint32Array(capacity));
  }

  /** Batch `i`'s position, or undefined past the end. */
  entry(i: number): BatchEntry | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    const offset = this.offset(i);
    const metadataOffset = offset + this.prefixOf[i];
    const metadataLength = this.metadataLengthOf[i];
    const bodyOffset = metadataOffset + metadataLength;
    return {
      rows: this.rows(i),
      rowOffset: this.rowOffset(i),
      offset,
      metadataOffset,
      metadataLength,
      bodyOffset,
      bodyLength: offset + this.bytes(i) - bodyOffset,
      dictionaries: this.states[this.stateOf[i]],
    };
  }

  /** Byte just past the last batch's body (0 when there is none). */
  get end(): number {
    const n = this.length;
    return n ? this.offset(n - 1) + this.bytes(n - 1) : 0;
  }
}

/** What indexing a stream or file yields, growing while a stream is scanned. */
export interface IpcIndex {
  schema: Schema;
  metadataVersion: number;
  /** Top-level columns whose type could not be decoded, by column index. */
  unsupported: Map<number, UnsupportedColumn>;
  /** The schema declares big-endian data (values are then refused rather than misread). */
  bigEndian: boolean;
  batches: BatchTable;
  dictionaries: DictionaryEntry[];
  /** Batch headers decoded while a stream was scanned (absent for a file's footer or a kept index). */
  scannedHeaders?: ScannedHeaders;
}
