import { describe, expect, it } from 'vitest';
import type { CellText } from '../../src/worker/protocol';
import { layoutColumns } from '../../src/ui/columnLayout';
import { sameRow, type GridRowProps } from '../../src/ui/GridRow';
import { mayOverflow } from '../../src/ui/rowCells';
import { BLOCK_ROWS, RowCache } from '../../src/ui/rowCache';

const layout = layoutColumns([0, 1, 2], {});
const numeric = [false, true, false];

/** The props DataGrid gives row `row` from the cache, as it builds them on every render. */
function propsOf(cache: RowCache, row: number, cursor = -1): GridRowProps {
  const texts: (CellText | undefined)[] = [0, 1, 2].map((f) => cache.cell(row, f));
  return { row, top: row * 24, height: 24, width: 600, gutter: 56, label: String(row), chunkStart: false, layout, first: 0, texts, numeric, charWidth: 7.2, cursor, cursorId: 'c', selectedFrom: 0, selectedTo: -1, range: false };
}

describe('GridRow memo', () => {
  it('a read arriving for the next block renders again only the rows whose cells it fills', () => {
    const cache = new RowCache();
    for (const f of [0, 1, 2]) cache.put(0, f, Array.from({ length: BLOCK_ROWS }, (_, r) => `${f}:${r}`));
    const rows = [60, 61, 62, 63, 64, 65, 66];
    const before = rows.map((r) => propsOf(cache, r));
    // The 64-row step's window arrives: block 1 (rows 64..127) of every column.
    for (const f of [0, 1, 2]) cache.put(1, f, Array.from({ length: BLOCK_ROWS }, (_, r) => `${f}:${64 + r}`));
    const after = rows.map((r) => propsOf(cache, r));
    const rendered = rows.filter((_, i) => !sameRow(before[i], after[i]));
    expect(rendered).toEqual([64, 65, 66]);
    expect(after[4].texts).toEqual(['0:64', '1:64', '2:64']);
  });

  it('the cursor moving renders again the row it leaves and the row it enters, no other', () => {
    const cache = new RowCache();
    for (const f of [0, 1, 2]) cache.put(0, f, Array.from({ length: BLOCK_ROWS }, (_, r) => `${f}:${r}`));
    const before = [0, 1, 2, 3].map((r) => propsOf(cache, r, r === 1 ? 2 : -1));
    const after = [0, 1, 2, 3].map((r) => propsOf(cache, r, r === 2 ? 2 : -1));
    expect([0, 1, 2, 3].filter((i) => !sameRow(before[i], after[i]))).toEqual([1, 2]);
  });

  it('an error cell is the same object from the cache, so an unchanged error row is not rendered again', () => {
    const cache = new RowCache();
    const failed = Array.from({ length: BLOCK_ROWS }, () => ({ error: 'bad page' }));
    for (const f of [0, 1, 2]) cache.put(0, f, failed);
    expect(sameRow(propsOf(cache, 5), propsOf(cache, 5))).toBe(true);
  });
});

describe('mayOverflow (which cells clip their text)', () => {
  // A 100 px column: 100 - 16 padding - 1 border - 1 margin = 82 px for the text, 11 characters of 7.2 px.
  it('printable ASCII that fits does not clip; one character more does', () => {
    expect(mayOverflow('a'.repeat(11), 100, 7.2)).toBe(false);
    expect(mayOverflow('a'.repeat(12), 100, 7.2)).toBe(true);
    expect(mayOverflow('', 100, 7.2)).toBe(false);
  });

  it('clips whatever it cannot be sure of: other characters, errors, an unmeasured font', () => {
    expect(mayOverflow('é', 100, 7.2)).toBe(true);
    expect(mayOverflow('日本', 300, 7.2)).toBe(true);
    expect(mayOverflow('a\tb', 300, 7.2)).toBe(true);
    expect(mayOverflow({ error: 'bad page' }, 300, 7.2)).toBe(true);
    expect(mayOverflow('abc', 300, 0)).toBe(true);
  });

  it('the null mark clips only in a column too narrow for it', () => {
    expect(mayOverflow(null, 300, 7.2)).toBe(false);
    expect(mayOverflow(null, 300, 0)).toBe(false);
    expect(mayOverflow(null, 56, 7.2)).toBe(true);
  });

  it("a cell not read yet ('…') does not clip", () => {
    expect(mayOverflow(undefined, 48, 7.2)).toBe(false);
  });
});
