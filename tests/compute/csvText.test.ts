import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../src/compute/csvText';

describe('CSV text', () => {
  it("a single column's null row is written \"\" (an empty line is skipped by readers: the row would be lost)", () => {
    expect([csvLine(['v']), csvLine(['1']), csvLine([null]), csvLine([''])].join('')).toBe('v\r\n1\r\n""\r\n""\r\n');
    expect(csvLine([null, null])).toBe(',\r\n');
  });

  it('the formula guard leaves signed values of typed columns alone and guards what a spreadsheet would run', () => {
    for (const v of ['-5', '+1.5e3', '-inf', '-nan', '-00:00:01', '-1d 02:03:04.5', '-1mo -2d -3ns', '-1d 500ms']) expect(csvCell(v), v).toBe(v);
    for (const v of ['=1+1', '@SUM(A1)', "-2+3+cmd|' /C calc'!A0", '+HYPERLINK("x")', '-A1', '\tx']) expect(csvCell(v), v).toMatch(/^"?'/);
  });
});
