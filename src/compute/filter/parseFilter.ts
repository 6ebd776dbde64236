import type { ColumnName, CompareOp, FilterExpr, Literal, Span, TextOp } from './ast';
import { FilterSyntaxError, positionOf, whereText } from './filterError';
import { tokenize, type Token } from './tokens';
import { hexBytes } from '../../valueText';

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'BETWEEN', 'IN', 'IS', 'NULL', 'TRUE', 'FALSE', 'CONTAINS', 'ICONTAINS', 'STARTS', 'ISTARTS', 'ENDS', 'IENDS', 'WITH', 'MATCHES', 'IMATCHES']);
/** A word the language reserves: a column of that name is written quoted. */
export const isKeyword = (word: string): boolean => KEYWORDS.has(word.toUpperCase());

const COMPARE: Record<string, CompareOp> = { '=': '=', '==': '=', '!=': '!=', '<>': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const TEXT_OPS: Record<string, { op: TextOp; ignoreCase: boolean; with: boolean }> = {
  CONTAINS: { op: 'contains', ignoreCase: false, with: false },
  ICONTAINS: { op: 'contains', ignoreCase: true, with: false },
  STARTS: { op: 'startsWith', ignoreCase: false, with: true },
  ISTARTS: { op: 'startsWith', ignoreCase: true, with: true },
  ENDS: { op: 'endsWith', ignoreCase: false, with: true },
  IENDS: { op: 'endsWith', ignoreCase: true, with: true },
  MATCHES: { op: 'matches', ignoreCase: false, with: false },
  IMATCHES: { op: 'matches', ignoreCase: true, with: false },
};
const PREDICATES = '=, !=, <, <=, >, >=, BETWEEN, IN, IS NULL, CONTAINS, STARTS WITH, ENDS WITH, MATCHES or ~';

const spanOf = (t: Token): Span => ({ offset: t.offset, length: t.length });

/** How a token reads in an error: `"AND"`, `'x'`, `end of expression`. */
function shown(t: Token): string {
  if (t.kind === 'end') return 'end of expression';
  if (t.kind === 'string') return `'${t.text.replace(/'/g, "''")}'`;
  if (t.kind === 'bytes') return `X'${t.text}'`;
  if (t.kind === 'name') return `"${t.text}"`;
  return `"${t.text}"`;
}

/**
 * A tiny recursive-descent parser for the WHERE language (README, "Filter"):
 *
 *   expr      := and (OR and)*
 *   and       := not (AND not)*
 *   not       := NOT not | primary
 *   primary   := '(' expr ')' | column [predicate]
 *   predicate := compare value | [NOT] BETWEEN value AND value | [NOT] IN '(' value (',' value)* ')'
 *              | IS [NOT] NULL | [NOT] text-op (string | X'hex') | ('~' | '~*' | '!~') string
 *   text-op   := [I]CONTAINS | [I]STARTS WITH | [I]ENDS WITH | [I]MATCHES
 *   value     := 'string' | X'hex' | number | -number | TRUE | FALSE | NULL
 *
 * Keywords are case-insensitive; a column named like one is written quoted ("in").
 */
export function parseFilter(text: string): FilterExpr {
  const tokens = tokenize(text);
  let k = 0;
  const peek = () => tokens[k];
  const next = () => tokens[k++];
  const isWord = (t: Token, ...words: string[]) => t.kind === 'word' && words.includes(t.text.toUpperCase());
  const isOp = (t: Token, ...ops: string[]) => t.kind === 'op' && ops.includes(t.text);
  const fail = (message: string, t: Token): never => {
    const at = positionOf(text, t.offset);
    throw new FilterSyntaxError(`${message} at ${whereText(at)}${t.kind === 'end' ? '' : `, found ${shown(t)}`}`, at, Math.max(1, t.length));
  };

  const value = (after: string): Literal => {
    const t = next();
    if (t.kind === 'string') return { kind: 'string', value: t.text, span: spanOf(t) };
    if (t.kind === 'bytes') return { kind: 'bytes', value: hexBytes(t.text), span: spanOf(t) };
    if (t.kind === 'number') return { kind: 'number', text: t.text, span: spanOf(t) };
    if (isOp(t, '-') && peek().kind === 'number' && peek().offset === t.offset + 1) {
      const n = next();
      return { kind: 'number', text: `-${n.text}`, span: { offset: t.offset, length: n.offset + n.length - t.offset } };
    }
    if (isWord(t, 'TRUE', 'FALSE')) return { kind: 'bool', value: t.text.toUpperCase() === 'TRUE', span: spanOf(t) };
    if (isWord(t, 'NULL')) return { kind: 'null', span: spanOf(t) };
    // The grid shows nan, inf and -inf, so they get pasted into filters.
    if (isWord(t, 'NAN', 'INF', 'INFINITY') || (isOp(t, '-') && isWord(peek(), 'INF', 'INFINITY'))) {
      return fail(`nan and inf cannot be written as values (compare with a finite number: x > 1e308 matches inf, x < -1e308 matches -inf; nan matches no comparison, as in pyarrow)`, t);
    }
    return fail(`expected a value after ${after}`, t);
  };

  const stringValue = (after: string): Literal & { kind: 'string' | 'bytes' } => {
    const t = next();
    if (t.kind === 'bytes') return { kind: 'bytes', value: hexBytes(t.text), span: spanOf(t) };
    if (t.kind !== 'string') return fail(`${after} takes a string in single quotes`, t);
    return { kind: 'string', value: t.text, span: spanOf(t) };
  };

  const column = (): ColumnName => {
    const t = next();
    if (t.kind === 'name') return { name: t.text, span: spanOf(t) };
    if (t.kind === 'position') return { name: t.text, position: Number(t.text.slice(1)), span: spanOf(t) };
    if (t.kind === 'word' && !KEYWORDS.has(t.text.toUpperCase())) return { name: t.text, span: spanOf(t) };
    if (t.kind === 'word') return fail(`expected a column name (${t.text.toUpperCase()} is a keyword; quote a column of that name: "${t.text}")`, t);
    if (t.kind === 'string') return fail('expected a column name (names are in double quotes, values in single quotes)', t);
    return fail('expected a column name', t);
  };

  const predicate = (col: ColumnName): FilterExpr => {
    const t = peek();
    if (t.kind === 'op' && t.text in COMPARE) {
      next();
      return { kind: 'compare', column: col, op: COMPARE[t.text], value: value(t.text), opSpan: spanOf(t) };
    }
    if (isOp(t, '~', '~*', '!~')) {
      next();
      const e: FilterExpr = { kind: 'text', column: col, op: 'matches', ignoreCase: t.text === '~*', pattern: stringValue(t.text), opSpan: spanOf(t) };
      return t.text === '!~' ? { kind: 'not', operand: e } : e;
    }
    if (isWord(t, 'IS')) {
      next();
      const negated = isWord(peek(), 'NOT');
      if (negated) next();
      if (!isWord(peek(), 'NULL')) fail(`expected NULL after IS${negated ? ' NOT' : ''}`, peek());
      next();
      return { kind: 'isNull', column: col, negated };
    }
    const negated = isWord(t, 'NOT');
    if (negated) next();
    const w = peek();
    let e: FilterExpr;
    if (isWord(w, 'BETWEEN')) {
      next();
      const low = value('BETWEEN');
      if (!isWord(peek(), 'AND')) fail('expected AND between the two values of BETWEEN', peek());
      next();
      e = { kind: 'between', column: col, low, high: value('BETWEEN … AND') };
    } else if (isWord(w, 'IN')) {
      next();
      if (!isOp(peek(), '(')) fail('expected ( after IN', peek());
      next();
      const values = [value('IN (')];
      while (isOp(peek(), ',')) values.push(value(next().text));
      if (!isOp(peek(), ')')) fail('expected , or ) in the IN list', peek());
      next();
      e = { kind: 'in', column: col, values };
    } else if (w.kind === 'word' && w.text.toUpperCase() in TEXT_OPS) {
      next();
      const spec = TEXT_OPS[w.text.toUpperCase()];
      let name = w.text.toUpperCase();
      if (spec.with) {
        if (!isWord(peek(), 'WITH')) fail(`expected WITH after ${name}`, peek());
        next();
        name += ' WITH';
      }
      e = { kind: 'text', column: col, op: spec.op, ignoreCase: spec.ignoreCase, pattern: stringValue(name), opSpan: spanOf(w) };
    } else {
      return fail(negated ? `expected BETWEEN, IN, CONTAINS, STARTS WITH, ENDS WITH or MATCHES after ${col.name} NOT` : `expected ${PREDICATES} after ${col.name}`, w);
    }
    return negated ? { kind: 'not', operand: e } : e;
  };

  const primary = (): FilterExpr => {
    const t = peek();
    if (isOp(t, '(')) {
      next();
      const e = or();
      if (!isOp(peek(), ')')) fail(`expected ) to close the ( at ${whereText(positionOf(text, t.offset))}`, peek());
      next();
      return e;
    }
    if (t.kind === 'end') return fail('expected a condition', t);
    const col = column();
    const after = peek();
    // A column alone (a boolean column) ends where AND, OR, ) or the end follow.
    if (after.kind === 'end' || isWord(after, 'AND', 'OR') || isOp(after, ')')) return { kind: 'isTrue', column: col };
    return predicate(col);
  };

  const not = (): FilterExpr => {
    if (isWord(peek(), 'NOT')) {
      next();
      return { kind: 'not', operand: not() };
    }
    return primary();
  };

  const and = (): FilterExpr => {
    let left = not();
    while (isWord(peek(), 'AND')) {
      next();
      left = { kind: 'and', left, right: not() };
    }
    return left;
  };

  function or(): FilterExpr {
    let left = and();
    while (isWord(peek(), 'OR')) {
      next();
      left = { kind: 'or', left, right: and() };
    }
    return left;
  }

  if (tokens.length === 1) fail('the filter is empty: write a condition such as cand_nm = \'Obama, Barack\'', tokens[0]);
  const expr = or();
  const rest = peek();
  if (rest.kind !== 'end') fail(isOp(rest, ')') ? 'unmatched )' : 'expected AND, OR or the end of the expression', rest);
  return expr;
}
