import { deserializeTCompactProtocol } from '../adapters/hyparquetInternals';
import type { ByteSource } from '../model/byteSource';

/** A column chunk's min and max as the writer stored them: plain-encoded bytes of the physical type. */
export interface RawMinMax {
  min?: Uint8Array;
  max?: Uint8Array;
}

type Thrift = { [key: `field_${number}`]: unknown };

/**
 * The raw min/max bytes of every column chunk (by row group, then leaf), read again from the footer's
 * Thrift: hyparquet converts statistics to JS values that lose digits (decimals as floats, timestamps as
 * Dates to the millisecond, binaries as strings). min_value/max_value are preferred over the deprecated
 * min/max, as hyparquet's statistics are read. Only these bytes are kept (copied), not the parsed footer.
 */
export async function rawStatistics(source: ByteSource, signal?: AbortSignal): Promise<RawMinMax[][]> {
  const tail = await source.read(source.size - 8, 8, signal);
  const length = new DataView(tail.buffer, tail.byteOffset).getUint32(0, true);
  const footer = await source.read(source.size - 8 - length, length, signal);
  const md = deserializeTCompactProtocol({ view: new DataView(footer.buffer, footer.byteOffset, footer.byteLength), offset: 0 }) as Thrift;
  const copy = (b: unknown) => (b instanceof Uint8Array ? b.slice() : undefined);
  return ((md.field_4 as Thrift[] | undefined) ?? []).map((rg) =>
    ((rg.field_1 as Thrift[] | undefined) ?? []).map((chunk) => {
      const stats = (chunk.field_3 as Thrift | undefined)?.field_12 as Thrift | undefined;
      if (!stats) return {};
      return { min: copy(stats.field_6 ?? stats.field_2), max: copy(stats.field_5 ?? stats.field_1) };
    }),
  );
}
