let context: CanvasRenderingContext2D | null | undefined;

/** A measure of text width in CSS pixels for a CSS font (`600 12px system-ui`), from one shared canvas; 7 px a character without one. */
export function textMeasure(font: string): (text: string) => number {
  context ??= document.createElement('canvas').getContext('2d');
  const ctx = context;
  if (!ctx) return (text) => text.length * 7;
  return (text) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}

/** The font of `element` as the canvas takes it. */
export function fontOf(element: Element): string {
  const s = getComputedStyle(element);
  return `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
}

const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const advances = new Map<string, number>();

/** The widest advance of a printable ASCII character in `font` (a monospace font's one advance), measured once per font; 0 without a canvas. */
export function asciiAdvance(font: string): number {
  let w = advances.get(font);
  if (w === undefined) {
    context ??= document.createElement('canvas').getContext('2d');
    const measure = textMeasure(font);
    w = context ? Math.max(...PRINTABLE_ASCII.map(measure)) : 0;
    advances.set(font, w);
  }
  return w;
}
