import { CompressionType } from 'apache-arrow';
import { decompress as zstdDecompress } from 'fzstd';
import { MAX_DECODED_BUFFER_BYTES } from '../source/limits';
import { lz4DeclaredSize, zstdFrames } from './codecFrames';
import { decodeLz4Frames } from './lz4Frames';

const MIB = 1024 * 1024;
const bytesText = (n: number) => `${n.toLocaleString('en-US')} bytes${n >= MIB ? ` (${(n / MIB).toFixed(0)} MiB)` : ''}`;

/**
 * Decodes one compressed IPC buffer body (without its 8-byte length prefix) to `uncompressedLength`
 * bytes, which the caller has held to the decode budget. What the frames declare is checked against
 * that length before anything is allocated: a decoder allocates what a frame header says.
 */
export function decompressBuffer(codec: CompressionType, data: Uint8Array, uncompressedLength: number): Uint8Array {
  return codec === CompressionType.LZ4_FRAME ? decodeLz4(data, uncompressedLength) : decodeZstd(data, uncompressedLength);
}

function decodeZstd(data: Uint8Array, length: number): Uint8Array {
  const frames = zstdFrames(data);
  if (frames.declared !== null && frames.declared !== length) {
    throw new Error(`its ZSTD frames declare ${bytesText(frames.declared)} where its length prefix says ${bytesText(length)}; refused before decoding`);
  }
  if (frames.bound < length) {
    throw new Error(`its ZSTD blocks can make at most ${bytesText(frames.bound)} where its length prefix says ${bytesText(length)}`);
  }
  if (frames.window > MAX_DECODED_BUFFER_BYTES) {
    throw new Error(`its ZSTD frame asks for a window of ${bytesText(frames.window)}, more than the ${MAX_DECODED_BUFFER_BYTES / MIB} MiB Arrowscope decodes in one piece`);
  }
  // No output buffer: fzstd 0.1 compares a buffer passed in with a number (`w != 1`), which turns the
  // whole buffer into text (seconds for 128 MiB, "Invalid string length" past ~500 MiB). Without one
  // it allocates the size each frame declares, checked just above, and decodes into it directly.
  const out = zstdDecompress(data);
  if (out.length !== length) throw new Error(`decompressed ${out.length} bytes where the buffer header promised ${length}`);
  return out;
}

function decodeLz4(data: Uint8Array, length: number): Uint8Array {
  const declared = lz4DeclaredSize(data);
  if (declared !== null && declared !== length) {
    throw new Error(`its LZ4 frame declares ${bytesText(declared)} where its length prefix says ${bytesText(length)}; refused before decoding`);
  }
  const out = new Uint8Array(length);
  const made = decodeLz4Frames(data, out);
  if (made !== length) throw new Error(`decompressed ${made} bytes where the buffer header promised ${length}`);
  return out;
}

export function codecName(type: CompressionType | undefined | null): string | undefined {
  if (type === undefined || type === null) return undefined;
  return type === CompressionType.LZ4_FRAME ? 'LZ4_FRAME' : type === CompressionType.ZSTD ? 'ZSTD' : `codec ${type}`;
}
