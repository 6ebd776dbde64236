import { describe, expect, it } from 'vitest';
import { displayedColumns, fitWidth, fullOrder, layoutColumns, moveField, revealColumnLeft, shiftField, visibleColumns, MIN_COLUMN_WIDTH } from '../../src/ui/columnLayout';
import { rangeOf, toTsv, tsvField } from '../../src/ui/gridSelection';

describe('column layout', () => {
  it('orders, hides and shows only one field', () => {
    expect(displayedColumns(4, null, [], null)).toEqual([0, 1, 2, 3]);
    expect(displayedColumns(4, [3, 1], [1], null)).toEqual([3, 0, 2]);
    expect(displayedColumns(4, [9, 2, 2, -1], [], null)).toEqual([2, 0, 1, 3]); // stale order entries dropped
    expect(displayedColumns(4, [3, 1], [1], 1)).toEqual([1]);
    expect(fullOrder(3, [2])).toEqual([2, 0, 1]);
  });

  it('lays columns out by their widths and finds the visible ones', () => {
    const layout = layoutColumns([0, 1, 2, 3], { 1: 300, 2: 10 });
    expect(layout.widths).toEqual([180, 300, MIN_COLUMN_WIDTH, 180]);
    expect(layout.lefts).toEqual([0, 180, 480, 480 + MIN_COLUMN_WIDTH]);
    expect(layout.total).toBe(480 + MIN_COLUMN_WIDTH + 180);
    expect(visibleColumns(layout, 0, 200, 0)).toEqual({ first: 0, last: 1 });
    expect(visibleColumns(layout, 480, 10, 0)).toEqual({ first: 2, last: 2 });
    expect(visibleColumns(layout, 479, 100, 1)).toEqual({ first: 0, last: 3 });
    expect(visibleColumns(layoutColumns([], {}), 0, 100, 2)).toEqual({ first: 0, last: -1 });
  });

  it('scrolls the least to reveal a column', () => {
    const layout = layoutColumns([0, 1, 2], {});
    expect(revealColumnLeft(layout, 2, 0, 200)).toBe(540 - 200);
    expect(revealColumnLeft(layout, 0, 300, 200)).toBe(0);
    expect(revealColumnLeft(layout, 1, 150, 400)).toBe(150);
  });

  it('moves a field before or after another, or by one place among the shown ones', () => {
    expect(moveField(4, null, 3, 0)).toEqual([3, 0, 1, 2]);
    expect(moveField(4, null, 0, 2, true)).toEqual([1, 2, 0, 3]);
    expect(moveField(4, null, 1, null)).toEqual([0, 2, 3, 1]);
    expect(shiftField(4, null, [1], 0, 1)).toEqual([1, 2, 0, 3]);
    expect(shiftField(4, null, [], 0, -1)).toEqual([0, 1, 2, 3]);
  });

  it('fits the widest text', () => {
    expect(fitWidth(['ab', 'abcd'], (t) => t.length * 7, 18)).toBe(MIN_COLUMN_WIDTH);
    expect(fitWidth(['abcdefghij'], (t) => t.length * 7, 18)).toBe(88);
    expect(fitWidth(['x'.repeat(500)], (t) => t.length * 7, 18)).toBe(800);
  });
});

describe('range selection and TSV', () => {
  it('spans anchor to cursor in display positions', () => {
    expect(rangeOf({ row: 9, field: 2 }, { row: 3, field: 0 }, [2, 1, 0])).toEqual({ top: 3, bottom: 9, left: 0, right: 2 });
  });

  it('writes TSV as spreadsheets read it', () => {
    expect(tsvField(null)).toBe('');
    expect(tsvField({ error: 'x' })).toBe('');
    expect(tsvField('a\tb')).toBe('"a\tb"');
    expect(tsvField('say "hi"')).toBe('"say ""hi"""');
    expect(toTsv([['1', 'a'], [null, 'line\nbreak']])).toBe('1\ta\n\t"line\nbreak"');
  });
});
