/** Column widths, order and visibility of the data grid, as pure functions of the tab's grid state. */

export const DEFAULT_COLUMN_WIDTH = 180;
export const MIN_COLUMN_WIDTH = 48;
export const MAX_COLUMN_WIDTH = 1600;

/**
 * The fields shown, in display order: `order` (a permutation chosen by the user, possibly stale or
 * partial: unknown indices are dropped, missing ones follow in schema order) without the hidden
 * ones; `only` shows that single field.
 */
export function displayedColumns(fieldCount: number, order: readonly number[] | null, hidden: readonly number[], only: number | null): number[] {
  if (only !== null && only >= 0 && only < fieldCount) return [only];
  const hide = new Set(hidden);
  return fullOrder(fieldCount, order).filter((f) => !hide.has(f));
}

/** Every field once, in the user's order. */
export function fullOrder(fieldCount: number, order: readonly number[] | null): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (const f of order ?? []) {
    if (Number.isInteger(f) && f >= 0 && f < fieldCount && !seen.has(f)) {
      seen.add(f);
      out.push(f);
    }
  }
  for (let f = 0; f < fieldCount; f++) if (!seen.has(f)) out.push(f);
  return out;
}

export interface ColumnLayout {
  /** Field index per display position. */
  fields: number[];
  /** Left edge (after the row-number column) and width per display position. */
  lefts: number[];
  widths: number[];
  total: number;
}

export function layoutColumns(fields: readonly number[], widths: Readonly<Record<number, number>>, defaultWidth = DEFAULT_COLUMN_WIDTH): ColumnLayout {
  const lefts: number[] = [];
  const ws: number[] = [];
  let x = 0;
  for (const f of fields) {
    const w = clampWidth(widths[f] ?? defaultWidth);
    lefts.push(x);
    ws.push(w);
    x += w;
  }
  return { fields: [...fields], lefts, widths: ws, total: x };
}

export const clampWidth = (w: number): number => Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, w)));

/** Display positions [first, last] at least partly inside [scrollLeft, scrollLeft + width), plus `overscan` either side. */
export function visibleColumns(layout: ColumnLayout, scrollLeft: number, width: number, overscan: number): { first: number; last: number } {
  const n = layout.fields.length;
  if (!n) return { first: 0, last: -1 };
  // Binary search for the first column whose right edge passes scrollLeft.
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (layout.lefts[mid] + layout.widths[mid] <= scrollLeft) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last < n - 1 && layout.lefts[last + 1] < scrollLeft + width) last++;
  return { first: Math.max(0, lo - overscan), last: Math.min(n - 1, last + overscan) };
}

/** The scrollLeft that shows the whole column at `position` (or its left edge when wider than the view), moving the least. */
export function revealColumnLeft(layout: ColumnLayout, position: number, scrollLeft: number, width: number): number {
  const left = layout.lefts[position];
  const right = left + layout.widths[position];
  if (left === undefined) return scrollLeft;
  if (left < scrollLeft || right - left > width) return left;
  if (right > scrollLeft + width) return right - width;
  return scrollLeft;
}

/** The order after moving `field` to stand just before `target` (or after it, or at the end when target is null). */
export function moveField(fieldCount: number, order: readonly number[] | null, field: number, target: number | null, after = false): number[] {
  if (target === field) return fullOrder(fieldCount, order);
  const out = fullOrder(fieldCount, order).filter((f) => f !== field);
  if (target === null) return [...out, field];
  const at = out.indexOf(target);
  out.splice(after ? at + 1 : at, 0, field);
  return out;
}

/** The order after moving `field` by `delta` places among the shown fields (hidden ones keep their places). */
export function shiftField(fieldCount: number, order: readonly number[] | null, hidden: readonly number[], field: number, delta: -1 | 1): number[] {
  const shown = displayedColumns(fieldCount, order, hidden, null);
  const at = shown.indexOf(field);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= shown.length) return fullOrder(fieldCount, order);
  return moveField(fieldCount, order, field, shown[to], delta > 0);
}

/** A width that fits the widest of `texts` (measured in pixels), between the limits. */
export function fitWidth(texts: Iterable<string>, measure: (text: string) => number, padding: number, max = 800): number {
  let widest = 0;
  for (const t of texts) widest = Math.max(widest, measure(t.length > 2000 ? t.slice(0, 2000) : t));
  return clampWidth(Math.min(max, Math.ceil(widest + padding)));
}
