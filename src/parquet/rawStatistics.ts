import type { ThriftStruct } from '../adapters/hyparquetInternals';

/** A column chunk's min and max as the writer stored them: plain-encoded bytes of the physical type. */
export interface RawMinMax {
  min?: Uint8Array;
  max?: Uint8Array;
}

/**
 * The raw min/max bytes of every column chunk of one row group (by leaf), from its RowGroup struct as
 * hyparquet's Thrift reader returns it (rowGroupMeta.ts decodes it once for both): hyparquet converts
 * statistics to JS values that lose digits (decimals as floats, timestamps as Dates to the millisecond,
 * binaries as strings). min_value/max_value are preferred over the deprecated min/max, as hyparquet's
 * statistics are read.
 */
export function rawStatistics(rowGroup: ThriftStruct): RawMinMax[] {
  const bytes = (b: unknown) => (b instanceof Uint8Array ? b : undefined);
  return ((rowGroup.field_1 as ThriftStruct[] | undefined) ?? []).map((chunk) => {
    const stats = (chunk.field_3 as ThriftStruct | undefined)?.field_12 as ThriftStruct | undefined;
    if (!stats) return {};
    return { min: bytes(stats.field_6 ?? stats.field_2), max: bytes(stats.field_5 ?? stats.field_1) };
  });
}
