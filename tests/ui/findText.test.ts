import { describe, expect, it } from 'vitest';
import { notFoundText, searchedText } from '../../src/ui/findText';
import type { FindSearch } from '../../src/worker/protocol';

const status = (s: Partial<FindSearch>): FindSearch => ({ direction: 'next', fromRow: 1_234_567, rowsSearched: 120_000, chunksSearched: 12, chunksRead: 5, chunksSkipped: 3, chunksKnown: 4, elapsedMs: 5, ...s });

describe('what a find says', () => {
  it('how far it searched, and how the chunks were decided', () => {
    expect(searchedText(status({}))).toBe('searched 120,000 rows in 12 chunks (3 decided by statistics, 4 known from before)');
    expect(searchedText(status({ rowsSearched: 1, chunksSearched: 1, chunksSkipped: 0, chunksKnown: 0 }))).toBe('searched 1 row in 1 chunk');
  });

  it('no more matches after / before the row searched from; none at all from before the first row', () => {
    expect(notFoundText(status({ chunksSkipped: 0, chunksKnown: 0 }), false)).toBe('No more matches after row 1,234,567 — searched 120,000 rows in 12 chunks.');
    expect(notFoundText(status({ direction: 'previous', fromRow: 10, chunksSkipped: 0, chunksKnown: 0 }), true)).toBe('No more matches in the filtered view before row 10 — searched 120,000 rows in 12 chunks.');
    expect(notFoundText(status({ fromRow: -1, chunksSkipped: 0, chunksKnown: 0 }), false)).toMatch(/^No match — /);
    expect(notFoundText(status({ beyondView: true }), true)).toMatch(/past the rows of the filtered view found so far/);
  });
});
