import { describe, expect, it } from 'vitest';
import {
  MAX_CANVAS_PX,
  afterResize,
  afterScroll,
  maxScrollTop,
  positionAt,
  revealRowTop,
  rowCanvasTop,
  rowSpan,
  scrollScale,
  virtualTopFor,
  virtualTopOfRow,
  type ScrollGeometry,
  type ScrollPosition,
} from '../../src/ui/scaledScroll';

const ROW_H = 24;
const OVERSCAN = 8;
const ROWS = 50_086_550; // the stream

/** What the page paints for a position: the rendered rows and where each lands in the viewport. */
function painted(pos: ScrollPosition, g: ScrollGeometry) {
  const { firstRow, lastRow } = rowSpan(pos.virtualTop, g.viewport, g.rowHeight, g.rows, OVERSCAN);
  const viewportTop = (row: number) => rowCanvasTop(row, g.rowHeight, pos.virtualTop, pos.scrollTop) - pos.scrollTop;
  return { firstRow, lastRow, viewportTop };
}

/** The viewport is covered from top to bottom by rendered rows (or the content ends inside it). */
function expectCovered(pos: ScrollPosition, g: ScrollGeometry) {
  const { firstRow, lastRow, viewportTop } = painted(pos, g);
  expect(lastRow).toBeGreaterThanOrEqual(firstRow);
  expect(viewportTop(firstRow)).toBeLessThanOrEqual(0);
  const bottom = viewportTop(lastRow) + g.rowHeight;
  if (lastRow < g.rows - 1) expect(bottom).toBeGreaterThanOrEqual(g.viewport);
  else expect(bottom).toBeGreaterThanOrEqual(Math.min(g.viewport, g.rows * g.rowHeight));
}

/** The browser applies scrollTop in whole pixels and within the canvas. */
const applied = (scrollTop: number, g: ScrollGeometry) => Math.min(maxScrollTop(scrollScale(g.rows * g.rowHeight, g.viewport), g.viewport), Math.max(0, Math.round(scrollTop)));

describe('scaled scrolling at 50,086,550 rows', () => {
  const g: ScrollGeometry = { rows: ROWS, rowHeight: ROW_H, viewport: 666 };

  it('caps the canvas and maps its ends to the content ends', () => {
    const scale = scrollScale(ROWS * ROW_H, g.viewport);
    expect(scale.canvas).toBe(MAX_CANVAS_PX);
    expect(scale.factor).toBeGreaterThan(150);
    expect(virtualTopFor(0, ROWS * ROW_H, g.viewport)).toBe(0);
    expect(virtualTopFor(MAX_CANVAS_PX - g.viewport, ROWS * ROW_H, g.viewport)).toBe(ROWS * ROW_H - g.viewport);
  });

  it('End paints the last row at the bottom of the viewport', () => {
    const end = positionAt(virtualTopOfRow(ROWS - 1, ROW_H, ROWS, g.viewport), g);
    expect(end.scrollTop).toBe(7_999_334); // the scrollTop of the report
    const seen = afterScroll(end, applied(end.scrollTop, g), g);
    const { lastRow, viewportTop } = painted(seen, g);
    expect(lastRow).toBe(ROWS - 1);
    expect(viewportTop(ROWS - 1)).toBe(g.viewport - ROW_H);
    expectCovered(seen, g);
  });

  it('Home paints row 0 at the top', () => {
    const home = positionAt(0, g);
    expect(home.scrollTop).toBe(0);
    const { firstRow, viewportTop } = painted(home, g);
    expect(firstRow).toBe(0);
    expect(viewportTop(0)).toBe(0);
  });

  it('a scrollbar dragged to the bottom (rounded by the browser) reaches the last row', () => {
    const max = maxScrollTop(scrollScale(ROWS * ROW_H, g.viewport), g.viewport);
    for (const s of [max, max - 0.5, max - 1]) {
      const pos = afterScroll({ virtualTop: 0, scrollTop: 0 }, s, g);
      expect(painted(pos, g).lastRow).toBe(ROWS - 1);
      expectCovered(pos, g);
    }
  });

  it('a viewport that grows or shrinks after End keeps the last row painted, never past the end', () => {
    for (const [before, after] of [[642, 666], [666, 642], [600, 900], [900, 200]]) {
      const g0 = { ...g, viewport: before };
      const end = positionAt(ROWS * ROW_H, g0);
      const g1 = { ...g, viewport: after };
      // The page keeps the virtual offset and re-applies it for the new viewport…
      const resized = afterResize(end, g0, g1);
      expect(painted(resized, g1).lastRow).toBe(ROWS - 1);
      expectCovered(resized, g1);
      // …and a scroll event still carrying the old scrollTop is a position that paints too.
      const stale = afterScroll(resized, end.scrollTop, g1);
      expect(stale.virtualTop).toBeLessThanOrEqual(ROWS * ROW_H - after);
      expectCovered(stale, g1);
    }
  });

  it('a panel going away after End makes the browser clamp scrollTop before the resize is heard: still the last row', () => {
    const g0 = { ...g, viewport: 486 };
    const end = positionAt(ROWS * ROW_H, g0);
    const g1 = { ...g, viewport: 510 }; // 24 px more: the browser's largest scrollTop is 24 px less
    const clamped = applied(end.scrollTop, g1);
    expect(clamped).toBe(end.scrollTop - 24);
    const seen = afterScroll(end, clamped, g1);
    expect(painted(seen, g1).lastRow).toBe(ROWS - 1);
    expect(painted(seen, g1).viewportTop(ROWS - 1)).toBe(g1.viewport - ROW_H);
    // Then the resize is heard: the position stays at the bottom.
    const resized = afterResize(seen, g0, g1);
    expect(resized.virtualTop).toBe(ROWS * ROW_H - g1.viewport);
  });

  it('the report\'s state (scrollTop 7,999,334 with a virtual offset past the end) cannot arise: every scrollTop paints the viewport', () => {
    const max = maxScrollTop(scrollScale(ROWS * ROW_H, g.viewport), g.viewport);
    for (const s of [0, 1, 2, 1000, max / 3, max / 2, max - 24, max - 2, max - 1, max]) {
      const pos = afterScroll({ virtualTop: ROWS * ROW_H + 2920, scrollTop: -100 }, s, g);
      expect(pos.virtualTop).toBeLessThanOrEqual(ROWS * ROW_H - g.viewport);
      expectCovered(pos, g);
    }
    // A stale virtual offset past the end is clamped when the browser confirms the scrollTop.
    const past = afterScroll({ virtualTop: ROWS * ROW_H + 2920, scrollTop: 7_999_334 }, 7_999_334, g);
    expect(past.virtualTop).toBe(ROWS * ROW_H - g.viewport);
    expectCovered(past, g);
  });

  it('PageDown and PageUp at the edges stay on the first and last rows', () => {
    const page = Math.floor(g.viewport / ROW_H) - 1;
    const nearEnd = positionAt(virtualTopOfRow(ROWS - 3, ROW_H, ROWS, g.viewport), g);
    const down = Math.min(ROWS - 1, ROWS - 3 + page);
    const revealed = positionAt(revealRowTop(down, ROW_H, ROWS, g.viewport, nearEnd.virtualTop, ROW_H), g);
    expect(painted(revealed, g).lastRow).toBe(ROWS - 1);
    expect(painted(revealed, g).viewportTop(ROWS - 1)).toBe(g.viewport - ROW_H);
    const up = positionAt(revealRowTop(0, ROW_H, ROWS, g.viewport, ROW_H * 5, ROW_H), g);
    expect(up.virtualTop).toBe(0);
    expect(painted(up, g).viewportTop(0)).toBe(0);
  });

  it('single steps move by exact rows even though one canvas pixel is ~150 virtual pixels', () => {
    const at = positionAt(37_000_000 * ROW_H, g);
    const next = positionAt(at.virtualTop + ROW_H, g);
    expect(next.virtualTop - at.virtualTop).toBe(ROW_H);
    const seen = afterScroll(next, applied(next.scrollTop, g), g);
    expect(seen.virtualTop).toBe(next.virtualTop);
    expect(painted(seen, g).viewportTop(37_000_001)).toBe(0);
  });
});

describe('scaled scrolling, small and empty', () => {
  it('a file that fits natively scrolls 1:1', () => {
    const g = { rows: 1000, rowHeight: ROW_H, viewport: 600 };
    expect(scrollScale(1000 * ROW_H, 600).factor).toBe(1);
    const end = positionAt(1000 * ROW_H, g);
    expect(end.scrollTop).toBe(1000 * ROW_H - 600);
    expect(painted(end, g).lastRow).toBe(999);
    expectCovered(end, g);
  });

  it('no rows renders nothing; fewer rows than the viewport start at 0', () => {
    expect(rowSpan(0, 600, ROW_H, 0, OVERSCAN)).toEqual({ firstRow: 0, lastRow: -1 });
    const g = { rows: 3, rowHeight: ROW_H, viewport: 600 };
    const end = positionAt(1e9, g);
    expect(end).toEqual({ virtualTop: 0, scrollTop: 0 });
    expect(rowSpan(end.virtualTop, 600, ROW_H, 3, OVERSCAN)).toEqual({ firstRow: 0, lastRow: 2 });
  });
});
