/**
 * Element i of an int64 column as a plain number when it is a safe integer, else as a bigint:
 * read from the two 32-bit halves, which spares a BigInt for nearly every real timestamp.
 */
export function int64Reader(values: BigInt64Array | BigUint64Array): (i: number) => number | bigint {
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  return (i) => {
    const high = words[2 * i + 1];
    if (high >= -0x200000 && high < 0x200000) return high * 4294967296 + (words[2 * i] >>> 0);
    return values[i];
  };
}
