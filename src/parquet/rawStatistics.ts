import type { ThriftStruct } from '../adapters/hyparquetInternals';

/** A column chunk's two min/max pairs as the writer stored them: plain-encoded bytes of the physical type (statisticsRules.ts storedPair picks one). */
export interface RawMinMax {
  values: [Uint8Array | undefined, Uint8Array | undefined];
  /** The deprecated min/max fields (written in signed order). */
  deprecated: [Uint8Array | undefined, Uint8Array | undefined];
}

const NONE: RawMinMax = { values: [undefined, undefined], deprecated: [undefined, undefined] };

/**
 * The raw min/max bytes of every column chunk of one row group (by leaf), from its RowGroup struct as
 * hyparquet's Thrift reader returns it (rowGroupMeta.ts decodes it once for both): hyparquet converts
 * statistics to JS values that lose digits (decimals as floats, timestamps as Dates to the millisecond,
 * binaries as strings).
 */
export function rawStatistics(rowGroup: ThriftStruct): RawMinMax[] {
  const bytes = (b: unknown) => (b instanceof Uint8Array ? b : undefined);
  return ((rowGroup.field_1 as ThriftStruct[] | undefined) ?? []).map((chunk) => {
    const stats = (chunk.field_3 as ThriftStruct | undefined)?.field_12 as ThriftStruct | undefined;
    if (!stats) return NONE;
    return { values: [bytes(stats.field_6), bytes(stats.field_5)], deprecated: [bytes(stats.field_2), bytes(stats.field_1)] };
  });
}
