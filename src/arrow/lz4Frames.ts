import { decompressBlock } from 'lz4js';
import { hash as xxh32 } from 'lz4js/xxh32.js';
import { u32, walkFrames } from './codecFrames';

const MAGIC = 0x184d2204;
const STORED = 0x80000000;
/** Largest block each BD "block maximum size" code allows. */
const BLOCK_MAX: Record<number, number> = { 4: 64 << 10, 5: 256 << 10, 6: 1 << 20, 7: 4 << 20 };

/**
 * Decodes the LZ4 frames of one buffer into `out` and returns how many bytes they made (at most
 * out.length), by the LZ4 frame format: per block its size, its data (LZ4 block format, or stored as
 * is when the size's top bit is set), then its checksum when the frame declares block checksums; after
 * the end mark, the content checksum when declared. Every checksum present is verified. lz4js decodes
 * the blocks; its own frame reader skips a block checksum before the block's data instead of after it,
 * so frames with block checksums (Polars writes them) decoded to wrong bytes without an error.
 * Throws a clause saying what is wrong and where.
 */
export function decodeLz4Frames(data: Uint8Array, out: Uint8Array): number {
  let made = 0;
  walkFrames(data, 'LZ4', MAGIC, (at, need) => {
    need(at + 7, 'a frame header');
    const flags = data[at + 4];
    if ((flags & 0xc0) !== 0x40) throw new Error(`its LZ4 frame at byte ${at} has version ${flags >> 6}, not 1`);
    if (flags & 1) throw new Error(`its LZ4 frame at byte ${at} needs a dictionary, which Arrow IPC does not provide`);
    const blockMax = BLOCK_MAX[(data[at + 5] >> 4) & 7];
    if (!blockMax) throw new Error(`its LZ4 frame at byte ${at} declares no valid block size`);
    const descriptorEnd = at + 6 + (flags & 8 ? 8 : 0);
    need(descriptorEnd + 1, 'a frame header');
    if (((xxh32(0, data, at + 4, descriptorEnd - at - 4) >>> 8) & 0xff) !== data[descriptorEnd]) throw new Error(`its LZ4 frame header at byte ${at} fails its checksum`);
    const blockSums = (flags & 0x10) !== 0;
    const frameStart = made;
    let p = descriptorEnd + 1;
    for (;;) {
      need(p + 4, 'a block header');
      const word = u32(data, p);
      p += 4;
      if (word === 0) break;
      const size = word & ~STORED;
      if (size > blockMax) throw new Error(`its LZ4 block at byte ${p - 4} holds ${size} bytes, more than the ${blockMax} its frame allows`);
      need(p + size + (blockSums ? 4 : 0), 'a block');
      if (blockSums && xxh32(0, data, p, size) !== u32(data, p + size)) throw new Error(`its LZ4 block at byte ${p - 4} fails its checksum`);
      if (word & STORED) {
        // Past `out`'s end: counted, not decoded, and the walk ends (returning the data's end).
        if (made + size > out.length) {
          made += size;
          return data.length;
        }
        out.set(data.subarray(p, p + size), made);
        made += size;
      } else {
        // lz4js counts every byte a block makes, those past `out`'s end included (a typed array drops them).
        made = decompressBlock(data, out, p, size, made);
        if (made > out.length) return data.length;
      }
      p += size + (blockSums ? 4 : 0);
    }
    if (flags & 4) {
      need(p + 4, 'the content checksum');
      if (xxh32(0, out, frameStart, made - frameStart) !== u32(data, p)) throw new Error(`its LZ4 frame at byte ${at} fails its content checksum`);
      p += 4;
    }
    return p;
  });
  return made;
}
