import type { ThriftStruct } from '../adapters/hyparquetInternals';

/** A column chunk's min and max as the writer stored them: plain-encoded bytes of the physical type. */
export interface RawMinMax {
  min?: Uint8Array;
  max?: Uint8Array;
  /** From the deprecated min/max fields (written in signed order): see statsText's minMaxPair. */
  deprecated?: boolean;
}

/**
 * The raw min/max bytes of every column chunk of one row group (by leaf), from its RowGroup struct as
 * hyparquet's Thrift reader returns it (rowGroupMeta.ts decodes it once for both): hyparquet converts
 * statistics to JS values that lose digits (decimals as floats, timestamps as Dates to the millisecond,
 * binaries as strings). The pair min_value/max_value is preferred over the deprecated pair min/max;
 * a pair is taken whole or not at all.
 */
export function rawStatistics(rowGroup: ThriftStruct): RawMinMax[] {
  const bytes = (b: unknown) => (b instanceof Uint8Array ? b : undefined);
  return ((rowGroup.field_1 as ThriftStruct[] | undefined) ?? []).map((chunk) => {
    const stats = (chunk.field_3 as ThriftStruct | undefined)?.field_12 as ThriftStruct | undefined;
    if (!stats) return {};
    const [min, max] = [bytes(stats.field_6), bytes(stats.field_5)];
    if (min || max) return min && max ? { min, max } : {};
    const [oldMin, oldMax] = [bytes(stats.field_2), bytes(stats.field_1)];
    return oldMin && oldMax ? { min: oldMin, max: oldMax, deprecated: true } : {};
  });
}
