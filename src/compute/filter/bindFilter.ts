import { DataType, type Schema } from 'apache-arrow';
import type { FieldInfo } from '../../model/types';
import { hexText, typeName } from '../../valueText';
import type { ColumnName, CompareOp, FilterExpr, Literal, Span } from './ast';
import type { BoundExpr, BoundFilter, LeafTest, Scalar, StatsTrust } from './boundFilter';
import { columnKind, nullsKind, type ColumnKind } from './columnKind';
import { integerTest, parseNumber, type Rational } from './exactNumbers';
import { FilterSyntaxError, positionOf, whereText } from './filterError';
import { isKeyword, parseFilter } from './parseFilter';
import { parseDateTime, parseTimeOfDay } from './temporalText';

const utf8 = new TextEncoder();

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = up;
    }
  }
  return row[b.length];
}

/** Up to three names close to `name`, the closest kind only: same letters in another case, else names it starts or is part of, else small edits. */
export function closeNames(name: string, names: readonly string[]): string[] {
  const lower = name.toLowerCase();
  const scored = names
    .map((n, i) => {
      const l = n.toLowerCase();
      const score = l === lower ? 0 : l.startsWith(lower) || lower.startsWith(l) ? 1 : l.includes(lower) ? 2 : distance(lower, l) <= Math.max(1, Math.floor(lower.length / 3)) ? 3 : 9;
      return { n, i, score };
    })
    .filter((s) => s.score < 9)
    .sort((a, b) => a.score - b.score || a.i - b.i);
  const best = scored[0]?.score;
  return [...new Set(scored.filter((s) => s.score === best).map((s) => s.n))].slice(0, 3);
}

/** How a literal reads in a sentence: the string '1000', the number 5, true, null. */
function literalText(v: Literal): string {
  if (v.kind === 'string') return `the string '${v.value.replace(/'/g, "''")}'`;
  if (v.kind === 'bytes') return `the bytes X'${hexText(v.value)}'`;
  if (v.kind === 'number') return `the number ${v.text}`;
  if (v.kind === 'bool') return String(v.value);
  return 'null';
}

/** Regular expression source and flags from `'pattern'` or `'/pattern/flags'` (flags i, m, s). */
export function regexParts(text: string, ignoreCase: boolean): { source: string; flags: string } {
  const slashed = /^\/(.*)\/([a-z]*)$/s.exec(text);
  const source = slashed ? slashed[1] : text;
  const flags = new Set(slashed ? [...slashed[2]] : []);
  if (ignoreCase) flags.add('i');
  flags.add('u');
  return { source, flags: [...flags].sort().join('') };
}

/** A column name as the filter language reads it back: bare when it can be, else quoted with its escapes. */
export function nameText(name: string): string {
  if (/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) && !isKeyword(name)) return name;
  // eslint-disable-next-line no-control-regex -- control characters are what gets escaped
  const escaped = name.replace(/["\\\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === '"') return '""';
    if (c === '\\') return '\\\\';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

/** How far a Parquet column's min/max can be trusted as bounds (Arrow files have none). */
function statsTrust(field: FieldInfo, kind: ColumnKind): StatsTrust {
  if (field.physicalType === 'INT96') return 'none';
  if ((field.physicalType === 'FIXED_LEN_BYTE_ARRAY' || field.physicalType === 'BYTE_ARRAY') && kind.family !== 'bytes') return 'exact';
  return 'any';
}

// The characters a regex reads as syntax (and '/'): with the u flag any other escape, '\-' among them, is an error.
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The parsed expression checked against the file's schema and typed: every column exists and can be
 * compared, every value fits its column's type (a string column with a number is an error naming both).
 * Throws FilterSyntaxError pointing at the offending token.
 */
export function bindFilter(text: string, expr: FilterExpr, fields: readonly FieldInfo[], schema: Schema): BoundFilter {
  const used: number[] = [];
  const fail = (message: string, span: Span): never => {
    const at = positionOf(text, span.offset);
    throw new FilterSyntaxError(message.replace('@', `at ${whereText(at)}`), at, Math.max(1, span.length));
  };

  const dictionaries = new Set<number>();
  /** The column named, and the kind its values compare by; `nullsOnly` (IS [NOT] NULL): any column whose validity holds its nulls. */
  const resolve = (c: ColumnName, nullsOnly = false): { index: number; kind: ColumnKind; type: string } => {
    if (c.position !== undefined && !(c.position < fields.length)) fail(`there is no column ${c.name} @: the file has ${fields.length.toLocaleString('en-US')}, #0 to #${fields.length - 1}`, c.span);
    let index = c.position ?? fields.findIndex((f) => f.name === c.name);
    if (index < 0) {
      const near = closeNames(c.name, fields.map((f) => f.name));
      const hint = near.length ? `; did you mean ${near.map(nameText).join(' or ')}?` : `; the columns are ${fields.slice(0, 12).map((f) => nameText(f.name)).join(', ')}${fields.length > 12 ? ', …' : ''}`;
      fail(`unknown column "${c.name}" @${hint}`, c.span);
      index = -1;
    }
    const field = fields[index];
    const arrowField = schema.fields[index];
    const type = typeName(arrowField.type, field.extension);
    if (field.unsupported) fail(`column ${c.name} cannot be read (${field.unsupported}) @`, c.span);
    const compared = columnKind(arrowField.type);
    const kind = nullsOnly && ('unsupported' in compared || field.extension) ? (nullsKind(arrowField.type) ?? compared) : compared;
    if (nullsOnly && 'unsupported' in kind && DataType.isUnion(arrowField.type)) {
      fail(`IS NULL does not look at union columns; ${c.name} is ${type} @: a union has no nulls of its own (pyarrow's is_null is false on every row), while the grid shows null where the row's member value is null`, c.span);
    }
    if ('unsupported' in kind || (field.extension && kind.family !== 'nulls')) fail(`column ${c.name} is ${type}: filters compare numbers, strings, binaries, booleans, decimals, dates, times and timestamps @`, c.span);
    if (!used.includes(index)) used.push(index);
    if (DataType.isDictionary(arrowField.type)) dictionaries.add(index);
    return { index, kind: kind as ColumnKind, type };
  };

  type Coerced = { value: Scalar; op: CompareOp } | { always: boolean };

  /** A literal as a value of the column's kind for `column op literal`. */
  const coerce = (col: ColumnName, kind: ColumnKind, type: string, op: CompareOp, v: Literal): Coerced => {
    const mismatch = (hint: string): never => fail(`cannot compare ${col.name} (${type}) with ${literalText(v)} @${hint}`, v.span);
    if (v.kind === 'null') fail(`a comparison with null is never true: write ${col.name} IS NULL or ${col.name} IS NOT NULL @`, v.span);
    const fromInteger = (r: Rational, wide: boolean): Coerced => {
      const t = integerTest(op, r);
      return 'always' in t ? t : { op: t.op, value: wide ? t.value : Number(t.value) };
    };
    switch (kind.family) {
      case 'bool':
        if (v.kind !== 'bool') return mismatch('; write true or false');
        return { op, value: v.value ? 1 : 0 };
      case 'int':
      case 'float':
      case 'decimal': {
        if (v.kind === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v.value)) return mismatch(`; write the number without quotes: ${v.value.trim()}`);
        if (v.kind !== 'number') return mismatch('');
        if (kind.family === 'float') return { op, value: Number(v.text) };
        const r = parseNumber(v.text);
        if (kind.family === 'int') return fromInteger(r, kind.wide);
        const shift = 10n ** BigInt(Math.abs(kind.scale));
        return fromInteger(kind.scale >= 0 ? { num: r.num * shift, den: r.den } : { num: r.num, den: r.den * shift }, true);
      }
      case 'bytes':
        if (v.kind === 'bytes') return { op, value: v.value };
        if (v.kind !== 'string') return mismatch(v.kind === 'number' ? `; write the value in quotes: '${v.text}'` : '');
        return { op, value: utf8.encode(v.value) };
      case 'nulls':
        return mismatch('; only IS NULL and IS NOT NULL look at this column');
      default: {
        const example = kind.family === 'time' ? "'13:45:00'" : kind.family === 'date' ? "'2016-01-01'" : "'2016-01-01 12:00:00'";
        if (v.kind !== 'string') return mismatch(`; write the ${kind.family} as a string: ${example}`);
        let ns: bigint | null;
        if (kind.family === 'time') {
          ns = parseTimeOfDay(v.value);
        } else {
          const t = parseDateTime(v.value);
          if (t && t.offset && kind.family === 'timestamp' && kind.zone === null) fail(`${col.name} (${type}) has no time zone: write '${v.value.replace(/\s*(Z|UTC|[+-]\d[\d:]*)$/i, '')}' without the offset @`, v.span);
          ns = t ? t.ns : null;
        }
        if (ns === null) return mismatch(`: it is not a ${kind.family === 'timestamp' ? 'date or timestamp' : kind.family} (write ${example})`);
        return fromInteger({ num: ns, den: kind.nsPerUnit }, kind.wide);
      }
    }
  };

  const leaf = (column: number, kind: ColumnKind, test: LeafTest): BoundExpr => ({ kind: 'leaf', column, columnKind: kind, dictionary: dictionaries.has(column), statistics: statsTrust(fields[column], kind), leaf: test });
  const compareLeaf = (col: ColumnName, op: CompareOp, v: Literal): BoundExpr => {
    const { index, kind, type } = resolve(col);
    const c = coerce(col, kind, type, op, v);
    return leaf(index, kind, 'always' in c ? { test: 'const', value: c.always } : { test: 'compare', op: c.op, value: c.value });
  };

  const bind = (e: FilterExpr): BoundExpr => {
    switch (e.kind) {
      case 'and':
      case 'or':
        return { kind: e.kind, left: bind(e.left), right: bind(e.right) };
      case 'not':
        return { kind: 'not', operand: bind(e.operand) };
      case 'compare':
        return compareLeaf(e.column, e.op, e.value);
      case 'between':
        return { kind: 'and', left: compareLeaf(e.column, '>=', e.low), right: compareLeaf(e.column, '<=', e.high) };
      case 'in': {
        const { index, kind, type } = resolve(e.column);
        const values: Scalar[] = [];
        let nullInList = false;
        for (const v of e.values) {
          if (v.kind === 'null') {
            nullInList = true;
            continue;
          }
          const c = coerce(e.column, kind, type, '=', v);
          if ('value' in c) values.push(c.value);
        }
        return leaf(index, kind, { test: 'in', values, nullInList });
      }
      case 'isNull': {
        const { index, kind } = resolve(e.column, true);
        return leaf(index, kind, { test: 'isNull', negated: e.negated });
      }
      case 'isTrue': {
        const { index, kind, type } = resolve(e.column);
        if (kind.family !== 'bool') fail(`${e.column.name} is ${type}, not bool: a column alone is a condition only when it is bool; compare it with a value (${e.column.name} = …) @`, e.column.span);
        return leaf(index, kind, { test: 'compare', op: '=', value: 1 });
      }
      case 'text': {
        const { index, kind, type } = resolve(e.column);
        const name = { contains: 'CONTAINS', startsWith: 'STARTS WITH', endsWith: 'ENDS WITH', matches: 'MATCHES' }[e.op];
        if (kind.family !== 'bytes') fail(`${e.ignoreCase ? 'I' : ''}${name} needs a string column; ${e.column.name} is ${type} @`, e.opSpan);
        const pattern = e.pattern;
        if (pattern.kind === 'bytes') {
          if (e.op === 'matches' || e.ignoreCase) return fail(`${e.op === 'matches' ? 'MATCHES takes a regular expression in plain quotes' : `I${name} folds the case of text`}, not bytes: compare bytes with ${name === 'MATCHES' ? 'CONTAINS' : name} @`, pattern.span);
          return leaf(index, kind, { test: 'bytes', op: e.op, needle: pattern.value });
        }
        const value = pattern.value;
        if (e.op !== 'matches' && !e.ignoreCase) return leaf(index, kind, { test: 'bytes', op: e.op, needle: utf8.encode(value) });
        const { source, flags } =
          e.op === 'matches' ? regexParts(value, e.ignoreCase) : { source: `${e.op === 'endsWith' ? '' : e.op === 'startsWith' ? '^' : ''}${escapeRegex(value)}${e.op === 'endsWith' ? '$' : ''}`, flags: 'iu' };
        if (/[^imsu]/.test(flags)) fail(`unknown regular expression flag in /…/${flags.replace('u', '')} @; use i, m or s`, e.pattern.span);
        try {
          new RegExp(source, flags);
        } catch (err) {
          fail(`not a valid regular expression @: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`, e.pattern.span);
        }
        return leaf(index, kind, { test: 'regex', source, flags });
      }
    }
  };

  return { text, expr: bind(expr), columns: used };
}

/** Parse and bind in one step: what the engine, the compute pool and the CLI call with the user's text. */
export function compileFilter(text: string, fields: readonly FieldInfo[], schema: Schema): BoundFilter {
  return bindFilter(text, parseFilter(text), fields, schema);
}
