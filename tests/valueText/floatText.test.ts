import { describe, expect, it } from 'vitest';
import { Float16, Float32, Float64, Vector, makeData } from 'apache-arrow';
import { float16Text, float32Text, float64Text, valueText, vectorText } from '../../src/valueText';

describe('float64: shortest round-trip digits in Python repr layout', () => {
  it.each([
    [1, '1.0'],
    [0, '0.0'],
    [-0, '-0.0'],
    [0.0001, '0.0001'],
    [0.1, '0.1'],
    [1.5, '1.5'],
    [-2.5, '-2.5'],
    [123456789012345, '123456789012345.0'],
    [1e15, '1000000000000000.0'],
    [9999999999999998, '9999999999999998.0'],
    [1e16, '1e+16'],
    [-1e16, '-1e+16'],
    [1.2345678901234568e20, '1.2345678901234568e+20'],
    [1e22, '1e+22'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [1e-5, '1e-05'],
    [0.00012, '0.00012'],
    [9.999e-5, '9.999e-05'],
    [-2.5e-7, '-2.5e-07'],
    [5e-324, '5e-324'],
    [1e-100, '1e-100'],
    [NaN, 'nan'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
  ])('%s -> %s', (x, text) => {
    expect(float64Text(x)).toBe(text);
  });
});

describe('float32: shortest digits that round-trip through float32', () => {
  it.each([
    [Math.fround(1.1), '1.1'],
    [Math.fround(0.1), '0.1'],
    [Math.fround(-3.14159), '-3.14159'],
    [Math.fround(3.4028234663852886e38), '3.4028235e+38'],
    [2 ** -149, '1e-45'],
    [2 ** -126, '1.1754944e-38'],
    [16777216, '16777216.0'],
    [1.00390625, '1.0039062'], // an exact tie: the even digit, as Python and numpy print it
    [1.01953125, '1.0195312'],
    [Math.fround(1e16), '1e+16'],
    [Math.fround(1e-5), '1e-05'],
    [-0, '-0.0'],
    [NaN, 'nan'],
    [-Infinity, '-inf'],
  ])('%s -> %s', (x, text) => {
    expect(float32Text(x)).toBe(text);
  });

  it('reads float32 columns from their buffer', () => {
    const v = new Vector([makeData({ type: new Float32(), data: new Float32Array([1.1, -0, 0.2]) })]);
    expect(vectorText(v)).toEqual(['1.1', '-0.0', '0.2']);
    expect(valueText(v.get(0), v.type)).toBe('1.1');
  });
});

describe('float16: shortest digits that round-trip through float16', () => {
  it.each([
    [0.0999755859375, '0.1'],
    [65504, '65500.0'],
    [2 ** -24, '6e-08'],
    [1 / 3, '0.3333'],
    [0.5, '0.5'],
    [-2, '-2.0'],
    [0.0078125, '0.007812'], // exact ties go to the even digit
    [2.0625, '2.062'],
    [-2.0625, '-2.062'],
    [Infinity, 'inf'],
  ])('%s -> %s', (x, text) => {
    expect(float16Text(x)).toBe(text);
  });

  it('decodes half bits from the column', () => {
    // 0x2e66 = 0.0999755859375, 0xbc00 = -1, 0x8000 = -0, 0x7e00 = nan, 0x0001 = 2^-24
    const v = new Vector([makeData({ type: new Float16(), data: new Uint16Array([0x2e66, 0xbc00, 0x8000, 0x7e00, 0x0001]) })]);
    expect(vectorText(v)).toEqual(['0.1', '-1.0', '-0.0', 'nan', '6e-08']);
    expect(valueText(v.get(0), v.type)).toBe('0.1');
  });
});

it('float64 columns, with nulls', () => {
  const v = new Vector([makeData({ type: new Float64(), data: new Float64Array([1e16, 0, 5e-324]), nullBitmap: new Uint8Array([0b101]) })]);
  expect(vectorText(v)).toEqual(['1e+16', null, '5e-324']);
});
