import type { ByteSource } from '../model/byteSource';
import { BufferRegion, type BodyCompression } from '../adapters/apacheArrowInternals';
import { DatasetError, type FileLocation } from '../model/errors';
import { MAX_DECODED_BUFFER_BYTES } from '../source/limits';
import { decompressBuffer } from './codecs';

const NOT_COMPRESSED = -1;
export { MAX_DECODED_BUFFER_BYTES }; // the decode budget lives with the other limits; codecs.ts checks frames against it too
const MIB = 1024 * 1024;

/** `n` rounded up to a multiple of 8, exactly (no 32-bit bit operations: bodies may pass 2 GiB). */
export const padTo8 = (n: number): number => Math.ceil(n / 8) * 8;

/**
 * Reads just the byte range that holds `regions` of one message body (from an 8-byte-aligned start)
 * and returns it with the regions rebased onto the returned bytes; compressed buffers are decoded
 * into a fresh aligned body.
 */
export async function readBuffers(
  source: Pick<ByteSource, 'read'>,
  bodyOffset: number,
  bodyLength: number,
  regions: readonly BufferRegion[],
  compression: BodyCompression | null,
  where: FileLocation,
  signal?: AbortSignal,
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
  const raw = await source.read(bodyOffset + start, hi - start, signal);
  if (raw.length < hi - start) {
    throw new DatasetError('The file ends inside this column’s buffers.', { ...where, offset: bodyOffset + start + raw.length });
  }
  const rebased = regions.map((r) => new BufferRegion(r.length === 0 ? 0 : r.offset - start, r.length));
  if (!compression) return { bytes: raw, regions: rebased };
  return decompressRegions(raw, rebased, compression, where, bodyOffset + start);
}

function decompressRegions(
  raw: Uint8Array,
  regions: BufferRegion[],
  compression: BodyCompression,
  where: FileLocation,
  fileOffset: number,
): { bytes: Uint8Array; regions: BufferRegion[] } {
  const parts: Uint8Array[] = [];
  for (const r of regions) {
    if (r.length === 0) {
      parts.push(new Uint8Array(0));
      continue;
    }
    if (r.length < 8) throw new DatasetError('A compressed buffer is shorter than its 8-byte length prefix.', { ...where, offset: fileOffset + r.offset });
    const view = new DataView(raw.buffer, raw.byteOffset + r.offset, 8);
    const uncompressed = Number(view.getBigInt64(0, true));
    const data = raw.subarray(r.offset + 8, r.offset + r.length);
    if (uncompressed === NOT_COMPRESSED) {
      parts.push(data);
      continue;
    }
    if (!Number.isSafeInteger(uncompressed) || uncompressed < 0) {
      throw new DatasetError(`A compressed buffer declares an invalid decoded length (${uncompressed}).`, { ...where, offset: fileOffset + r.offset });
    }
    if (uncompressed > MAX_DECODED_BUFFER_BYTES) {
      throw new DatasetError(
        `A compressed buffer declares ${(uncompressed / MIB).toFixed(0)} MiB once decoded, more than the ${MAX_DECODED_BUFFER_BYTES / MIB} MiB Arrowscope decodes in one piece.`,
        { ...where, offset: fileOffset + r.offset },
        'Other columns and batches are unaffected.',
      );
    }
    try {
      parts.push(decompressBuffer(compression.type, data, uncompressed));
    } catch (e) {
      throw new DatasetError(`A compressed buffer could not be decoded: ${(e as Error).message}.`, { ...where, offset: fileOffset + r.offset });
    }
  }
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
