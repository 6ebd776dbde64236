import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/types';
import { matches, openFile } from './support';

/**
 * writers/pyarrow/string_view.arrows (pyarrow 25): s string_view and b binary_view, row 1 null in both.
 * A value filter on the binary view threw on its null row ("Cannot read properties of null"), and a
 * case-insensitive needle holding '-' was refused as "not a valid regular expression". The rows are
 * pyarrow.compute's (equal, is_in, match_substring with ignore_case).
 */
const FILE = join(__dirname, '../fixtures/writers/pyarrow/string_view.arrows');
let dataset: Dataset;
beforeAll(async () => {
  dataset = await openFile(FILE);
});
afterAll(() => dataset?.close());

describe('filters over view columns with nulls, and needles holding "-"', () => {
  it.each([
    ["b = 'ok'", [5]],
    ["b IN ('ok', 'binary value longer than 12')", [2, 5]],
    ["b CONTAINS 'value'", [2]],
    ["s = 'twelve bytes'", [5]],
    ["s ICONTAINS 'SHORT'", [0]],
    ["s ICONTAINS 'g l'", [2]],
  ] as [string, number[]][])('%s', async (where, rows) => {
    expect((await matches(dataset, where)).indices).toEqual(rows);
  });

  it("ICONTAINS, ISTARTS WITH and IENDS WITH take a needle holding '-' as text", async () => {
    expect((await matches(dataset, "s ICONTAINS 'a-b'")).indices).toEqual([]);
    expect((await matches(dataset, "s ISTARTS WITH 'A S'")).indices).toEqual([2]);
    const dashed = await openFile(join(__dirname, '../../public/sample.arrow'));
    try {
      // pyarrow: match_substring(contbr_employer, 'self-employed', ignore_case=True) holds 11 rows.
      const ours = await matches(dashed, "contbr_employer ICONTAINS 'self-employed'");
      expect(ours.matched).toBe(11);
      expect(ours.indices).toEqual((await matches(dashed, "contbr_employer CONTAINS 'SELF-EMPLOYED'")).indices);
      expect((await matches(dashed, "contbr_employer IENDS WITH 'f-employed'")).matched).toBe(11);
    } finally {
      await dashed.close();
    }
  });
});
