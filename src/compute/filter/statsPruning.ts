import type { ChunkDetail, ColumnChunkInfo } from '../../model/types';
import type { CompareOp } from './ast';
import type { BoundExpr, LeafTest, Scalar, StatsTrust } from './boundFilter';
import type { ColumnKind } from './columnKind';
import { roundRational } from './exactNumbers';
import { normalize } from './leafKernel';
import { parseDateTime, parseTimeOfDay } from './temporalText';

/** The results some row of a chunk may give, as bits: a chunk is skipped when no row can be true. */
export const CAN_FALSE = 1;
export const CAN_TRUE = 2;
export const CAN_NULL = 4;

const utf8 = new TextEncoder();
const MS_NS = 1_000_000n;

/** The outcome set of a Kleene operation over every pair of possible outcomes (a sound over-approximation). */
function combine(a: number, b: number, op: 'and' | 'or'): number {
  let out = 0;
  for (const x of [CAN_FALSE, CAN_TRUE, CAN_NULL]) {
    if (!(a & x)) continue;
    for (const y of [CAN_FALSE, CAN_TRUE, CAN_NULL]) {
      if (!(b & y)) continue;
      if (op === 'and') out |= x === CAN_FALSE || y === CAN_FALSE ? CAN_FALSE : x === CAN_TRUE && y === CAN_TRUE ? CAN_TRUE : CAN_NULL;
      else out |= x === CAN_TRUE || y === CAN_TRUE ? CAN_TRUE : x === CAN_FALSE && y === CAN_FALSE ? CAN_FALSE : CAN_NULL;
    }
  }
  return out;
}

const order = (a: Scalar, b: Scalar): number => {
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    const n = Math.min(a.length, b.length);
    for (let k = 0; k < n; k++) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
    return a.length - b.length;
  }
  const x = a as number | bigint;
  const y = b as number | bigint;
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * The min and max of a chunk's values from its statistics text (shown by the rules of
 * docs/VALUE_TEXT.md), as values of the column's kind, or null when they cannot be trusted as bounds:
 * NaN bounds, text cut for display, unsigned and byte-string bounds not marked exact (old writers
 * ordered them as signed bytes), decimals not written at their scale (a float approximation).
 */
export function statsBounds(kind: ColumnKind, stats: ColumnChunkInfo['stats']): { min: Scalar; max: Scalar } | null {
  if (!stats || stats.min === undefined || stats.max === undefined) return null;
  const bound = (text: string, up: boolean): Scalar | null => {
    switch (kind.family) {
      case 'bool':
        return text === 'true' ? 1 : text === 'false' ? 0 : null;
      case 'int': {
        if (!/^-?\d+$/.test(text) || (!kind.signed && !stats.exact)) return null;
        return kind.wide ? BigInt(text) : Number(text);
      }
      case 'float': {
        const v = text === 'inf' ? Infinity : text === '-inf' ? -Infinity : /^-?\d/.test(text) ? Number(text) : NaN;
        if (Number.isNaN(v) || !Number.isFinite(v) || !(kind.half || kind.single)) return Number.isNaN(v) ? null : v;
        // float32 and float16 text is the shortest that reads back as the same value, not the value
        // (1.1f is 1.100000023841858): within one unit in its last place, so the bound is widened by one.
        const [mantissa, minExponent] = kind.half ? [10, -14] : [23, -126];
        const ulp = 2 ** (Math.max(Math.floor(Math.log2(Math.abs(v) || Number.MIN_VALUE)), minExponent) - mantissa);
        return up ? v + ulp : v - ulp;
      }
      case 'decimal': {
        const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
        if (!m || (m[3] ?? '').length !== Math.max(0, kind.scale)) return null;
        let unscaled = BigInt(`${m[1]}${m[2]}${m[3] ?? ''}`);
        if (kind.scale < 0) unscaled /= 10n ** BigInt(-kind.scale);
        return unscaled;
      }
      case 'bytes': {
        if (!kind.utf8 || !stats.exact || (text.endsWith('…') && text.length > 200)) return null;
        return utf8.encode(text);
      }
      case 'time': {
        const ns = parseTimeOfDay(text);
        return ns === null ? null : roundRational({ num: ns, den: kind.nsPerUnit }, up);
      }
      case 'nulls':
        return null;
      default: {
        const t = parseDateTime(text);
        if (!t) return null;
        // hyparquet's own conversion (ISO text with a T) keeps milliseconds only: widen by one
        const ns = text.includes('T') ? t.ns + (up ? MS_NS : -MS_NS) : t.ns;
        const v = roundRational({ num: ns, den: kind.nsPerUnit }, up);
        return kind.wide ? v : Number(v);
      }
    }
  };
  const min = bound(stats.min, false);
  const max = bound(stats.max, true);
  if (min === null || max === null || order(min, max) > 0) return null;
  return { min: normalize(min), max: normalize(max) };
}

/** Possible results of `x op c` for x in [min, max]. */
function compareOutcomes(op: CompareOp, c: Scalar, min: Scalar, max: Scalar): number {
  const lo = order(min, c);
  const hi = order(max, c);
  const single = lo === 0 && hi === 0;
  const inside = lo <= 0 && hi >= 0;
  const t = (b: boolean) => (b ? CAN_TRUE : 0);
  const f = (b: boolean) => (b ? CAN_FALSE : 0);
  switch (op) {
    case '=':
      return t(inside) | f(!single);
    case '!=':
      return t(!single) | f(inside);
    case '<':
      return t(lo < 0) | f(hi >= 0);
    case '<=':
      return t(lo <= 0) | f(hi > 0);
    case '>':
      return t(hi > 0) | f(lo <= 0);
    default:
      return t(hi >= 0) | f(lo < 0);
  }
}

/** Possible results of a leaf over the non-null values of a chunk, from its min/max when they help. */
export function valueOutcomes(kind: ColumnKind, leaf: LeafTest, column: ColumnChunkInfo | undefined, trust: StatsTrust): number {
  if (leaf.test === 'const') return leaf.value ? CAN_TRUE : CAN_FALSE;
  if (leaf.test === 'isNull') return leaf.negated ? CAN_TRUE : CAN_FALSE;
  const usable = trust === 'any' || (trust === 'exact' && column?.stats?.exact === true);
  const bounds = usable && (leaf.test === 'compare' || leaf.test === 'in') ? statsBounds(kind, column?.stats) : null;
  if (!bounds) return leaf.test === 'in' && leaf.nullInList ? CAN_TRUE | CAN_NULL : CAN_TRUE | CAN_FALSE;
  // Parquet leaves NaN out of float min/max: a NaN row is false, except for !=.
  const nan = kind.family === 'float' ? (leaf.test === 'compare' && leaf.op === '!=' ? CAN_TRUE : CAN_FALSE) : 0;
  if (leaf.test === 'compare') return compareOutcomes(leaf.op, normalize(leaf.value), bounds.min, bounds.max) | nan;
  if (leaf.test !== 'in') return CAN_TRUE | CAN_FALSE;
  let out = 0;
  for (const v of leaf.values) out |= compareOutcomes('=', normalize(v), bounds.min, bounds.max);
  out = (out & CAN_TRUE) | (order(bounds.min, bounds.max) === 0 && out & CAN_TRUE ? 0 : CAN_FALSE) | nan;
  return leaf.nullInList && out & CAN_FALSE ? (out & ~CAN_FALSE) | CAN_NULL : out;
}

/**
 * The results the expression may give on the rows of one chunk, from its null counts and min/max
 * statistics alone (no values read). Unknown statistics give every outcome. `known`: for some leaves,
 * the results their non-null values may give, learnt otherwise (from the chunk's dictionary): kept
 * where the statistics allow them too.
 */
export function chunkOutcomes(expr: BoundExpr, rows: number, detail: ChunkDetail, known?: ReadonlyMap<BoundExpr, number>): number {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return combine(chunkOutcomes(expr.left, rows, detail, known), chunkOutcomes(expr.right, rows, detail, known), expr.kind);
    case 'not': {
      const o = chunkOutcomes(expr.operand, rows, detail, known);
      return (o & CAN_TRUE ? CAN_FALSE : 0) | (o & CAN_FALSE ? CAN_TRUE : 0) | (o & CAN_NULL);
    }
    default: {
      const column = detail.columns[expr.column];
      const stored = column?.nullCount ?? column?.stats?.nullCount;
      // A count past the chunk's rows cannot be true (a damaged header or footer): the values decide.
      const nulls = stored !== undefined && stored >= 0 && stored <= rows ? stored : undefined;
      const onNull = expr.leaf.test === 'isNull' ? (expr.leaf.negated ? CAN_FALSE : CAN_TRUE) : CAN_NULL;
      // A dictionary's own null entries are not in the null count of its indices.
      const someNull = nulls === undefined || nulls > 0 || expr.dictionary;
      const allNull = nulls !== undefined && nulls >= rows;
      const values = allNull ? 0 : valueOutcomes(expr.columnKind, expr.leaf, column, expr.statistics) & (known?.get(expr) ?? ~0);
      return (someNull ? onNull : 0) | values;
    }
  }
}

/** true: every row matches; false: none does; null: the values must be read. */
export function outcomeDecides(outcomes: number): boolean | null {
  if (!(outcomes & CAN_TRUE)) return false;
  if (outcomes === CAN_TRUE) return true;
  return null;
}
