import { HEX } from './hexText';

/** 16 bytes as "8-4-4-4-12" lowercase hex. */
export function uuidText(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += HEX[bytes[i]];
  }
  return out;
}
