import type { ByteSource } from '../model/byteSource';
import { BufferRegion, type BodyCompression } from '../adapters/apacheArrowInternals';
import { DatasetError, type FileLocation } from '../model/errors';
import { recycleRead } from '../model/recycledReads';
import { MAX_DECODED_BUFFER_BYTES } from '../source/limits';
import type { DecodedScope } from '../source/decodedCache';
import { decompressBuffer } from './codecs';

const NOT_COMPRESSED = -1;
export { MAX_DECODED_BUFFER_BYTES }; // the decode budget lives with the other limits; codecs.ts checks frames against it too
const MIB = 1024 * 1024;

/** `n` rounded up to a multiple of 8, exactly (no 32-bit bit operations: bodies may pass 2 GiB). */
export const padTo8 = (n: number): number => Math.ceil(n / 8) * 8;

/**
 * Reads just the byte range that holds `regions` of one message body (from an 8-byte-aligned start)
 * and returns it with the regions rebased onto the returned bytes; compressed buffers are decoded
 * into a fresh aligned body (their read's buffer then given back to the source for its next one).
 * `recyclable`: the caller gives the bytes back with recycleRead (see ReadOptions).
 */
export async function readBuffers(
  source: Pick<ByteSource, 'read'>,
  bodyOffset: number,
  bodyLength: number,
  regions: readonly BufferRegion[],
  compression: BodyCompression | null,
  where: FileLocation,
  signal?: AbortSignal,
  recyclable = false,
): Promise<{ bytes: Uint8Array; regions: BufferRegion[] }> {
  let lo = Infinity;
  let hi = 0;
  for (const r of regions) {
    if (r.offset < 0 || r.length < 0 || r.offset + r.length > bodyLength) {
      throw new DatasetError(
        `A buffer (offset ${r.offset}, length ${r.length}) points outside its message body of ${bodyLength} bytes.`,
        { ...where, offset: bodyOffset + Math.max(0, r.offset) },
      );
    }
    if (r.length === 0) continue;
    lo = Math.min(lo, r.offset);
    hi = Math.max(hi, r.offset + r.length);
  }
  if (lo === Infinity) return { bytes: new Uint8Array(0), regions: regions.map(() => new BufferRegion(0, 0)) };
  const start = lo - (lo % 8);
  const raw = await source.read(bodyOffset + start, hi - start, signal, { recyclable: recyclable || compression !== null });
  if (raw.length < hi - start) {
    throw new DatasetError('The file ends inside this column’s buffers.', { ...where, offset: bodyOffset + start + raw.length });
  }
  const rebased = regions.map((r) => new BufferRegion(r.length === 0 ? 0 : r.offset - start, r.length));
  if (!compression) return { bytes: raw, regions: rebased };
  const decoded = decompressRegions(raw, rebased, compression, where, bodyOffset + start);
  recycleRead(raw);
  return decoded;
}

function decompressRegions(
  raw: Uint8Array,
  regions: BufferRegion[],
  compression: BodyCompression,
  where: FileLocation,
  fileOffset: number,
): { bytes: Uint8Array; regions: BufferRegion[] } {
  const parts = regions.map((r) => (r.length === 0 ? new Uint8Array(0) : decodeBuffer(raw.subarray(r.offset, r.offset + r.length), compression, where, fileOffset + r.offset)));
  let total = 0;
  const out: BufferRegion[] = [];
  for (const p of parts) {
    total = padTo8(total);
    out.push(new BufferRegion(total, p.length));
    total += p.length;
  }
  const bytes = new Uint8Array(total);
  parts.forEach((p, i) => bytes.set(p, out[i].offset));
  return { bytes, regions: out };
}

/**
 * One compressed IPC buffer (its 8-byte length prefix, then the frame) decoded, its declared length
 * held to the decode budget first. A buffer stored uncompressed (prefix -1) is returned as a view of `raw`.
 */
function decodeBuffer(raw: Uint8Array, compression: BodyCompression, where: FileLocation, fileOffset: number): Uint8Array {
  if (raw.length < 8) throw new DatasetError('A compressed buffer is shorter than its 8-byte length prefix.', { ...where, offset: fileOffset });
  const uncompressed = Number(new DataView(raw.buffer, raw.byteOffset, 8).getBigInt64(0, true));
  const data = raw.subarray(8);
  if (uncompressed === NOT_COMPRESSED) return data;
  if (!Number.isSafeInteger(uncompressed) || uncompressed < 0) {
    throw new DatasetError(`A compressed buffer declares an invalid decoded length (${uncompressed}).`, { ...where, offset: fileOffset });
  }
  if (uncompressed > MAX_DECODED_BUFFER_BYTES) {
    throw new DatasetError(
      `A compressed buffer declares ${(uncompressed / MIB).toFixed(0)} MiB once decoded, more than the ${MAX_DECODED_BUFFER_BYTES / MIB} MiB Arrowscope decodes in one piece.`,
      { ...where, offset: fileOffset },
      'Other columns and batches are unaffected.',
    );
  }
  try {
    return decompressBuffer(compression.type, data, uncompressed);
  } catch (e) {
    throw new DatasetError(`A compressed buffer could not be decoded: ${(e as Error).message}.`, { ...where, offset: fileOffset });
  }
}

/** Where the decoded buffers of one batch are kept: `key(i)` names buffer i of the batch in `scope`. */
export interface DecodedBufferCache {
  scope: DecodedScope;
  key(bufferIndex: number): string;
}

/**
 * The decoded bytes of buffers `first`, `first + 1`, … of a compressed message body (one per region,
 * empty for an empty region), each read and decoded once and then served from `cache` while it holds
 * them. The reads of the buffers not held are asked for together (a read plan merges them).
 */
export async function decodedBuffers(
  source: Pick<ByteSource, 'read'>,
  bodyOffset: number,
  bodyLength: number,
  regions: readonly BufferRegion[],
  first: number,
  compression: BodyCompression,
  cache: DecodedBufferCache,
  where: FileLocation,
  signal?: AbortSignal,
): Promise<Uint8Array[]> {
  return Promise.all(
    regions.map((r, k) => {
      if (r.offset < 0 || r.length < 0 || r.offset + r.length > bodyLength) {
        throw new DatasetError(`A buffer (offset ${r.offset}, length ${r.length}) points outside its message body of ${bodyLength} bytes.`, { ...where, offset: bodyOffset + Math.max(0, r.offset) });
      }
      if (r.length === 0) return new Uint8Array(0);
      return cache.scope.load(
        cache.key(first + k),
        async (s) => {
          const raw = await source.read(bodyOffset + r.offset, r.length, s, { recyclable: true });
          if (raw.length < r.length) throw new DatasetError('The file ends inside this column’s buffers.', { ...where, offset: bodyOffset + r.offset + raw.length });
          // Kept on its own (a view of a bigger read would keep all of it), 8-byte aligned for typed arrays.
          let bytes = decodeBuffer(raw, compression, where, bodyOffset + r.offset);
          if (bytes.buffer === raw.buffer || bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
          recycleRead(raw);
          return { value: bytes, bytes: bytes.buffer.byteLength };
        },
        signal,
      );
    }),
  );
}
