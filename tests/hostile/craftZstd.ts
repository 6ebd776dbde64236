import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { replaceBuffer, rewriteBatch } from './craftIpc';

const ZSTD = resolve(__dirname, '../fixtures/writers/pyarrow/zstd.arrows');
const GIB = 2 ** 30;
const BLOCK = 128 * 1024;

/**
 * A ZSTD frame that declares `size` bytes of content and holds them as RLE blocks of zeros (4 bytes per
 * 128 KiB): 1 GiB is 32 KiB of frame.
 */
export function zeroFrame(size: number): Uint8Array {
  const blocks = Math.ceil(size / BLOCK);
  const out = new Uint8Array(4 + 1 + 8 + 4 * blocks);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xfd2fb528, true); // magic
  out[4] = 0xe0; // 8-byte content size, single segment, no checksum, no dictionary
  view.setBigUint64(5, BigInt(size), true);
  for (let k = 0; k < blocks; k++) {
    const bytes = Math.min(BLOCK, size - k * BLOCK);
    const header = (bytes << 3) | (1 << 1) | (k === blocks - 1 ? 1 : 0); // RLE block, last flag
    const at = 13 + 4 * k;
    out[at] = header & 0xff;
    out[at + 1] = (header >> 8) & 0xff;
    out[at + 2] = (header >> 16) & 0xff;
    out[at + 3] = 0;
  }
  return out;
}

/** pyarrow's ZSTD-compressed stream whose second batch's column i (int64, 100 rows = 800 bytes) holds a 1 GiB frame behind a declared length. */
function withFrame(declared: number): Uint8Array {
  const frame = zeroFrame(GIB);
  const buffer = new Uint8Array(8 + frame.length);
  new DataView(buffer.buffer).setBigInt64(0, BigInt(declared), true);
  buffer.set(frame, 8);
  return rewriteBatch(Uint8Array.from(readFileSync(ZSTD)), 1, (p) => replaceBuffer(p, 1, buffer));
}

/** The buffer declares 1 GiB once decoded (past any budget), and its frame holds that much. */
export const zstdDeclares1GiB = (): Uint8Array => withFrame(GIB);
/** The buffer declares the 800 bytes its rows need, but its frame decodes to 1 GiB. */
export const zstdFrameOf1GiB = (): Uint8Array => withFrame(800);
