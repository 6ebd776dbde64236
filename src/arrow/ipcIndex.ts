import type { Schema } from 'apache-arrow';
import type { UnsupportedColumn } from './tolerantSchema';

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

/** For each dictionary id, the dictionary messages (indices into `dictionaries`) in effect. */
export type DictionaryState = ReadonlyMap<number, readonly number[]>;

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

/** What indexing a stream or file yields, growing while a stream is scanned. */
export interface IpcIndex {
  schema: Schema;
  metadataVersion: number;
  /** Top-level columns whose type could not be decoded, by column index. */
  unsupported: Map<number, UnsupportedColumn>;
  /** The schema declares big-endian data (values are then refused rather than misread). */
  bigEndian: boolean;
  batches: BatchEntry[];
  dictionaries: DictionaryEntry[];
}
