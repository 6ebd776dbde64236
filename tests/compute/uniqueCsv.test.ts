import { describe, expect, it } from 'vitest';
import { uniqueCsv } from '../../src/compute/uniqueCsv';

describe('unique values as CSV (the file the Unique view downloads)', () => {
  it('guards cells a spreadsheet would run as formulas, keeps numbers and nulls, quotes per RFC 4180', () => {
    const text = uniqueCsv(
      [
        { value: '=HYPERLINK("http://x","y")', count: 2, firstRow: 0 },
        { value: '+1+2', count: 1, firstRow: 0 },
        { value: '-5', count: 1, firstRow: 0 },
        { value: '@SUM(A1)', count: 1, firstRow: 0 },
        { value: '\tcmd', count: 1, firstRow: 0 },
        { value: 'plain, text', count: 1, firstRow: 0 },
        { value: null, count: 4, firstRow: 0 },
      ],
      11,
    );
    expect(text.split('\r\n')).toEqual([
      'value,count,share',
      `"'=HYPERLINK(""http://x"",""y"")",2,0.181818`,
      "'+1+2,1,0.090909",
      '-5,1,0.090909',
      "'@SUM(A1),1,0.090909",
      "'\tcmd,1,0.090909",
      '"plain, text",1,0.090909',
      ',4,0.363636',
      '',
    ]);
  });
});
