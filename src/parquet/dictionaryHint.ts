import { Binary, Dictionary, Field, Int32, Schema, Table, Type, Utf8, tableToIPC, type DataType } from 'apache-arrow';
import type { ColumnChunk, KeyValue } from 'hyparquet';
import type { ColumnSubset } from './columnSubset';

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const isDictionaryEncoding = (e: string | undefined) => e === 'PLAIN_DICTIONARY' || e === 'RLE_DICTIONARY';
/** A page type the footer names, or one it does not (an enum value past the known ones reads as undefined): counted as a data page. */
const mayBeDataPage = (pageType: string | undefined) => typeof pageType !== 'string' || pageType.startsWith('DATA_PAGE');
/** Past this, writers usually stop adding to the dictionary and fall back to plain pages. */
const SMALL_DICTIONARY = 64 * 1024;

/**
 * Whether every data page is dictionary-encoded: keeping a dictionary is only cheaper then (after a
 * fallback to plain pages the decoder would have to intern every value). Without page encoding
 * statistics, a small dictionary page is taken as the sign that the writer never fell back.
 */
function wholeChunkIsDictionaryEncoded(chunk: ColumnChunk): boolean {
  const m = chunk.meta_data;
  if (!m || !Array.isArray(m.encodings) || !m.encodings.some(isDictionaryEncoding)) return false;
  if (m.encoding_stats?.length) return m.encoding_stats.every((s) => !mayBeDataPage(s.page_type) || isDictionaryEncoding(s.encoding));
  const dictionary = m.dictionary_page_offset !== undefined && m.dictionary_page_offset > 0n ? Number(m.data_page_offset - m.dictionary_page_offset) : -1;
  return dictionary > 0 && dictionary < SMALL_DICTIONARY;
}

/**
 * For a flat string or binary column whose chunk is dictionary-encoded: an ARROW:schema entry asking
 * parquet-wasm to keep the dictionary (indices plus the distinct values) instead of writing out
 * every row's bytes. Decoding is cheaper, and counting unique values then counts indices.
 */
export function dictionaryHint(subset: ColumnSubset, chunk: ColumnChunk, field: Field): KeyValue | undefined {
  const type: DataType = field.type;
  if (subset.leaves !== 1 || subset.elements.length !== 1) return undefined;
  if (type.typeId !== Type.Utf8 && type.typeId !== Type.Binary) return undefined;
  if (!wholeChunkIsDictionaryEncoded(chunk)) return undefined;
  let entry = dictionaryEntries.get(field);
  if (!entry) {
    const values = type.typeId === Type.Utf8 ? new Utf8() : new Binary();
    entry = arrowSchemaEntry(new Field(field.name, new Dictionary(values, new Int32()), field.nullable));
    dictionaryEntries.set(field, entry);
  }
  return entry;
}

/** The hint per field, made once (encoding its schema costs about a millisecond, for each page run of a window otherwise). */
const dictionaryEntries = new WeakMap<Field, KeyValue>();

/** An ARROW:schema entry for a one-column file: parquet-wasm reads the column in this field's type. */
export function arrowSchemaEntry(field: Field): KeyValue {
  // The IPC stream of an empty table starts with the encapsulated schema message ARROW:schema holds.
  const stream = tableToIPC(new Table(new Schema([field])), 'stream');
  const length = new DataView(stream.buffer, stream.byteOffset).getInt32(4, true);
  return { key: 'ARROW:schema', value: base64(stream.subarray(0, 8 + length)) };
}
