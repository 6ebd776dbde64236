import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal } from 'apache-arrow';
import { decimalText, decimalToDouble, decimalWordsToBigInt, valueText, vectorText } from '../../src/valueText';
import { bitmap, vectorOf, wordsOf } from './build';

const MAX38 = 10n ** 38n - 1n;

describe('decimal from two\'s-complement words', () => {
  it.each([
    [12810n, 2, '128.10'],
    [-5n, 2, '-0.05'],
    [0n, 2, '0.00'],
    [42n, 0, '42'],
    [-42n, 0, '-42'],
    [123n, -2, '12300'],
    [-123n, -2, '-12300'],
    [0n, -3, '0'],
    [1n, 10, '0.0000000001'],
    [MAX38, 0, '99999999999999999999999999999999999999'],
    [-MAX38, 10, '-9999999999999999999999999999.9999999999'],
    [-(2n ** 127n), 0, '-170141183460469231731687303715884105728'],
  ])('%s scale %s -> %s', (unscaled, scale, text) => {
    expect(decimalText(unscaled, scale)).toBe(text);
    expect(decimalText(wordsOf(unscaled, 128), scale)).toBe(text);
  });

  it('writes a scale past ±76 (a damaged schema or footer) in exact scientific notation, never 2^31 zeros', () => {
    expect(decimalText(12345n, 2147483647)).toBe('1.2345e-2147483643');
    expect(decimalText(-12345n, -2147483648)).toBe('-1.2345e+2147483652');
    expect(decimalText(wordsOf(-100n, 64), 77)).toBe('-1e-75');
    expect(decimalText(0n, 2147483647)).toBe('0');
    expect(decimalText(wordsOf(7n, 256), 76)).toBe(`0.${'0'.repeat(75)}7`);
  });

  it('reads any width from its words', () => {
    expect(decimalWordsToBigInt(wordsOf(-1n, 32))).toBe(-1n);
    expect(decimalWordsToBigInt(wordsOf(-(2n ** 63n), 64))).toBe(-(2n ** 63n));
    expect(decimalWordsToBigInt(wordsOf(10n ** 76n - 1n, 256))).toBe(10n ** 76n - 1n);
    expect(decimalText(wordsOf(-(10n ** 75n) - 7n, 256), 5)).toBe(`-1${'0'.repeat(70)}.00007`);
  });

  it.each([
    [32, 9, 2, [12345n, -1n, -999999999n]],
    [64, 18, 4, [2n ** 53n, -(2n ** 53n) - 1n, 123456789012345678n]],
    [128, 38, 3, [MAX38, -MAX38, -5n]],
    [256, 76, 10, [10n ** 76n - 1n, -(10n ** 76n) + 1n, 1n]],
  ])('decimal%s columns are exact (precision %s, scale %s)', (bits, precision, scale, values) => {
    const data = new Uint32Array(values.length * (bits / 32));
    values.forEach((v, i) => data.set(wordsOf(v, bits), i * (bits / 32)));
    const v = vectorOf({ type: new Decimal(scale, precision, bits), data, nullBitmap: bitmap([true, true, true, false]), length: 4 });
    const want = values.map((u) => decimalText(u, scale));
    expect(vectorText(v)).toEqual([...want, null]);
    // apache-arrow's get() returns the words (a Uint32Array) for every width
    expect(values.map((_, i) => valueText(v.get(i), v.type))).toEqual(want);
    expect(valueText(v.get(3), v.type)).toBeNull();
  });

  it('respects a sliced chunk\'s offset', () => {
    const data = new Uint32Array(3 * 4);
    [1n, -2n, 300n].forEach((u, i) => data.set(wordsOf(u, 128), i * 4));
    const v = vectorOf({ type: new Decimal(1, 10, 128), data }).slice(1);
    expect(vectorText(v)).toEqual(['-0.2', '30.0']);
  });
});

describe('a decimal as a double, as Arrow converts it', () => {
  it('equals pyarrow 25 to the last digit on 600 random decimal128 and decimal256 values (gold/decimal/write_decimal_doubles.py)', () => {
    const gold = JSON.parse(readFileSync(join(__dirname, '../gold/decimal/decimal_doubles.json'), 'utf8')) as [string, number, string][];
    expect(gold.length).toBe(600);
    const differ = gold.filter(([u, scale, double]) => decimalToDouble(BigInt(u), scale) !== Number(double));
    expect(differ).toEqual([]);
  });
});
