import { useEffect, useState } from 'react';

/**
 * Rows one frame adds while a filtered view's first window is drawn. Each new row costs ~0.4–0.7 ms of
 * the main thread's CPU (React, style, layout, paint) at 2400×1300: a whole screen of 53 rows in one
 * frame was a 20–38 ms task, and with the count's workers on both cores such a task waited for a core
 * long enough to pass 50 ms; 16 rows a frame were still 12–14 ms.
 */
export const DRAW_STEP = 8;

/**
 * How many rows of a filtered grid's window to draw (Infinity: all). Before any row of the window is
 * read: none (not a screenful of '…', whose layout and paint came just before the values' own); then
 * DRAW_STEP more each frame, from the top, until the window is whole; from then on all, as before
 * (scrolling and jumps draw '…' until their rows come). Without a filter: all, always.
 * `read`: a row of the window is read; `rows`: the rows in the window.
 */
export function useFirstDraw(filtered: boolean, read: boolean, rows: number): number {
  const [drawn, setDrawn] = useState(filtered ? 0 : Infinity);
  const limit = drawn === Infinity ? Infinity : read ? drawn + DRAW_STEP : 0;
  useEffect(() => {
    if (limit === Infinity || limit === 0) return;
    const frame = requestAnimationFrame(() => setDrawn(limit >= rows ? Infinity : limit));
    return () => cancelAnimationFrame(frame);
  }, [limit, rows]);
  return limit;
}
