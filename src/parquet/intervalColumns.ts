import type { FileMetaData, SchemaElement } from 'hyparquet';

/**
 * The footer with every INTERVAL column made plain bytes, as pyarrow reads it: fixed_size_binary[12],
 * each value's 12 bytes (months, days, milliseconds) shown as they are. parquet-wasm reads INTERVAL as
 * a day_time_interval and drops the months, so "14 months 2 days 3 ms" showed as "2d 3ms". The same
 * object when no column is INTERVAL. For decoding only: the Schema view describes the columns from the
 * footer as it is.
 */
export function intervalsAsBytes(md: FileMetaData): FileMetaData {
  if (!md.schema.some(isInterval)) return md;
  return { ...md, schema: md.schema.map((e) => (isInterval(e) ? withoutInterval(e) : e)) };
}

const isInterval = (e: SchemaElement) => e.converted_type === 'INTERVAL' || e.logical_type?.type === 'INTERVAL';

function withoutInterval(e: SchemaElement): SchemaElement {
  const plain = { ...e };
  if (plain.converted_type === 'INTERVAL') delete plain.converted_type;
  if (plain.logical_type?.type === 'INTERVAL') delete plain.logical_type;
  return plain;
}
