/**
 * Browsers clamp element heights (Chromium ~33.5M px, Firefox ~17.9M px), so 50M rows of 24 px
 * cannot have a native scroll height. The canvas is capped at a safe height and scrollTop maps to
 * a virtual offset by a factor; small steps (wheel, keys) move the virtual offset by exact pixels.
 */
export const MAX_CANVAS_PX = 8_000_000;

export interface ScrollScale {
  /** Height of the scrollable canvas in CSS pixels. */
  canvas: number;
  /** Virtual pixels per canvas pixel (1 when the content fits natively). */
  factor: number;
}

export function scrollScale(virtualHeight: number, viewport: number): ScrollScale {
  if (virtualHeight <= MAX_CANVAS_PX) return { canvas: virtualHeight, factor: 1 };
  const factor = (virtualHeight - viewport) / Math.max(1, MAX_CANVAS_PX - viewport);
  return { canvas: MAX_CANVAS_PX, factor };
}

export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
