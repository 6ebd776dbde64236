import type { CellText } from '../worker/protocol';

/** Display text of loaded cells, by block of rows and column, with a bounded number of entries. */
export const BLOCK_ROWS = 64;

/** Columns per block in the numeric key (block * COLUMN_SPAN + column): a key is built for every cell drawn, so no string. */
const COLUMN_SPAN = 2 ** 21;

export class RowCache {
  private readonly blocks = new Map<number, CellText[]>();
  readonly chunkStarts = new Set<number>();
  readonly errors = new Map<number, string>();
  /** A filtered view's rows: the file row number of each view row, by block. */
  private readonly numbers = new Map<number, number[]>();
  constructor(private readonly limit = 4000) {}

  private static key(block: number, column: number): number {
    return block * COLUMN_SPAN + column;
  }

  /** True when the block holds at least `rows` rows of the column (a filtered view's last block fills as matches are found). */
  has(block: number, column: number, rows = 0): boolean {
    const b = this.blocks.get(RowCache.key(block, column));
    return b !== undefined && b.length >= rows;
  }

  /** The file row number of a filtered view's row (undefined when not read, or without a filter). */
  rowNumber(row: number): number | undefined {
    return this.numbers.get(Math.floor(row / BLOCK_ROWS))?.[row % BLOCK_ROWS];
  }

  putRowNumbers(block: number, numbers: number[]): void {
    const old = this.numbers.get(block);
    if (!old || old.length < numbers.length) this.numbers.set(block, numbers);
    while (this.numbers.size > this.limit) this.numbers.delete(this.numbers.keys().next().value!);
  }

  cell(row: number, column: number): CellText | undefined {
    const block = this.blocks.get(RowCache.key(Math.floor(row / BLOCK_ROWS), column));
    return block ? block[row % BLOCK_ROWS] : undefined;
  }

  put(block: number, column: number, values: CellText[]): void {
    if (column >= COLUMN_SPAN) throw new RangeError(`column ${column} past the row cache's ${COLUMN_SPAN} columns`);
    const key = RowCache.key(block, column);
    this.blocks.delete(key);
    this.blocks.set(key, values);
    while (this.blocks.size > this.limit) this.blocks.delete(this.blocks.keys().next().value!);
  }
}
