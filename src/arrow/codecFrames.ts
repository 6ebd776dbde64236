/**
 * What compressed frames say about themselves before a byte is decoded: their headers give the
 * decoded size (when the writer put it there) and the window a decoder must hold; ZSTD block headers
 * bound what the frame can make. Decoders allocate from these figures, so they are checked first.
 */

/** What the ZSTD frames of one buffer declare. */
export interface ZstdFrames {
  /** Decoded bytes the frames declare, or null when a frame does not say (written by a streaming encoder). */
  declared: number | null;
  /** Most decoded bytes the blocks can hold (a compressed block makes at most 128 KiB). */
  bound: number;
  /** Largest window a frame without a declared size makes the decoder allocate. */
  window: number;
}

const ZSTD_MAGIC = 0xfd2fb528;
const BLOCK_MAX = 128 * 1024;

export const u32 = (d: Uint8Array, at: number) => (d[at] | (d[at + 1] << 8) | (d[at + 2] << 16) | (d[at + 3] << 24)) >>> 0;

/** Throws "its ZSTD data ends inside a block (byte 12 of 40)" when `end` is past the data. */
export type Need = (end: number, what: string) => void;

/**
 * Walks the frames of one buffer of `codec` data ("ZSTD", "LZ4"): a skippable frame (the same in both
 * formats) is passed over; a frame with `magic` is read by `frame`, which returns the offset after it;
 * anything else is refused. `need` bounds every read, naming the frame's offset.
 */
export function walkFrames(data: Uint8Array, codec: string, magic: number, frame: (at: number, need: Need) => number): void {
  let at = 0;
  const need: Need = (end, what) => {
    if (end > data.length) throw new Error(`its ${codec} data ends inside ${what} (byte ${at} of ${data.length})`);
  };
  while (at < data.length) {
    need(at + 4, 'a frame header');
    const found = u32(data, at);
    if (found >>> 4 === 0x184d2a5) {
      need(at + 8, 'a skippable frame');
      at += 8 + u32(data, at + 4);
      continue;
    }
    if (found !== magic) throw new Error(`byte ${at} of its data does not start ${codec === 'LZ4' ? 'an' : 'a'} ${codec} frame`);
    at = frame(at, need);
  }
}

/** A little-endian unsigned integer of `n` bytes (at most 8; past 2^53 it is not exact, and is refused later as too large). */
function uintLE(d: Uint8Array, at: number, n: number): number {
  let v = 0;
  for (let i = n - 1; i >= 0; i--) v = v * 256 + d[at + i];
  return v;
}

/** Reads every frame header and block header of ZSTD data; throws a clause saying what is wrong and where. */
export function zstdFrames(data: Uint8Array): ZstdFrames {
  let declared: number | null = 0;
  let bound = 0;
  let window = 0;
  walkFrames(data, 'ZSTD', ZSTD_MAGIC, (at, need) => {
    need(at + 6, 'a frame header');
    const descriptor = data[at + 4];
    if (descriptor & 8) throw new Error(`its ZSTD frame at byte ${at} sets a reserved header bit`);
    const single = (descriptor >> 5) & 1;
    const sizeFlag = descriptor >> 6;
    let p = at + 5;
    let frameWindow = 0;
    if (!single) {
      const w = data[p++];
      const base = 2 ** (10 + (w >> 3));
      frameWindow = base + (base / 8) * (w & 7);
    }
    p += [0, 1, 2, 4][descriptor & 3];
    const sizeBytes = sizeFlag === 0 ? single : 1 << sizeFlag;
    need(p + sizeBytes, 'a frame header');
    const content = sizeBytes ? uintLE(data, p, sizeBytes) + (sizeBytes === 2 ? 256 : 0) : null;
    p += sizeBytes;
    if (single) frameWindow = content!;
    const blockMax = Math.min(frameWindow, BLOCK_MAX);
    let blocks = 0;
    for (let last = 0; !last; ) {
      need(p + 3, 'a block header');
      const header = data[p] | (data[p + 1] << 8) | (data[p + 2] << 16);
      const type = (header >> 1) & 3;
      const size = header >>> 3;
      last = header & 1;
      if (type === 3) throw new Error(`its ZSTD frame at byte ${at} holds a block of the reserved type`);
      blocks += type === 2 ? blockMax : size; // raw and RLE blocks say their decoded size
      p += 3 + (type === 1 ? 1 : size);
    }
    p += (descriptor >> 2) & 1 ? 4 : 0; // content checksum
    need(p, 'a block');
    if (content !== null && content > blocks) {
      throw new Error(`its ZSTD frame at byte ${at} declares ${content.toLocaleString('en-US')} bytes but its blocks hold at most ${blocks.toLocaleString('en-US')}`);
    }
    if (content === null) {
      declared = null;
      window = Math.max(window, frameWindow);
    } else if (declared !== null) declared += content;
    bound += content ?? blocks;
    return p;
  });
  return { declared, bound, window };
}

const LZ4_MAGIC = 0x184d2204;

/** The decoded size an LZ4 frame declares (null when it does not say); throws a clause when the header is wrong. */
export function lz4DeclaredSize(data: Uint8Array): number | null {
  if (data.length < 7 || u32(data, 0) !== LZ4_MAGIC) throw new Error('its data does not start an LZ4 frame');
  const flags = data[4];
  if ((flags & 0xc0) !== 0x40) throw new Error(`its LZ4 frame has version ${flags >> 6}, not 1`);
  if (!(flags & 8)) return null;
  if (data.length < 15) throw new Error('its LZ4 data ends inside the frame header');
  return uintLE(data, 6, 8);
}
