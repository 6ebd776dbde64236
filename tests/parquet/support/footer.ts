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
