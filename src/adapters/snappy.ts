/**
 * The one door to hysnappy (snappy decompression in a 4 KB wasm module, compiled synchronously on
 * first use), with hyparquet's JS decoder where wasm cannot be compiled. Why a dependency: README,
 * "Dependencies".
 */
import { snappyUncompressor } from 'hysnappy';
import { snappyUncompress } from './hyparquetInternals';
import { SNAPPY_WASM_BASE64 } from './snappyWasm';

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

/** Where hysnappy's module keeps its own data and stack: memory below this is never handed out. */
const RESERVED = 68_000;

interface SnappyInstance {
  memory: WebAssembly.Memory;
  uncompress: (input: number, inputLength: number, output: number) => number;
}

let module: WebAssembly.Module | null | undefined;

function instance(): SnappyInstance | null {
  if (module === undefined) {
    try {
      module = new WebAssembly.Module(Uint8Array.from(atob(SNAPPY_WASM_BASE64), (c) => c.charCodeAt(0)));
    } catch {
      module = null;
    }
  }
  if (!module) return null;
  const exports = new WebAssembly.Instance(module).exports as unknown as SnappyInstance;
  return { memory: exports.memory, uncompress: exports.uncompress };
}

/**
 * Released arenas' instances, reused by the next arena (a count's next chunk): at most two kept, each
 * of at most KEEP_BYTES (a wasm memory never shrinks; a bigger one is left to the garbage collector).
 */
const free: SnappyInstance[] = [];
const KEEP_FREE = 2;
const KEEP_BYTES = 64 * 1024 * 1024;

/**
 * One column chunk's decompressed pages and value positions in a wasm memory of their own, reused
 * from chunk to chunk once released: W2's contbr_nm otherwise allocates ~30 MB a row group (a new
 * slice per page, two position arrays per page), and V8 collects garbage every row group for it.
 * What it hands out stays valid until `release`; after it, the bytes are overwritten by another chunk.
 */
export interface SnappyArena {
  /** `input` decompressed into exactly `size` bytes (as snappyDecode; a new array past the arena's room). */
  decode(input: Uint8Array, size: number): Uint8Array;
  /** `count` int32 slots (zeroed or not: the caller writes them all; a new array past the arena's room). */
  ints(count: number): Int32Array;
  /** The arena's memory may now be reused: nothing it handed out may be read after this. */
  release(): void;
}

/**
 * An arena for pages of at most `maxInput` compressed bytes each, `outputBytes` decompressed bytes and
 * `intCount` int32 positions in all; null where WebAssembly cannot be compiled.
 */
export function snappyArena(maxInput: number, outputBytes: number, intCount: number): SnappyArena | null {
  const wasm = free.pop() ?? instance();
  if (!wasm) return null;
  const ints = RESERVED + ((maxInput + 3) & ~3);
  const bytes = ints + intCount * 4;
  const end = bytes + outputBytes;
  // Grown before anything is handed out: growing detaches the memory's buffer and every view of it.
  const page = 65_536;
  const have = wasm.memory.buffer.byteLength;
  try {
    if (end > have) wasm.memory.grow(Math.ceil((end - have) / page));
  } catch {
    return null; // past what the memory may grow to: new arrays, as without an arena
  }
  const memory = new Uint8Array(wasm.memory.buffer);
  let intAt = ints;
  let byteAt = bytes;
  let released = false;
  return {
    decode(input, size) {
      if (released || input.length > maxInput || byteAt + size > end) return snappyDecode(input, size);
      const declared = declaredLength(input);
      if (declared !== size) throw new Error(`snappy block declares ${declared} bytes where ${size} are expected`);
      memory.set(input, RESERVED);
      const result = wasm.uncompress(RESERVED, input.length, byteAt);
      if (result !== 0) throw new Error(`snappy block not decompressed (${result})`);
      const out = memory.subarray(byteAt, byteAt + size);
      byteAt += size;
      return out;
    },
    ints(count) {
      if (released || intAt + count * 4 > bytes) return new Int32Array(count);
      const out = new Int32Array(memory.buffer, intAt, count);
      intAt += count * 4;
      return out;
    },
    release() {
      if (released) return;
      released = true;
      if (free.length < KEEP_FREE && wasm.memory.buffer.byteLength <= KEEP_BYTES) free.push(wasm);
    },
  };
}
