import { describe, expect, it } from 'vitest';
import { parseCount, parseGoTo } from '../../src/ui/goToRow';

describe('go to row', () => {
  it('reads a row number written plain or grouped by thousands', () => {
    for (const text of ['37000000', '37,000,000', '37 000 000', '37\u00a0000\u00a0000', '37\u202f000\u202f000', '37_000_000', "37'000'000", '37.000.000', ' 37,000,000 ']) {
      expect(parseGoTo(text)).toEqual({ row: 37_000_000 });
    }
    expect(parseGoTo('0')).toEqual({ row: 0 });
    expect(parseGoTo('1,000')).toEqual({ row: 1000 });
  });

  it('never reads a comma as the chunk separator', () => {
    expect(parseGoTo('37,000,000')).not.toHaveProperty('chunk', 37);
    expect(parseGoTo('37,000,000')?.chunk).toBeUndefined();
  });

  it('reads chunk:row', () => {
    expect(parseGoTo('5:1000')).toEqual({ chunk: 5, row: 1000 });
    expect(parseGoTo('5 : 1,000')).toEqual({ chunk: 5, row: 1000 });
    expect(parseGoTo('5/1000')).toEqual({ chunk: 5, row: 1000 });
  });

  it('refuses what is not a whole row number', () => {
    for (const text of ['', 'abc', '-1', '1e6', '37,5', '37,00,000', '1,000 000', '5:1000:2', ':5', '5:', '1.5', '99999999999999999999']) {
      expect(parseGoTo(text), text).toBeNull();
    }
    expect(parseCount('12,345,678')).toBe(12_345_678);
  });
});
