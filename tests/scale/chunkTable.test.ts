import { describe, expect, it } from 'vitest';
import { ChunkTable } from '../../src/model/chunkTable';
import { BatchTable } from '../../src/arrow/ipcIndex';
import { DictionaryPieces } from '../../src/arrow/dictionaryState';

describe('ChunkTable', () => {
  it('holds rows, first rows, offsets, sizes and codecs past its first capacity, and finds the chunk of a row', () => {
    const t = new ChunkTable();
    for (let i = 0; i < 1000; i++) t.push(i % 3, i * 100, 90, i % 2 ? 'ZSTD' : undefined);
    expect(t.length).toBe(1000);
    expect(t.info(999)).toEqual({ index: 999, rows: 0, rowOffset: 999, offset: 99_900, bytes: 90, compression: 'ZSTD' });
    expect(t.info(4)).toEqual({ index: 4, rows: 1, rowOffset: 3, offset: 400, bytes: 90 });
    expect(t.info(1000)).toBeUndefined();
    expect(t.totalRows).toBe(999);
    // Chunks of 0, 1, 2, 0, 1, 2… rows: row 0 in chunk 1, rows 1–2 in chunk 2, row 3 in chunk 4 (empty chunks skipped); past the end, -1.
    expect([0, 1, 2, 3, 998].map((r) => t.chunkOfRow(r))).toEqual([1, 2, 2, 4, 998]);
    expect(t.chunkOfRow(999)).toBe(-1);
    expect(t.slice(998, 2000).map((c) => c.index)).toEqual([998, 999]);
  });

  it("its view reads as a read-only array that follows the table as it grows", () => {
    const t = new ChunkTable();
    const view = t.view();
    expect(view).toHaveLength(0);
    t.push(5, 8, 100);
    t.push(7, 108, 50);
    expect(view).toHaveLength(2);
    expect(Array.isArray(view)).toBe(true);
    expect(view[1]).toEqual({ index: 1, rows: 7, rowOffset: 5, offset: 108, bytes: 50 });
    expect(view[2]).toBeUndefined();
    expect(view.map((c) => c.rows)).toEqual([5, 7]);
    expect([...view].map((c) => c.index)).toEqual([0, 1]);
    expect(view.findIndex((c) => c.offset === 108)).toBe(1);
    expect(view.slice(1)).toEqual([{ index: 1, rows: 7, rowOffset: 5, offset: 108, bytes: 50 }]);
    expect(1 in view).toBe(true);
    expect(2 in view).toBe(false);
    expect(() => {
      (view as unknown as { 0: unknown })[0] = null;
    }).toThrow();
  });
});

describe('BatchTable', () => {
  it('gives back each batch position and the dictionary state it sees', () => {
    const t = new BatchTable();
    const none = new Map<number, DictionaryPieces>();
    const one = new Map([[0, new DictionaryPieces([0], 1)]]);
    for (let i = 0; i < 200; i++) {
      const offset = 1000 + i * 300;
      t.add({ rows: 10, offset, metadataOffset: offset + 8, metadataLength: 136, bodyOffset: offset + 144, bodyLength: 156, dictionaries: i < 100 ? none : one });
    }
    expect(t.entry(150)).toEqual({ rows: 10, rowOffset: 1500, offset: 46_000, metadataOffset: 46_008, metadataLength: 136, bodyOffset: 46_144, bodyLength: 156, dictionaries: one });
    expect(t.entry(0)!.dictionaries).toBe(none);
    expect(t.info(3)).toEqual({ index: 3, rows: 10, rowOffset: 30, offset: 1900, bytes: 300 });
    expect(t.end).toBe(1000 + 200 * 300);
    expect(t.entry(200)).toBeUndefined();
  });
});
