import { parquetMetadata, type FileMetaData, type SchemaElement } from 'hyparquet';
import { deserializeTCompactProtocol, type ThriftStruct } from '../adapters/hyparquetInternals';
import type { ByteSource } from '../model/byteSource';
import { DatasetError } from '../model/errors';
import { metadataText } from '../valueText/metadataText';
import { checkFooterStructure, footerPlace } from './footerChecks';
import { FooterProblem, scanFooter } from './footerScan';
import type { RowGroupIndex } from './rowGroupIndex';
import { RowGroupMeta } from './rowGroupMeta';

const MAX_FOOTER = 256 * 1024 * 1024;
const NOTHING_ELSE = 'Nothing of this file can be shown without its footer.';
const MAGIC = [0x50, 0x41, 0x52, 0x31];
/** An empty list of structs in Thrift's compact encoding. */
const EMPTY_STRUCT_LIST = 0x0c;

export interface ParquetFooter {
  /** Everything but the row groups, as hyparquet decodes it: `row_groups` is left empty, see `rowGroups`. */
  md: FileMetaData;
  /** The row groups: a compact index, each decoded when asked for. */
  rowGroups: RowGroupMeta;
  /** The leaves hyparquet gave a logical type from GeoParquet metadata ("geo"), not from the footer. */
  geoMarked: ReadonlySet<SchemaElement>;
}

/**
 * Reads and parses only the footer (FileMetaData) of a Parquet file. Its Thrift encoding is walked
 * once (footerScan.ts), which checks it is safe for hyparquet and indexes the row groups; hyparquet
 * then decodes the rest (schema, key-value metadata), and a row group only when it is read. A problem
 * is a sentence saying which part of the footer is wrong and where, never the decoder's own words.
 */
export async function readParquetFooter(source: ByteSource, signal?: AbortSignal): Promise<ParquetFooter> {
  if (source.size < 12) throw new DatasetError(`The file is too short (${source.size} bytes) to be Parquet.`, { offset: 0 });
  const tail = await source.read(source.size - 8, 8, signal);
  const magic = new TextDecoder().decode(tail.subarray(4));
  const footerLength = new DataView(tail.buffer, tail.byteOffset).getUint32(0, true);
  if (magic === 'PARE') {
    throw new DatasetError(
      'This Parquet file is encrypted (encrypted footer); a key is required to read even its schema.',
      { offset: source.size - 4 },
      'Nothing beyond its size can be shown without the key.',
    );
  }
  if (magic !== 'PAR1') {
    throw new DatasetError('The file starts with PAR1 but does not end with it: it is truncated or not Parquet.', { offset: source.size - 4 });
  }
  if (footerLength > Math.min(MAX_FOOTER, source.size - 12)) {
    throw new DatasetError(`Invalid footer length ${footerLength} for a file of ${source.size} bytes.`, { offset: source.size - 8 });
  }
  const footerStart = source.size - 8 - footerLength;
  const place = footerPlace(footerStart, footerLength);
  const bytes = (await source.read(footerStart, footerLength + 8, signal)).subarray(0, footerLength);
  let index: RowGroupIndex;
  try {
    index = scanFooter(bytes, footerStart);
  } catch (e) {
    if (!(e instanceof FooterProblem)) throw e;
    throw new DatasetError(`${place} is damaged: ${e.message} (at byte ${(footerStart + e.at).toLocaleString('en-US')}).`, { offset: footerStart + e.at }, NOTHING_ELSE);
  }
  const rest = withoutRowGroups(bytes, index);
  // hyparquet marks GeoParquet columns by skipping num_children elements at a time, which never ends
  // for a negative count: the schema is checked first, and only a file with "geo" metadata decoded again.
  let md = metadataOf(rest, place, footerStart, footerLength, false);
  let rowGroups = new RowGroupMeta(bytes, index, md.schema.filter((e) => e.type), footerStart);
  checkFooterStructure(md, rowGroups, footerStart, footerLength);
  const geoMarked = new Set<SchemaElement>();
  if (md.key_value_metadata?.some((kv) => kv.key === 'geo')) {
    const stored = md.schema;
    md = metadataOf(rest, place, footerStart, footerLength, true);
    rowGroups = new RowGroupMeta(bytes, index, md.schema.filter((e) => e.type), footerStart);
    md.schema.forEach((e, i) => e.logical_type && !stored[i].logical_type && geoMarked.add(e));
  }
  return { md, rowGroups, geoMarked };
}

function metadataOf(rest: Uint8Array, place: string, footerStart: number, footerLength: number, geoparquet: boolean): FileMetaData {
  try {
    return withKeyValueBytes({ ...parquetMetadata(rest, { geoparquet }), metadata_length: footerLength }, rest);
  } catch {
    // The walk found the structure sound: what is left is a value hyparquet cannot convert (a type annotation).
    throw new DatasetError(`${place} could not be read: a value in it (statistics or a type annotation) is not what its field should hold.`, { offset: footerStart }, NOTHING_ELSE);
  }
}

/**
 * hyparquet decodes key-value metadata as UTF-8, each byte that is not one as U+FFFD, so that different
 * bytes look alike: such a footer's entries are read again as bytes and escaped (metadataText), as pyarrow shows them.
 */
function withKeyValueBytes(md: FileMetaData, rest: Uint8Array): FileMetaData {
  if (!md.key_value_metadata?.some((kv) => kv.key.includes('\uFFFD') || kv.value?.includes('\uFFFD'))) return md;
  const raw = deserializeTCompactProtocol({ view: new DataView(rest.buffer, rest.byteOffset, rest.byteLength), offset: 0 }) as ThriftStruct;
  const entries = (raw.field_5 ?? []) as ThriftStruct[];
  const text = (bytes: Uint8Array | undefined) => bytes && metadataText(bytes);
  return { ...md, key_value_metadata: entries.map((kv) => ({ key: text(kv.field_1) ?? '', value: text(kv.field_2) })) };
}

/** The footer with an empty row group list, and its length and PAR1 after it, for hyparquet to decode the rest. */
function withoutRowGroups(bytes: Uint8Array, index: RowGroupIndex): Uint8Array {
  const rest = bytes.length - (index.listEnd - index.listStart);
  const out = new Uint8Array(rest + 1 + 8);
  out.set(bytes.subarray(0, index.listStart));
  out[index.listStart] = EMPTY_STRUCT_LIST;
  out.set(bytes.subarray(index.listEnd), index.listStart + 1);
  new DataView(out.buffer).setUint32(rest + 1, rest + 1, true);
  out.set(MAGIC, rest + 5);
  return out;
}
