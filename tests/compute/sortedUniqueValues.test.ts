import { describe, expect, it } from 'vitest';
import { sortedValues } from '../../src/compute/sortedUniqueValues';
import type { ValueCount } from '../../src/compute/uniqueTypes';

const vc = (value: ValueCount['value'], count = 1): ValueCount => ({ value, count, firstRow: 0 });

describe('the unique list as shown', () => {
  it('by value: numbers inside text in numeric order, null last; by count: as counted; search ignores case', () => {
    const values = [vc('v10', 5), vc(null, 9), vc('v2', 3), vc('B', 2), vc('a', 1), vc('v1', 4)];
    expect(sortedValues(values, 'value', '').map((v) => v.value)).toEqual(['a', 'B', 'v1', 'v2', 'v10', null]);
    expect(sortedValues(values, 'count', '').map((v) => v.value)).toEqual(['v10', null, 'v2', 'B', 'a', 'v1']);
    expect(sortedValues(values, 'value', ' V1').map((v) => v.value)).toEqual(['v1', 'v10']);
    expect(sortedValues(values, 'count', 'NUL').map((v) => v.value)).toEqual([null]);
  });

  it('orders 40,000 values (two sorted runs, merged) as localeCompare with numeric collation does', () => {
    const values = Array.from({ length: 40_000 }, (_, i) => vc(`key ${(i * 7919) % 40_000} ${i % 3 ? 'é' : 'e'}`));
    const expected = [...values].sort((a, b) => String(a.value).localeCompare(String(b.value), undefined, { numeric: true }));
    expect(sortedValues(values, 'value', '')).toEqual(expected);
  });
});
