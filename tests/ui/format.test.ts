import { describe, expect, it } from 'vitest';
import { count, percent } from '../../src/ui/format';

describe('percent', () => {
  it('gives a small share enough digits to be non-zero', () => {
    expect(percent(103, 3_000_000)).toBe('0.0034%');
    expect(percent(1, 2_000_000)).toBe('0.000050%');
    expect(percent(1, 4_000)).toBe('0.025%');
    expect(percent(38, 4_000)).toBe('0.95%');
  });
  it('keeps two decimals up to 10% and one above', () => {
    expect(percent(2_372, 4_000)).toBe('59.3%');
    expect(percent(200, 4_000)).toBe('5.00%');
  });
  it('never reads 100% short of the whole, nor over 100%, nor 0% above none', () => {
    expect(percent(2_999_999, 3_000_000)).toBe('99.99997%');
    expect(percent(3_000_000, 3_000_000)).toBe('100%');
    expect(percent(11_059, 5_478)).toBe('100%');
    expect(percent(0, 10)).toBe('0%');
    expect(percent(5, 0)).toBe('—');
  });
});

describe('count', () => {
  it('groups integers as Intl en-US does, at every length and sign', () => {
    const intl = new Intl.NumberFormat('en-US');
    const values = [0, 7, -7, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 50_086_550, 37_000_000, -1_000];
    for (let d = 1; d <= 16; d++) values.push(10 ** (d - 1), 10 ** d - 1, -(10 ** d - 1), Math.floor(10 ** d / 7));
    for (const v of values) expect(count(v)).toBe(intl.format(v));
  });
  it('leaves fractions and huge numbers to Intl', () => {
    expect(count(1234.5)).toBe('1,234.5');
    expect(count(2 ** 60)).toBe(new Intl.NumberFormat('en-US').format(2 ** 60));
  });
});
