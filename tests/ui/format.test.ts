import { describe, expect, it } from 'vitest';
import { percent } from '../../src/ui/format';

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
