import type { CellText } from '../worker/protocol';

/** Display text of loaded cells, by block of rows and column, with a bounded number of entries. */
export const BLOCK_ROWS = 64;

export class RowCache {
  private readonly blocks = new Map<string, CellText[]>();
  readonly chunkStarts = new Set<number>();
  readonly errors = new Map<number, string>();
  constructor(private readonly limit = 4000) {}

  private static key(block: number, column: number): string {
    return `${block}:${column}`;
  }

  has(block: number, column: number): boolean {
    return this.blocks.has(RowCache.key(block, column));
  }

  cell(row: number, column: number): CellText | undefined {
    const block = this.blocks.get(RowCache.key(Math.floor(row / BLOCK_ROWS), column));
    return block ? block[row % BLOCK_ROWS] : undefined;
  }

  put(block: number, column: number, values: CellText[]): void {
    const key = RowCache.key(block, column);
    this.blocks.delete(key);
    this.blocks.set(key, values);
    while (this.blocks.size > this.limit) this.blocks.delete(this.blocks.keys().next().value!);
  }
}
