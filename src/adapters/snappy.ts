/**
 * The one door to hysnappy (snappy decompression in a 4 KB wasm module, compiled synchronously on
 * first use), with hyparquet's JS decoder where wasm cannot be compiled. Why a dependency: README,
 * "Dependencies".
 */
import { snappyUncompressor } from 'hysnappy';
import { snappyUncompress } from './hyparquetInternals';

type Uncompress = (input: Uint8Array, outputLength: number) => Uint8Array;

let wasm: Uncompress | null | undefined;

function loaded(): Uncompress | null {
  if (wasm === undefined) {
    try {
      wasm = snappyUncompressor();
    } catch {
      wasm = null; // no WebAssembly here, or a policy forbidding it: the JS decoder
    }
  }
  return wasm;
}

/** The length a snappy block declares in its varint header, or -1 when the header is damaged. */
function declaredLength(input: Uint8Array): number {
  let length = 0;
  for (let i = 0, shift = 1; i < 5 && i < input.length; i++, shift *= 128) {
    length += (input[i] & 0x7f) * shift;
    if (input[i] < 0x80) return length;
  }
  return -1;
}

/**
 * `input` decompressed into exactly `size` bytes; throws when the block is damaged or declares
 * another length (hysnappy writes what the block declares, and fails unless it fills that exactly).
 */
export function snappyDecode(input: Uint8Array, size: number): Uint8Array {
  const declared = declaredLength(input);
  if (declared !== size) throw new Error(`snappy block declares ${declared} bytes where ${size} are expected`);
  const decode = loaded();
  if (decode) return decode(input, size);
  const out = new Uint8Array(size);
  snappyUncompress(input, out);
  return out;
}
