import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { afterResize, afterScroll, positionAt, revealRowTop, rowSpan, scrollScale, virtualTopOfRow, type ScrollGeometry, type ScrollPosition, type ScrollScale } from './scaledScroll';

export interface ScaledScroll {
  /** Attach to the scrolling element; it holds a sticky header of `headerHeight` and a canvas of height `scale.canvas`. */
  scroller: RefObject<HTMLDivElement | null>;
  scale: ScrollScale;
  /** Height of the rows' viewport (below the header) in CSS pixels. */
  viewport: number;
  /** First and last row to render (the visible ones plus overscan). */
  firstRow: number;
  lastRow: number;
  /** The first row at least partly visible. */
  topRow: number;
  /** Where a row goes on the canvas. */
  rowTop(row: number): number;
  /** The canvas's scroll offset as the browser applied it. */
  scrollTop: number;
  /** Scrolls to a virtual offset (clamped to the content). */
  moveTo(virtualOffset: number): void;
  /** The rows a move to a virtual offset would render and show first, without moving (to read them before). */
  spanAt(virtualOffset: number): { firstRow: number; lastRow: number; topRow: number };
  /** The virtual offset revealRow(row) would move to. */
  revealTop(row: number): number;
  /** Scrolls so that the row is the first one shown (or as far down as the content allows). */
  showRowAtTop(row: number): void;
  /** Scrolls the least that shows the row with a row of margin above and below. */
  revealRow(row: number): void;
}

/**
 * Scaled scrolling over rows of a fixed height (the pure math is scaledScroll.ts): keeps the exact
 * virtual offset beside the scrollTop the browser applied, maps a dragged scrollbar by the scale
 * factor, moves wheel steps by exact pixels, and re-applies the offset when the viewport or the
 * row count changes. `initialRow` is shown at the top on mount.
 */
export function useScaledScroll(rows: number, rowHeight: number, overscan: number, headerHeight: number, initialRow: number): ScaledScroll {
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(0);
  const geometry: ScrollGeometry = { rows, rowHeight, viewport };
  const geometryRef = useRef(geometry);
  const appliedGeometry = useRef<ScrollGeometry | null>(null);
  // Until the viewport is measured and the initial row applied, the position is the initial row's.
  const [applied, setPos] = useState<ScrollPosition | null>(null);
  const pos = applied ?? { virtualTop: initialRow * rowHeight, scrollTop: 0 };
  const posRef = useRef(pos);
  const scale = scrollScale(rows * rowHeight, viewport);

  useLayoutEffect(() => {
    geometryRef.current = geometry;
  });

  /**
   * Applies a position: sets scrollTop and keeps the value the browser actually took. A scrollTop
   * equal to the one applied last is not set again: reading it back after the page changed forces a
   * style and layout inside the render (a filter's row count grows while the grid stays at its top).
   */
  const apply = useCallback((next: ScrollPosition, always = true) => {
    const el = scroller.current;
    if (!el) return;
    const same = !always && next.scrollTop === posRef.current.scrollTop;
    if (same && next.virtualTop === posRef.current.virtualTop) return;
    if (!same) el.scrollTop = next.scrollTop;
    const now = { virtualTop: next.virtualTop, scrollTop: same ? next.scrollTop : el.scrollTop };
    posRef.current = now;
    setPos(now);
  }, []);

  const moveTo = useCallback((virtualOffset: number) => apply(positionAt(virtualOffset, geometryRef.current)), [apply]);

  // The viewport is measured before the first paint, then followed; a changed viewport or row count
  // re-applies the virtual offset (the first time: the initial row).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(Math.max(0, el.clientHeight - headerHeight));
    measure();
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    return () => resize.disconnect();
  }, [headerHeight]);

  useLayoutEffect(() => {
    if (viewport <= 0) return;
    const before = appliedGeometry.current;
    const now = { rows, rowHeight, viewport };
    appliedGeometry.current = now;
    geometryRef.current = now;
    if (!before) apply(positionAt(virtualTopOfRow(initialRow, rowHeight, rows, viewport), now));
    else if (before.viewport !== viewport || before.rows !== rows) apply(afterResize(posRef.current, before, now), false);
    // initialRow is read on the first measure only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, rowHeight, viewport, apply]);

  // Rows are virtualized by plain arithmetic (fixed row height): a row virtualizer would keep one
  // measurement object per row, which does not scale to 50M rows.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onScroll = () => {
      if (Math.abs(el.scrollTop - posRef.current.scrollTop) < 0.01) return; // horizontal, or our own
      // The viewport as it is now: a panel appearing or going can make the browser clamp scrollTop
      // (and fire this) before the resize observer reports the new height.
      const next = afterScroll(posRef.current, el.scrollTop, { ...geometryRef.current, viewport: Math.max(0, el.clientHeight - headerHeight) });
      posRef.current = next;
      setPos(next);
    };
    // Wheel moves by exact pixels even when the canvas is scaled.
    const onWheel = (e: WheelEvent) => {
      if (scrollScale(geometryRef.current.rows * rowHeight, geometryRef.current.viewport).factor === 1 || Math.abs(e.deltaX) > Math.abs(e.deltaY)) return;
      e.preventDefault();
      const step = e.deltaMode === 1 ? e.deltaY * rowHeight : e.deltaMode === 2 ? e.deltaY * geometryRef.current.viewport : e.deltaY;
      moveTo(posRef.current.virtualTop + step);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      el.removeEventListener('scroll', onScroll);
      el.removeEventListener('wheel', onWheel);
    };
  }, [moveTo, rowHeight, headerHeight]);

  const spanAt = useCallback(
    (virtualOffset: number) => {
      const g = geometryRef.current;
      const { virtualTop } = positionAt(virtualOffset, g);
      return { ...rowSpan(virtualTop, g.viewport, rowHeight, g.rows, overscan), topRow: topRowAt(virtualTop, rowHeight, g.rows) };
    },
    [rowHeight, overscan],
  );

  const revealTop = useCallback((row: number) => {
    const g = geometryRef.current;
    return revealRowTop(row, g.rowHeight, g.rows, g.viewport, posRef.current.virtualTop, g.rowHeight);
  }, []);

  const showRowAtTop = useCallback(
    (row: number) => {
      const g = geometryRef.current;
      moveTo(virtualTopOfRow(row, g.rowHeight, g.rows, g.viewport));
    },
    [moveTo],
  );

  const revealRow = useCallback((row: number) => moveTo(revealTop(row)), [moveTo, revealTop]);

  const { firstRow, lastRow } = rowSpan(pos.virtualTop, viewport, rowHeight, rows, overscan);
  const topRow = topRowAt(pos.virtualTop, rowHeight, rows);
  const rowTop = (row: number) => row * rowHeight - pos.virtualTop + pos.scrollTop;
  return { scroller, scale, viewport, firstRow, lastRow, topRow, rowTop, scrollTop: pos.scrollTop, moveTo, spanAt, revealTop, showRowAtTop, revealRow };
}

/** The first row at least partly visible at a virtual offset. */
const topRowAt = (virtualTop: number, rowHeight: number, rows: number): number => Math.min(Math.max(0, rows - 1), Math.floor(virtualTop / rowHeight));
