/** Decimals from their two's-complement words, exact via BigInt (or plain numbers when they fit). */

const TWO_32 = 2 ** 32;

/** The unscaled integer of little-endian 32-bit words (apache-arrow's decimal value), any width. */
export function decimalWordsToBigInt(words: Uint32Array): bigint {
  let v = 0n;
  for (let i = words.length - 1; i >= 0; i--) v = (v << 32n) | BigInt(words[i]);
  return BigInt.asIntN(words.length * 32, v);
}

/**
 * The unscaled integer as a number when it is a safe integer (the common case: it spares BigInt),
 * else null. Words above the second must only sign-extend it.
 */
function wordsToSafeNumber(words: Uint32Array, at: number, stride: number): number | null {
  if (stride === 1) return words[at] | 0;
  const high = words[at + 1] | 0;
  const fill = high < 0 ? 0xffffffff : 0;
  for (let i = 2; i < stride; i++) if (words[at + i] !== fill) return null;
  if (high < -0x200000 || high >= 0x200000) return null; // keep |value| below 2^53
  return high * TWO_32 + words[at];
}

/** Widest scale written out in full: the 76 digits of a decimal256 (Arrow cannot format a value past it). */
const MAX_POSITIONAL_SCALE = 76;

/**
 * "128.10" from unscaled 12810 and scale 2; a negative scale appends zeros: 123, -2 -> "12300".
 * A scale past ±76 (only a damaged schema or footer has one; the engines refuse it as a type) is
 * written in exact scientific notation, 12345 scale 2^31-1 -> "1.2345e-2147483643", never as a
 * string of 2^31 zeros.
 */
export function scaledText(unscaled: bigint | number, scale: number): string {
  const negative = unscaled < 0;
  let digits = (negative ? -unscaled : unscaled).toString();
  if (!(Math.abs(scale) <= MAX_POSITIONAL_SCALE)) return scientificText(negative, digits, scale);
  if (scale <= 0) {
    if (scale < 0 && digits !== '0') digits += '0'.repeat(-scale);
    return negative ? `-${digits}` : digits;
  }
  if (digits.length <= scale) digits = digits.padStart(scale + 1, '0');
  const cut = digits.length - scale;
  return `${negative ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/** digits × 10^-scale as "d.ddde±X", exact (zero as "0"), for scales too wide to write out. */
function scientificText(negative: boolean, digits: string, scale: number): string {
  if (digits === '0') return '0';
  const exponent = digits.length - 1 - scale;
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1).replace(/0+$/, '')}`.replace(/\.$/, '') : digits;
  return `${negative ? '-' : ''}${mantissa}e${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}`;
}

/** A decimal value as apache-arrow's get() returns it (words), or its unscaled bigint. */
export function decimalText(value: Uint32Array | bigint, scale: number): string {
  if (typeof value === 'bigint') return scaledText(value, scale);
  return decimalAt(value, 0, value.length, scale);
}

/** The decimal whose words start at `at` in a column's word buffer (`stride` words each). */
export function decimalAt(words: Uint32Array, at: number, stride: number, scale: number): string {
  return scaledText(decimalUnscaled(words, at, stride), scale);
}

/** The unscaled integer of the decimal whose words start at `at`: a number when it is safe, else a bigint. */
export function decimalUnscaled(words: Uint32Array, at: number, stride: number): number | bigint {
  return wordsToSafeNumber(words, at, stride) ?? decimalWordsToBigInt(words.subarray(at, at + stride));
}

const WORD = 2n ** 64n;

/** 10^e as the nearest double: Arrow's table of literal constants for |e| ≤ 76, `pow` past it. */
function largePowerOfTen(e: number): number {
  return Math.abs(e) <= 76 ? Number(`1e${e}`) : 10 ** e;
}

/** A non-negative integer as Arrow makes it a double: its 64-bit words each made one, scaled and added from the top. */
function integerToDouble(u: bigint): number {
  const words: number[] = [];
  for (let rest = u; rest > 0n; rest /= WORD) words.push(Number(rest % WORD));
  let x = 0;
  for (let i = words.length - 1; i >= 0; i--) x += words[i] * 2 ** (64 * i);
  return x;
}

/**
 * A decimal as a double, to the last digit as Arrow converts it (Decimal128/256 ToDouble, which
 * pyarrow's cast to float64 and its quantiles use): the integer times 10^-scale when it is below 2^53,
 * else its whole and fractional parts converted apart and added.
 */
export function decimalToDouble(unscaled: bigint, scale: number): number {
  if (!(Math.abs(scale) <= MAX_POSITIONAL_SCALE)) return Number(scaledText(unscaled, scale));
  if (unscaled < 0n) return -decimalToDouble(-unscaled, scale);
  if (scale <= 0 || unscaled < 2n ** 53n) return integerToDouble(unscaled) * largePowerOfTen(-scale);
  const unit = 10n ** BigInt(scale);
  return integerToDouble(unscaled / unit) + integerToDouble(unscaled % unit) * largePowerOfTen(-scale);
}
