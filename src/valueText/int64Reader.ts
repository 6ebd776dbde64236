/**
 * Element i of an int64 or uint64 column as a plain number when it is a safe integer, else as a
 * bigint: read from the two 32-bit halves, which spares a BigInt for nearly every real value.
 */
export function int64Reader(values: BigInt64Array | BigUint64Array): (i: number) => number | bigint {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  const signed = values instanceof BigInt64Array;
  return (i) => {
    const high = words[2 * i + 1];
    if (signed ? high < 0x200000 || high >= 0xffe00000 : high < 0x200000) return (signed ? high | 0 : high) * 4294967296 + words[2 * i];
    return values[i];
  };
}
