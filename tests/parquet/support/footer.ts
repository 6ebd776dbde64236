import { parquetMetadata, type FileMetaData } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { encodeFooter } from '../../../src/parquet/encodeFooter';

/** `bytes` (a Parquet file) with its footer decoded, changed by `edit` and written back in its place. */
export function withEditedFooter(bytes: Uint8Array, edit: (md: FileMetaData) => void): Uint8Array {
  const md = parquetMetadata(bytes);
  edit(md);
  const footer = encodeFooter(md);
  const dataEnd = bytes.length - 8 - md.metadata_length;
  const out = new Uint8Array(dataEnd + footer.length + 4);
  out.set(bytes.subarray(0, dataEnd));
  out.set(footer, dataEnd);
  out.set([0x50, 0x41, 0x52, 0x31], out.length - 4);
  return out;
}

/** A real file (hyparquet-writer): int32 `a` = 1, 2, 3 and string `s` = x, y, z in one row group; its footer rewritten by `edit`. */
export function realFile(edit: (md: FileMetaData) => void = () => {}): Uint8Array {
  const bytes = new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'a', data: Int32Array.from([1, 2, 3]), type: 'INT32' },
        { name: 's', data: ['x', 'y', 'z'], type: 'STRING' },
      ],
    }),
  );
  return withEditedFooter(bytes, edit);
}

/**
 * A file hyparquet-writer wrote, its footer's column orders cut off: that writer lists one
 * TypeDefinedOrder per leaf as the footer's last field (Thrift compact: field 7, a list of n structs
 * each `1C 00 00`, then the footer's stop byte). Throws when the footer does not end so.
 */
export function withoutColumnOrders(bytes: Uint8Array): Uint8Array {
  const md = parquetMetadata(bytes);
  const leaves = md.schema.filter((e) => e.type).length;
  if (leaves >= 15) throw new Error('withoutColumnOrders: a short list header only (under 15 leaves)');
  const tail = [0x19, (leaves << 4) | 0x0c, ...Array.from({ length: leaves }, () => [0x1c, 0, 0]).flat(), 0];
  const footerEnd = bytes.length - 8;
  const footerStart = footerEnd - md.metadata_length;
  const end = bytes.subarray(footerEnd - tail.length, footerEnd);
  if (!tail.every((b, i) => end[i] === b)) throw new Error('withoutColumnOrders: the footer does not end with column orders as hyparquet-writer writes them');
  const kept = footerEnd - tail.length;
  const out = new Uint8Array(kept + 1 + 8);
  out.set(bytes.subarray(0, kept));
  out[kept] = 0;
  new DataView(out.buffer).setUint32(kept + 1, kept + 1 - footerStart, true);
  out.set([0x50, 0x41, 0x52, 0x31], kept + 5);
  return out;
}
