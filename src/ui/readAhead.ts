import { BLOCK_ROWS, type RowCache } from './rowCache';

/** Blocks of rows read ahead of the window, in the direction of the last move (two 64-row steps). */
export const AHEAD_BLOCKS = 2;

/** The worker's cancellation key of read-aheads: not the grid's, so a read-ahead never cancels a visible read. */
export const AHEAD_KEY = 'grid:ahead';

export type Direction = 1 | -1;

/** Blocks × columns to read: the blocks span the first to the last missing one, the columns are those missing in any of them. */
export interface BlockPlan {
  firstBlock: number;
  lastBlock: number;
  missing: number[];
  /** Names the blocks, columns and view: a second ask for the same read is recognised. */
  request: string;
}

/**
 * The blocks [firstBlock, lastBlock] × cols the cache lacks (a block needs `needed(block)` rows: a
 * filtered view's last block fills as matches are found), trimmed to the first and last missing
 * block; null when none is missing.
 */
export function planBlocks(cache: RowCache, firstBlock: number, lastBlock: number, cols: readonly number[], needed: (block: number) => number, view: string): BlockPlan | null {
  let first = -1;
  let last = -1;
  const missing = new Set<number>();
  for (let b = firstBlock; b <= lastBlock; b++) {
    const n = needed(b);
    for (const c of cols) {
      if (cache.has(b, c, n)) continue;
      missing.add(c);
      if (first < 0) first = b;
      last = b;
    }
  }
  if (first < 0) return null;
  const columns = cols.filter((c) => missing.has(c));
  return { firstBlock: first, lastBlock: last, missing: columns, request: `${first}:${last}:${columns.join(',')}:${view}` };
}

/** True when a read of `a` brings every block × column `p` lacks. */
export function covers(a: BlockPlan, p: BlockPlan): boolean {
  return a.firstBlock <= p.firstBlock && p.lastBlock <= a.lastBlock && p.missing.every((c) => a.missing.includes(c));
}

/**
 * The direction the grid moved from the window starting at `from` to the one at `to` (`page` rows
 * tall): a step or scroll keeps its sign; a far jump (go to, find) reads on downwards, in reading order.
 */
export function moveDirection(from: number, to: number, page: number, before: Direction): Direction {
  if (to === from) return before;
  if (Math.abs(to - from) > 2 * Math.max(page, BLOCK_ROWS)) return 1;
  return to > from ? 1 : -1;
}

/**
 * The AHEAD_BLOCKS blocks beside the window [firstRow, lastRow] in `direction`, within the view's `rows`
 * (with `wholeOnly`, a filtered view still growing: only blocks it fills whole); null at an end.
 */
export function aheadBlocks(firstRow: number, lastRow: number, direction: Direction, rows: number, wholeOnly: boolean): { first: number; last: number } | null {
  if (lastRow < firstRow || rows <= 0) return null;
  const blocks = wholeOnly ? Math.floor(rows / BLOCK_ROWS) : Math.ceil(rows / BLOCK_ROWS);
  const first = direction > 0 ? Math.floor(lastRow / BLOCK_ROWS) + 1 : Math.floor(firstRow / BLOCK_ROWS) - AHEAD_BLOCKS;
  const from = Math.max(0, first);
  const to = Math.min(blocks - 1, first + AHEAD_BLOCKS - 1);
  return from <= to ? { first: from, last: to } : null;
}

/** Runs `run` when the page is idle (after the frame is drawn); returns what cancels it. */
export function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 500 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 50);
  return () => clearTimeout(id);
}
