import { CompressionType } from 'apache-arrow';
import { decompress as lz4Decompress } from 'lz4js';
import { decompress as zstdDecompress } from 'fzstd';

/** Decodes one compressed IPC buffer body (without its 8-byte length prefix). */
export function decompressBuffer(codec: CompressionType, data: Uint8Array, uncompressedLength: number): Uint8Array {
  const out =
    codec === CompressionType.LZ4_FRAME
      ? lz4Decompress(data, uncompressedLength)
      : zstdDecompress(data, new Uint8Array(uncompressedLength));
  if (out.length !== uncompressedLength) {
    throw new Error(`decompressed ${out.length} bytes where the buffer header promised ${uncompressedLength}`);
  }
  return out;
}

export function codecName(type: CompressionType | undefined | null): string | undefined {
  if (type === undefined || type === null) return undefined;
  return type === CompressionType.LZ4_FRAME ? 'LZ4_FRAME' : type === CompressionType.ZSTD ? 'ZSTD' : `codec ${type}`;
}
