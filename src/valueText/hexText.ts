/** Two lowercase hex digits of each byte value. */
export const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Bytes as lowercase hex, two digits each ("00ff41"). */
export function hexText(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX[b];
  return out;
}

/** The bytes of lowercase or uppercase hex text, two digits each (the inverse of hexText). */
export function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from({ length: hex.length >> 1 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
}
