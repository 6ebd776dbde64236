import { splice, thriftSlots, type ThriftSlot } from './thriftFields';

/** A Parquet file's footer: where it lies and its Thrift slots (positions relative to the footer). */
export interface ParquetFooter {
  start: number;
  bytes: Uint8Array;
  slots: ThriftSlot[];
}

/** The footer of a Parquet file (null when its trailer does not give one). */
export function parquetFooter(file: Uint8Array): ParquetFooter | null {
  if (file.length < 12) return null;
  const length = new DataView(file.buffer, file.byteOffset, file.byteLength).getInt32(file.length - 8, true);
  const start = file.length - 8 - length;
  if (length <= 0 || start < 4) return null;
  const bytes = file.subarray(start, file.length - 8);
  return { start, bytes, slots: thriftSlots(bytes).slots };
}

/** The file with its footer replaced, the trailer's length updated to the new footer's. */
export function withFooter(file: Uint8Array, footer: ParquetFooter, replaced: Uint8Array): Uint8Array {
  const out = splice(file, footer.start, file.length - 8, replaced);
  new DataView(out.buffer).setInt32(out.length - 8, replaced.length, true);
  return out;
}

/** The file with one footer slot re-encoded. */
export function withFooterSlot(file: Uint8Array, footer: ParquetFooter, slot: ThriftSlot, encoded: Uint8Array): Uint8Array {
  return withFooter(file, footer, splice(footer.bytes, slot.at, slot.end, encoded));
}

/** Where the page headers of the file start (every column chunk's dictionary and first data page), from the footer. */
export function pageHeaderOffsets(footer: ParquetFooter, fileSize: number): number[] {
  const offsets = new Set<number>();
  for (const s of footer.slots) {
    // row_groups (4) [g] columns (1) [c] meta_data (3) data_page_offset (9) / dictionary_page_offset (11)
    const p = s.path;
    if (s.kind === 'int' && p.length === 6 && p[0] === 4 && p[2] === 1 && p[4] === 3 && (p[5] === 9 || p[5] === 11)) {
      const at = Number(s.value);
      if (at >= 4 && at < fileSize) offsets.add(at);
    }
  }
  return [...offsets].sort((a, b) => a - b);
}
