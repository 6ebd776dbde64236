import { Type, type Dictionary, type Field } from 'apache-arrow';
import type { ParquetType } from 'hyparquet';
import { parquetHeader, snappyUncompress, type PageHeader } from '../adapters/hyparquetInternals';
import type { ByteSource } from '../model/byteSource';
import type { ColumnChunkInfo } from '../model/types';
import { rawValueText } from './rawValueText';

/** Dictionaries past these sizes are not read for a filter (the values are read instead). */
const MAX_PAGE_BYTES = 4 * 1024 * 1024;
const MAX_ENTRIES = 1 << 20;
const WIDTHS: Partial<Record<ParquetType, number>> = { INT32: 4, INT64: 8, FLOAT: 4, DOUBLE: 8 };

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8Type(field: Field): boolean {
  const type = field.type.typeId === Type.Dictionary ? (field.type as Dictionary).dictionary : field.type;
  return type.typeId === Type.Utf8 || type.typeId === Type.LargeUtf8;
}

/** The page's body, uncompressed (snappy or none; other codecs are left to the decoder: null). */
function pageBody(bytes: Uint8Array, start: number, header: PageHeader, codec: string | undefined): Uint8Array | null {
  const size = header.compressed_page_size;
  const out = header.uncompressed_page_size;
  // The page fills the bytes before the first data page exactly, or something is off: not trusted.
  if (!Number.isInteger(size) || !Number.isInteger(out) || size < 0 || out < 0 || start + size !== bytes.length || out > MAX_PAGE_BYTES) return null;
  const body = bytes.subarray(start, start + size);
  if (codec === 'UNCOMPRESSED') return size === out ? body : null;
  if (codec !== 'SNAPPY') return null;
  const output = new Uint8Array(out);
  snappyUncompress(body, output);
  return output;
}

/** Each entry's plain-encoded bytes, which must fill the body exactly. */
function plainEntries(body: Uint8Array, count: number, physical: ParquetType): Uint8Array[] | null {
  const out: Uint8Array[] = [];
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let at = 0;
  const width = WIDTHS[physical];
  for (let k = 0; k < count; k++) {
    if (physical === 'BYTE_ARRAY') {
      if (at + 4 > body.length) return null;
      const n = view.getUint32(at, true);
      at += 4;
      if (at + n > body.length) return null;
      out.push(body.subarray(at, at + n));
      at += n;
    } else if (width !== undefined) {
      if (at + width > body.length) return null;
      out.push(body.subarray(at, at + width));
      at += width;
    } else {
      return null;
    }
  }
  return at === body.length ? out : null;
}

/**
 * The values of a column chunk's dictionary page as the grid shows them (docs/VALUE_TEXT.md), when
 * its detail says every data page refers to it (`dictionaryPage`), so no other value occurs in the
 * chunk. Null when it cannot be read faithfully: another codec, a fixed-size or boolean type, a
 * string that is not valid UTF-8, a page that does not hold together, or one past the limits.
 */
export async function readChunkDictionary(source: ByteSource, column: ColumnChunkInfo, field: Field, physical: ParquetType, signal?: AbortSignal): Promise<string[] | null> {
  const span = column.dictionaryPage;
  if (!span || span.length <= 0 || span.length > MAX_PAGE_BYTES || span.offset < 4 || span.offset + span.length > source.size) return null;
  if (physical !== 'BYTE_ARRAY' && WIDTHS[physical] === undefined) return null;
  const bytes = await source.read(span.offset, span.length, signal);
  try {
    const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
    const header = parquetHeader(reader);
    const entries = header.dictionary_page_header?.num_values;
    const encoding = header.dictionary_page_header?.encoding;
    if (header.type !== 'DICTIONARY_PAGE' || typeof entries !== 'number' || entries < 0 || entries > MAX_ENTRIES || (encoding !== 'PLAIN' && encoding !== 'PLAIN_DICTIONARY')) return null;
    const body = pageBody(bytes, reader.offset, header, column.codec);
    const values = body && plainEntries(body, entries, physical);
    if (!values) return null;
    const utf8 = isUtf8Type(field);
    const out: string[] = [];
    for (const v of values) {
      const text = rawValueText(v, field, physical);
      // A string must come back whole and as its bytes (fatal: bytes that are not UTF-8 throw), or it would not compare as the value does.
      if (text === undefined || (utf8 && fatalUtf8.decode(v) !== text)) return null;
      out.push(text);
    }
    return out;
  } catch {
    return null;
  }
}
