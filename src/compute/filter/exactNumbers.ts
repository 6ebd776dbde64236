import type { CompareOp } from './ast';

/** An exact rational num / den (den > 0): a number literal as written, or a time in nanoseconds over a unit. */
export interface Rational {
  num: bigint;
  den: bigint;
}

/** `-12.5e3` exactly: digits and exponent as a fraction over a power of ten. */
export function parseNumber(text: string): Rational {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) throw new Error(`not a number: ${text}`);
  const [, sign, whole, fraction = '', exponent = '0'] = m;
  const digits = BigInt(`${whole}${fraction}` || '0');
  const exp = Number(exponent) - fraction.length;
  const num = exp >= 0 ? digits * 10n ** BigInt(exp) : digits;
  const den = exp >= 0 ? 1n : 10n ** BigInt(-exp);
  return { num: sign === '-' ? -num : num, den };
}

const floorDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return (a % b !== 0n) && (a < 0n) !== (b < 0n) ? q - 1n : q;
};

/** An integer comparison, or a constant answer for every non-null value. */
export type IntegerTest = { op: CompareOp; value: bigint } | { always: boolean };

/**
 * `x op num/den` for an integer x, as a comparison with an integer: `x > 2.5` is `x > 2`, `x = 2.5`
 * is never true, `x != 2.5` always. Exact for any size, so int64, decimals and times compare exactly.
 */
export function integerTest(op: CompareOp, { num, den }: Rational): IntegerTest {
  if (num % den === 0n) return { op, value: num / den };
  const f = floorDiv(num, den); // f < num/den < f + 1
  switch (op) {
    case '=':
      return { always: false };
    case '!=':
      return { always: true };
    case '<':
    case '<=':
      return { op: '<=', value: f };
    default:
      return { op: '>', value: f };
  }
}

/** Rounds down (`floor`) or up a rational to an integer: statistics bounds that must stay bounds. */
export const roundRational = ({ num, den }: Rational, up: boolean): bigint => {
  const f = floorDiv(num, den);
  return up && f * den !== num ? f + 1n : f;
};
