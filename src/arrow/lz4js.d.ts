declare module 'lz4js' {
  export function decompress(src: Uint8Array, maxSize?: number): Uint8Array;
  /** Decodes the frame at the start of `src` into `dst`; returns how many bytes it decoded (writes past `dst`'s end are lost). */
  export function decompressFrame(src: Uint8Array, dst: Uint8Array): number;
}
