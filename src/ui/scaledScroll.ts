/**
 * Browsers clamp element heights (Chromium ~33.5M px, Firefox ~17.9M px), so 50M rows of 24 px
 * cannot have a native scroll height. The canvas is capped at a safe height and scrollTop maps to
 * a virtual offset by a factor; small steps (wheel, keys) move the virtual offset by exact pixels.
 *
 * The two edges are exact: scrollTop 0 is virtual offset 0, and the largest scrollTop is the largest
 * virtual offset (the last row's bottom at the viewport's bottom), whatever rounding the browser
 * applies to scrollTop and however the viewport height changes.
 */
export const MAX_CANVAS_PX = 8_000_000;

export interface ScrollScale {
  /** Height of the scrollable canvas in CSS pixels. */
  canvas: number;
  /** Virtual pixels per canvas pixel (1 when the content fits natively). */
  factor: number;
}

export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

export function scrollScale(virtualHeight: number, viewport: number): ScrollScale {
  if (virtualHeight <= MAX_CANVAS_PX) return { canvas: virtualHeight, factor: 1 };
  const factor = Math.max(1, virtualHeight - viewport) / Math.max(1, MAX_CANVAS_PX - viewport);
  return { canvas: MAX_CANVAS_PX, factor };
}

/** The largest virtual offset: the last row's bottom edge at the viewport's bottom edge. */
export const maxVirtualTop = (virtualHeight: number, viewport: number): number => Math.max(0, virtualHeight - viewport);

/** The largest scrollTop of a canvas of `scale.canvas` pixels. */
export const maxScrollTop = (scale: ScrollScale, viewport: number): number => Math.max(0, scale.canvas - viewport);

/** The scrollTop that shows the virtual offset (clamped to the content). */
export function scrollTopFor(virtualTop: number, virtualHeight: number, viewport: number): number {
  const scale = scrollScale(virtualHeight, viewport);
  const max = maxScrollTop(scale, viewport);
  if (virtualTop >= maxVirtualTop(virtualHeight, viewport)) return max;
  return clamp(virtualTop / scale.factor, 0, max);
}

/**
 * The virtual offset a scrollTop stands for (a dragged scrollbar). Within a pixel of either end it is
 * that end exactly: at 50M rows one canvas pixel is ~150 virtual pixels, so rounding of scrollTop
 * must not leave the last rows out of reach.
 */
export function virtualTopFor(scrollTop: number, virtualHeight: number, viewport: number): number {
  const scale = scrollScale(virtualHeight, viewport);
  const maxVirtual = maxVirtualTop(virtualHeight, viewport);
  if (scrollTop <= 0) return 0;
  if (scrollTop >= maxScrollTop(scale, viewport) - 1) return maxVirtual;
  return clamp(scrollTop * scale.factor, 0, maxVirtual);
}

/** The rows to render at a virtual offset: the visible ones plus `overscan` above and below. */
export function rowSpan(virtualTop: number, viewport: number, rowHeight: number, rows: number, overscan: number): { firstRow: number; lastRow: number } {
  if (rows <= 0) return { firstRow: 0, lastRow: -1 };
  const top = clamp(virtualTop, 0, maxVirtualTop(rows * rowHeight, viewport));
  const firstRow = clamp(Math.floor(top / rowHeight) - overscan, 0, rows - 1);
  const lastRow = clamp(Math.ceil((top + viewport) / rowHeight) + overscan, firstRow, rows - 1);
  return { firstRow, lastRow };
}

/**
 * Where a row goes on the canvas: its virtual top moved by the distance between the virtual offset
 * and the scrollTop actually applied, so it lands at `row * rowHeight - virtualTop` in the viewport.
 */
export const rowCanvasTop = (row: number, rowHeight: number, virtualTop: number, scrollTop: number): number => row * rowHeight - virtualTop + scrollTop;

/** The virtual offset that puts `row` at the top of the viewport (or as far down as the content allows). */
export const virtualTopOfRow = (row: number, rowHeight: number, rows: number, viewport: number): number =>
  clamp(row * rowHeight, 0, maxVirtualTop(rows * rowHeight, viewport));

/** The least move of the virtual offset that shows the whole row, with `margin` pixels kept above and below where there is room. */
export function revealRowTop(row: number, rowHeight: number, rows: number, viewport: number, virtualTop: number, margin: number): number {
  const rowTop = row * rowHeight;
  let top = virtualTop;
  if (rowTop - margin < top) top = rowTop - margin;
  else if (rowTop + rowHeight + margin > top + viewport) top = rowTop + rowHeight + margin - viewport;
  return clamp(top, 0, maxVirtualTop(rows * rowHeight, viewport));
}

/** The rows and the viewport a scroll position is computed for. */
export interface ScrollGeometry {
  rows: number;
  rowHeight: number;
  /** Height of the rows' viewport in CSS pixels. */
  viewport: number;
}

/** A virtual offset and the scrollTop that stands for it on the canvas (as applied by the browser). */
export interface ScrollPosition {
  virtualTop: number;
  scrollTop: number;
}

/** The position for a jump to a virtual offset (keys, go to, restoring a tab): clamped to the content. */
export function positionAt(virtualTop: number, g: ScrollGeometry): ScrollPosition {
  const height = g.rows * g.rowHeight;
  const top = clamp(virtualTop, 0, maxVirtualTop(height, g.viewport));
  return { virtualTop: top, scrollTop: scrollTopFor(top, height, g.viewport) };
}

/**
 * The position after the browser reports `scrollTop`. A scrollTop within a pixel of the one last
 * applied is that position (the browser rounded it): the exact virtual offset is kept. Any other is a
 * dragged scrollbar and maps by the scale factor, exact at both ends.
 */
export function afterScroll(previous: ScrollPosition, scrollTop: number, g: ScrollGeometry): ScrollPosition {
  const height = g.rows * g.rowHeight;
  if (Math.abs(scrollTop - previous.scrollTop) < 1) return { virtualTop: clamp(previous.virtualTop, 0, maxVirtualTop(height, g.viewport)), scrollTop };
  return { virtualTop: virtualTopFor(scrollTop, height, g.viewport), scrollTop };
}

/**
 * The position after the viewport or the row count changed: the same virtual offset, re-applied for
 * the new scale; a view at the bottom edge stays at the bottom edge (End, then a panel that takes
 * some height, still shows the last row).
 */
export function afterResize(previous: ScrollPosition, before: ScrollGeometry, after: ScrollGeometry): ScrollPosition {
  // At the bottom for either viewport: the position may already be the new one's (a scroll event can come first).
  const bottom = Math.min(maxVirtualTop(before.rows * before.rowHeight, before.viewport), maxVirtualTop(after.rows * after.rowHeight, after.viewport));
  const atBottom = previous.virtualTop > 0 && previous.virtualTop >= bottom - 0.5;
  return positionAt(atBottom && after.rows === before.rows ? Infinity : previous.virtualTop, after);
}
