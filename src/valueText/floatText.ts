import { roundToHalf } from './float16';

/**
 * Floats laid out like Python's repr(float): positional when -4 <= exponent < 16 with at least one
 * fractional digit, otherwise d.ddde+XX with at least two exponent digits; nan, inf, -inf.
 */

/** Python-repr layout of a finite, non-zero value given its shortest significant digits and decimal exponent. */
function layout(negative: boolean, digits: string, exponent: number): string {
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const abs = Math.abs(exponent);
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

function special(x: number): string | null {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  return null;
}

/** Layout of `toExponential` text ("-1.2345e+20"), whose digits are already the ones wanted. */
function layoutExponential(text: string): string {
  const negative = text.charCodeAt(0) === 45;
  const e = text.indexOf('e');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const digits = mantissa.length > 1 ? `${mantissa[0]}${mantissa.slice(2)}`.replace(/0+$/, '') || '0' : mantissa;
  return layout(negative, digits, Number(text.slice(e + 1)));
}

export function float64Text(x: number): string {
  const s = special(x);
  if (s !== null) return s;
  const a = Math.abs(x);
  // JS already prints the shortest round-trip digits positionally in this range.
  if (a >= 1e-4 && a < 1e16) {
    const text = String(x);
    return Number.isInteger(x) ? `${text}.0` : text;
  }
  return layoutExponential(x.toExponential());
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** Whether decimal text ("d.ddde±x") equals the finite, positive double x exactly (BigInt arithmetic). */
function exactlyEquals(x: number, text: string): boolean {
  const e = text.indexOf('e');
  const mantissa = text.slice(0, e).replace('.', '');
  const k = Number(text.slice(e + 1)) - (mantissa.length - 1); // text = digits * 10^k
  f64[0] = x;
  const bits = u64[0];
  const biased = Number((bits >> 52n) & 0x7ffn);
  const significand = (bits & 0xfffffffffffffn) | (biased ? 1n << 52n : 0n);
  const twos = (biased || 1) - 1075; // x = significand * 2^twos
  const left = BigInt(mantissa) * 10n ** BigInt(Math.max(k, 0)) * 2n ** BigInt(Math.max(-twos, 0));
  const right = significand * 2n ** BigInt(Math.max(twos, 0)) * 10n ** BigInt(Math.max(-k, 0));
  return left === right;
}

/**
 * The shortest digits (1..maxDigits) of a positive x that read back, through `toFloat`, as x; among
 * those the closest to x, and of two equally close the even one (as Python and numpy choose).
 */
function shortestDigits(x: number, toFloat: (v: number) => number, maxDigits: number): string {
  const powerOfTwo = x === 2 ** Math.round(Math.log2(x));
  // Round-tripping is monotone in the digit count, so search it.
  let lo = 1;
  let hi = maxDigits;
  let found = x.toExponential(maxDigits - 1);
  let digits = maxDigits;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const text = x.toExponential(mid - 1);
    const hit = toFloat(Number(text)) === x ? text : powerOfTwo ? neighbour(x, text, mid, toFloat) : null;
    if (hit !== null) {
      found = hit;
      digits = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  // Only toExponential's own rounding can have taken a tie up; a neighbour is never a tie.
  return found === x.toExponential(digits - 1) ? evenTie(x, found, digits, toFloat) : found;
}

/**
 * Where the gap below x is half the gap above it (x a power of two), the correctly rounded
 * candidate can miss while a neighbour hits: the closest neighbour that reads back as x, if any.
 */
function neighbour(x: number, text: string, p: number, toFloat: (v: number) => number): string | null {
  const e = text.indexOf('e');
  const mantissa = BigInt(text.slice(0, e).replace('.', ''));
  const exp = Number(text.slice(e + 1)) - (p - 1);
  const smallest = 10n ** BigInt(p - 1);
  // Below 1.00..e+k the grid of p-digit numbers is ten times finer.
  const below = mantissa > smallest ? `${mantissa - 1n}e${exp}` : `${smallest * 10n - 1n}e${exp - 1}`;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of [below, `${mantissa + 1n}e${exp}`]) {
    const value = Number(candidate);
    const distance = Math.abs(value - x);
    if (toFloat(value) === x && distance < bestDistance) {
      best = value.toExponential(p - 1);
      bestDistance = distance;
    }
  }
  return best;
}

/** toExponential rounds a tie up; when x lies exactly halfway and the digit is odd, Python and numpy take the even one below. */
function evenTie(x: number, text: string, p: number, toFloat: (v: number) => number): string {
  const e = text.indexOf('e');
  const last = text.charCodeAt(e - 1);
  if (!(last & 1) || (p === 1 && last === 49)) return text; // even, or "1e+k" whose lower neighbour is 9e+(k-1), odd
  const longer = x.toExponential(p);
  if (longer.charCodeAt(longer.indexOf('e') - 1) !== 53 || !exactlyEquals(x, longer)) return text;
  const below = Number(`${BigInt(text.slice(0, e).replace('.', '')) - 1n}e${Number(text.slice(e + 1)) - (p - 1)}`);
  return toFloat(below) === x ? below.toExponential(p - 1) : text;
}

function shortestText(x: number, toFloat: (v: number) => number, maxDigits: number): string {
  const s = special(x);
  if (s !== null) return s;
  const text = shortestDigits(Math.abs(x), toFloat, maxDigits);
  return layoutExponential(x < 0 ? `-${text}` : text);
}

/** A float32 value (as apache-arrow returns it, widened to a double): the shortest digits that round-trip through float32. */
export function float32Text(x: number): string {
  return shortestText(Math.fround(x), Math.fround, 9);
}

/** A float16 value (as a double): the shortest digits that round-trip through float16. */
export function float16Text(x: number): string {
  return shortestText(roundToHalf(x), roundToHalf, 5);
}
