import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { clamp, scrollScale, type ScrollScale } from './scaledScroll';

export interface ScaledScroll {
  /** Attach to the scrolling element; its first child is the canvas of height `scale.canvas`. */
  scroller: RefObject<HTMLDivElement | null>;
  scale: ScrollScale;
  /** Height of the scrolling element in CSS pixels. */
  viewport: number;
  /** First and last row to render (the visible ones plus overscan). */
  firstRow: number;
  lastRow: number;
  /** Subtract from `row * rowHeight` to place a row on the canvas. */
  shift: number;
  /** Scrolls to a virtual offset (clamped to the content). */
  moveTo(virtualOffset: number): void;
  /** Scrolls so that the row stands a third of the way down the viewport. */
  jumpToRow(row: number): void;
  /** Scrolls the least that shows the row with a row of margin above and below. */
  revealRow(row: number): void;
}

/**
 * Scaled scrolling over rows of a fixed height (see scaledScroll.ts): keeps the virtual offset,
 * maps native scrolls (dragged scrollbar) by the scale factor and moves wheel steps by exact pixels.
 */
export function useScaledScroll(rows: number, rowHeight: number, overscan: number): ScaledScroll {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualTop = useRef(0);
  const [viewport, setViewport] = useState(600);
  const scale = scrollScale(rows * rowHeight, viewport);
  const scaleRef = useRef(scale);
  scaleRef.current = scale;

  // Virtual offset in rows x rowHeight pixels; the canvas scrollTop is this divided by the scale factor.
  const [top, setTop] = useState(0);

  const moveTo = useCallback(
    (virtualOffset: number) => {
      const el = scroller.current;
      if (!el) return;
      virtualTop.current = clamp(virtualOffset, 0, Math.max(0, rows * rowHeight - el.clientHeight));
      el.scrollTop = virtualTop.current / scaleRef.current.factor;
      setTop(virtualTop.current);
    },
    [rows, rowHeight],
  );

  // Rows are virtualized by plain arithmetic (fixed row height): a row virtualizer would keep one
  // measurement object per row, which does not scale to 50M rows.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onScroll = () => {
      const expected = virtualTop.current / scaleRef.current.factor;
      // A scroll we caused keeps its exact virtual offset; a dragged scrollbar maps by the factor.
      if (Math.abs(el.scrollTop - expected) >= 1) virtualTop.current = el.scrollTop * scaleRef.current.factor;
      setTop(virtualTop.current);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, []);

  // Wheel moves by exact pixels even when the canvas is scaled.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (scaleRef.current.factor === 1 || Math.abs(e.deltaX) > Math.abs(e.deltaY)) return;
      e.preventDefault();
      const step = e.deltaMode === 1 ? e.deltaY * rowHeight : e.deltaMode === 2 ? e.deltaY * el.clientHeight : e.deltaY;
      moveTo(virtualTop.current + step);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    const resize = new ResizeObserver(() => setViewport(el.clientHeight));
    resize.observe(el);
    return () => {
      el.removeEventListener('wheel', onWheel);
      resize.disconnect();
    };
  }, [moveTo, rowHeight]);

  const jumpToRow = useCallback(
    (row: number) => {
      const el = scroller.current;
      moveTo(row * rowHeight - (el ? el.clientHeight / 3 : 0));
    },
    [moveTo, rowHeight],
  );

  const revealRow = useCallback(
    (row: number) => {
      const el = scroller.current!;
      const rowTop = row * rowHeight;
      if (rowTop < virtualTop.current + rowHeight) moveTo(rowTop - rowHeight);
      else if (rowTop + rowHeight > virtualTop.current + el.clientHeight) moveTo(rowTop + 2 * rowHeight - el.clientHeight);
    },
    [moveTo, rowHeight],
  );

  const firstRow = clamp(Math.floor(top / rowHeight) - overscan, 0, Math.max(0, rows - 1));
  const lastRow = Math.min(rows - 1, Math.ceil((top + viewport) / rowHeight) + overscan);
  const el = scroller.current;
  const shift = el ? top - el.scrollTop : 0;

  return { scroller, scale, viewport, firstRow, lastRow, shift, moveTo, jumpToRow, revealRow };
}
