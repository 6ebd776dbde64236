import { CompressionType } from 'apache-arrow';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decompressBuffer } from '../../src/arrow/codecs';
import { zstdFrames } from '../../src/arrow/codecFrames';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { MAX_DECODED_BUFFER_BYTES } from '../../src/source/limits';
import { concatBytes } from '../support/bytes';
import { hash as xxh32 } from 'lz4js/xxh32.js';

const MIB = 1024 * 1024;
const BLOCK = 128 * 1024;


const le = (value: number, bytes: number) => Uint8Array.from({ length: bytes }, (_, i) => Math.floor(value / 256 ** i) % 256);
const blockHeader = (last: boolean, type: number, size: number) => le((last ? 1 : 0) | (type << 1) | (size << 3), 3);

/**
 * A ZSTD frame of raw and RLE blocks (the format's two uncompressed block types), with the bytes it
 * decodes to: `content` says whether the header declares the decoded size; `windowLog` is used otherwise.
 */
function zstdFrame(pieces: ({ rle: number; size: number } | Uint8Array)[], content = true, windowLog = 21): { frame: Uint8Array; decoded: Uint8Array } {
  const decoded = concatBytes(pieces.map((p) => (p instanceof Uint8Array ? p : new Uint8Array(p.size).fill(p.rle))));
  const header = content
    ? concatBytes([le(0xfd2fb528, 4), Uint8Array.of(0xe0), le(decoded.length, 8)]) // single segment, 8-byte content size
    : concatBytes([le(0xfd2fb528, 4), Uint8Array.of(0x00, (windowLog - 10) << 3)]);
  const blocks = pieces.map((p, i) => {
    const last = i === pieces.length - 1;
    return p instanceof Uint8Array ? concatBytes([blockHeader(last, 0, p.length), p]) : concatBytes([blockHeader(last, 1, p.size), Uint8Array.of(p.rle)]);
  });
  return { frame: concatBytes([header, ...blocks]), decoded };
}

/** Pieces of `total` bytes: runs of one byte, with a raw block of varied bytes every 64 blocks. */
function pieces(total: number): ({ rle: number; size: number } | Uint8Array)[] {
  const out: ({ rle: number; size: number } | Uint8Array)[] = [];
  for (let at = 0, k = 0; at < total; k++) {
    const size = Math.min(BLOCK - (k % 7) * 1000, total - at);
    out.push(k % 64 === 0 ? Uint8Array.from({ length: size }, (_, i) => (i * 31 + k) & 255) : { rle: k & 255, size });
    at += size;
  }
  return out;
}

const zstd = (data: Uint8Array, length: number) => decompressBuffer(CompressionType.ZSTD, data, length);
const lz4 = (data: Uint8Array, length: number) => decompressBuffer(CompressionType.LZ4_FRAME, data, length);

describe('ZSTD buffers', () => {
  it('a 128 MiB buffer decodes to its bytes', () => {
    const { frame, decoded } = zstdFrame(pieces(128 * MIB));
    const out = zstd(frame, decoded.length);
    expect(out.length).toBe(128 * MIB);
    expect(Buffer.compare(out, decoded)).toBe(0);
  }, 60_000);

  it('frames without a declared size (streaming writers) and several frames in one buffer decode', () => {
    const a = zstdFrame(pieces(3 * MIB + 5), false);
    const b = zstdFrame(pieces(1000), true);
    expect(zstdFrames(a.frame)).toEqual({ declared: null, bound: expect.any(Number), window: 2 * MIB });
    const out = zstd(concatBytes([a.frame, b.frame]), a.decoded.length + b.decoded.length);
    expect(Buffer.compare(out, concatBytes([a.decoded, b.decoded]))).toBe(0);
  });

  it('a frame that claims 1 GiB is refused from its header, before anything is allocated', () => {
    // 8,192 RLE blocks of 128 KiB: 32 KB that honestly decode to 1 GiB, in a buffer whose prefix says 4,096 bytes.
    const blocks = Array.from({ length: 8192 }, (_, k) => concatBytes([blockHeader(k === 8191, 1, BLOCK), Uint8Array.of(7)]));
    const frame = concatBytes([le(0xfd2fb528, 4), Uint8Array.of(0xe0), le(1024 * MIB, 8), ...blocks]);
    expect(zstdFrames(frame)).toEqual({ declared: 1024 * MIB, bound: 1024 * MIB, window: 0 });
    const started = performance.now();
    expect(() => zstd(frame, 4096)).toThrow(
      'its ZSTD frames declare 1,073,741,824 bytes (1024 MiB) where its length prefix says 4,096 bytes; refused before decoding',
    );
    expect(performance.now() - started).toBeLessThan(1000); // no 1 GiB allocation, no decoding
  });

  it('a frame whose blocks cannot hold what it declares, or whose window passes the budget, is refused', () => {
    const { frame } = zstdFrame([{ rle: 7, size: 4096 }]);
    frame.set(le(8192, 8), 5);
    expect(() => zstd(frame, 8192)).toThrow('its ZSTD frame at byte 0 declares 8,192 bytes but its blocks hold at most 4,096');
    const wide = zstdFrame([{ rle: 1, size: 100 }], false, 30); // a 1 GiB window for 100 bytes
    expect(MAX_DECODED_BUFFER_BYTES).toBe(512 * MIB);
    expect(() => zstd(wide.frame, 100)).toThrow('its ZSTD frame asks for a window of 1,073,741,824 bytes (1024 MiB), more than the 512 MiB Arrowscope decodes in one piece');
    expect(() => zstd(Uint8Array.of(1, 2, 3, 4, 5, 6), 6)).toThrow('byte 0 of its data does not start a ZSTD frame');
    expect(() => zstd(zstdFrame([{ rle: 1, size: 10 }]).frame.subarray(0, 15), 10)).toThrow(/ends inside a block header/);
  });
});

/**
 * An LZ4 frame of one stored block, declaring its size when `declare` is set, with a block checksum and
 * a content checksum when `checksums` is (as Polars writes them).
 */
function lz4Frame(bytes: Uint8Array, declare?: number, checksums = false): Uint8Array {
  const none = new Uint8Array(0);
  const descriptor = concatBytes([Uint8Array.of(0x40 | (declare === undefined ? 0 : 8) | (checksums ? 0x14 : 0), 0x40), declare === undefined ? none : le(declare, 8)]);
  const headerChecksum = (xxh32(0, descriptor, 0, descriptor.length) >>> 8) & 0xff;
  const sum = checksums ? le(xxh32(0, bytes, 0, bytes.length), 4) : none;
  return concatBytes([le(0x184d2204, 4), descriptor, Uint8Array.of(headerChecksum), le(bytes.length + 0x80000000, 4), bytes, sum, le(0, 4), sum]);
}

describe('LZ4 buffers', () => {
  const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);

  it('decode to the length their prefix says, with or without a declared size', () => {
    expect([...lz4(lz4Frame(bytes, 1000), 1000)]).toEqual([...bytes]);
    expect([...lz4(lz4Frame(bytes), 1000)]).toEqual([...bytes]);
  });

  it('decode with block and content checksums, each after what it covers, and a checksum that fails is refused', () => {
    expect([...lz4(lz4Frame(bytes, undefined, true), 1000)]).toEqual([...bytes]);
    const damaged = lz4Frame(bytes, undefined, true);
    damaged[20] ^= 1;
    expect(() => lz4(damaged, 1000)).toThrow('its LZ4 block at byte 7 fails its checksum');
    const header = lz4Frame(bytes, 1000);
    header[14] ^= 1;
    expect(() => lz4(header, 1000)).toThrow('its LZ4 frame header at byte 0 fails its checksum');
  });

  it('a frame declaring another size than the prefix, or making more bytes than it, is refused', () => {
    expect(() => lz4(lz4Frame(bytes, 1024 * MIB), 1000)).toThrow('its LZ4 frame declares 1,073,741,824 bytes (1024 MiB) where its length prefix says 1,000 bytes; refused before decoding');
    expect(() => lz4(lz4Frame(bytes), 10)).toThrow('decompressed 1000 bytes where the buffer header promised 10');
  });

  it('the LZ4 and ZSTD files pyarrow writes read as before', async () => {
    const dir = resolve(__dirname, '../fixtures/writers/pyarrow');
    for (const name of ['lz4.arrow', 'zstd.arrows']) {
      const ds = await openDataset(await NodeFileSource.open(`${dir}/${name}`));
      await ds.indexed;
      const v = await ds.readColumn(0, 1);
      expect(v.length).toBeGreaterThan(0);
      await ds.close();
    }
  });
});
