declare module 'lz4js' {
  /**
   * Decodes the LZ4 block at src[sIndex, sIndex + sLength) into `dst` from `dIndex` (back-references may
   * reach bytes before it); returns the index after the last byte made (writes past `dst`'s end are lost).
   */
  export function decompressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, dIndex: number): number;
}

declare module 'lz4js/xxh32.js' {
  /** xxHash32 of src[index, index + len) with `seed`, as an unsigned integer. */
  export function hash(seed: number, src: Uint8Array, index: number, len: number): number;
}
