import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sortedRows, topRows } from '../../src/compute/sort';
import { openFile } from '../filter/support';

/**
 * Strings sort by their bytes (code point order for valid UTF-8), string views too, even when a view
 * holds bytes that are not UTF-8 (pyarrow writes them; only its full validation refuses them).
 * fixtures/string_view_invalid_utf8.arrow, made once with pyarrow 25: the same eight values (\xff,
 * U+FFFD, U+FFFE, 'a', a lone \xc3, null, two views past the 12 inline bytes holding \xff and \xfe)
 * as string_view `sv` and as string `s`. pyarrow's sort_indices of the values as binary: 3, 7, 6, 4, 1, 2, 0, 5.
 * The views' text was encoded again before, each invalid byte becoming U+FFFD: \xff sorted with U+FFFD.
 */
const BYTE_ORDER = [3, 7, 6, 4, 1, 2, 0, 5];

describe('a string_view column holding invalid UTF-8', () => {
  it('sorts by its bytes, as the same bytes as string and as pyarrow sorts them as binary', async () => {
    const dataset = await openFile(join(__dirname, 'fixtures/string_view_invalid_utf8.arrow'));
    try {
      expect(Array.from((await sortedRows(dataset, [{ column: 1 }])).rows)).toEqual(BYTE_ORDER);
      expect(Array.from((await sortedRows(dataset, [{ column: 0 }])).rows)).toEqual(BYTE_ORDER);
      expect(Array.from((await topRows(dataset, [{ column: 0 }], 3)).rows)).toEqual(BYTE_ORDER.slice(0, 3));
    } finally {
      await dataset.close();
    }
  });
});
