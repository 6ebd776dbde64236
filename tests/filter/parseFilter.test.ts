import { describe, expect, it } from 'vitest';
import type { FilterExpr, Literal } from '../../src/compute/filter/ast';
import { FilterSyntaxError, parseFilter } from '../../src/compute/filter';
import { nameText } from '../../src/compute/filter/bindFilter';

const lit = (v: Literal): string =>
  v.kind === 'string' ? `'${v.value}'` : v.kind === 'bytes' ? `[${v.value.join(' ')}]` : v.kind === 'number' ? v.text : v.kind === 'bool' ? String(v.value) : 'null';

/** The tree as an S-expression, to read precedence at a glance. */
function show(e: FilterExpr): string {
  switch (e.kind) {
    case 'and':
    case 'or':
      return `(${e.kind} ${show(e.left)} ${show(e.right)})`;
    case 'not':
      return `(not ${show(e.operand)})`;
    case 'compare':
      return `(${e.op} ${e.column.name} ${lit(e.value)})`;
    case 'between':
      return `(between ${e.column.name} ${lit(e.low)} ${lit(e.high)})`;
    case 'in':
      return `(in ${e.column.name} ${e.values.map(lit).join(' ')})`;
    case 'isNull':
      return `(${e.negated ? 'is-not-null' : 'is-null'} ${e.column.name})`;
    case 'text':
      return `(${e.ignoreCase ? 'i' : ''}${e.op} ${e.column.name} ${lit(e.pattern)})`;
    case 'isTrue':
      return e.column.name;
  }
}

const parsed = (text: string) => show(parseFilter(text));

/** The error's sentence and the position it points at. */
function error(text: string): { message: string; at: string; token: string } {
  try {
    parseFilter(text);
  } catch (e) {
    if (!(e instanceof FilterSyntaxError)) throw e;
    return { message: e.message, at: `${e.at.line}:${e.at.column}`, token: text.slice(e.at.offset, e.at.offset + e.length) };
  }
  throw new Error(`"${text}" parsed`);
}

describe('operators', () => {
  const cases: [string, string][] = [
    ['a = 1', '(= a 1)'],
    ['a == 1', '(= a 1)'],
    ['a != 1', '(!= a 1)'],
    ['a <> 1', '(!= a 1)'],
    ['a < 1', '(< a 1)'],
    ['a <= 1', '(<= a 1)'],
    ['a > 1', '(> a 1)'],
    ['a >= -1.5e3', '(>= a -1.5e3)'],
    ['a = .5', '(= a .5)'],
    ['a = 18446744073709551615', '(= a 18446744073709551615)'],
    ["a = 'it''s'", "(= a 'it's')"],
    ["a = 'back\\slash'", "(= a 'back\\slash')"],
    ['a = true', '(= a true)'],
    ['a = FALSE', '(= a false)'],
    ['a BETWEEN 1 AND 2', '(between a 1 2)'],
    ['a between -1 and 2', '(between a -1 2)'],
    ['a NOT BETWEEN 1 AND 2', '(not (between a 1 2))'],
    ["a IN (1, 'x', null, true)", "(in a 1 'x' null true)"],
    ['a NOT IN (1)', '(not (in a 1))'],
    ['a IS NULL', '(is-null a)'],
    ['a is not null', '(is-not-null a)'],
    ["a CONTAINS 'x'", "(contains a 'x')"],
    ["a ICONTAINS 'x'", "(icontains a 'x')"],
    ["a NOT CONTAINS 'x'", "(not (contains a 'x'))"],
    ["a STARTS WITH 'x'", "(startsWith a 'x')"],
    ["a ISTARTS WITH 'x'", "(istartsWith a 'x')"],
    ["a ENDS WITH 'x'", "(endsWith a 'x')"],
    ["a IENDS WITH 'x'", "(iendsWith a 'x')"],
    ["a MATCHES '^x'", "(matches a '^x')"],
    ["a IMATCHES '^x'", "(imatches a '^x')"],
    ["a ~ '^x'", "(matches a '^x')"],
    ["a ~* '^x'", "(imatches a '^x')"],
    ["a !~ '^x'", "(not (matches a '^x'))"],
    ['flag', 'flag'],
    ['NOT flag', '(not flag)'],
    ['"contbr_nm" = 1', '(= contbr_nm 1)'],
    ['"odd ""name""" = 1', '(= odd "name" 1)'],
    ['"in" = 1', '(= in 1)'],
    ['"nul\\x00 esc\\x1b bidi\\u202e astral\\u{1F600} tab\\t back\\\\" = 1', '(= nul\0 esc\x1b bidi\u202e astral😀 tab\t back\\ 1)'],
    ['straße = 1', '(= straße 1)'],
    ["ts >= '2016-01-01'", "(>= ts '2016-01-01')"],
    ["b = X'00FFab'", '(= b [0 255 171])'],
    ["b = x''", '(= b [])'],
    ["b IN (X'ff', 'ÿ')", "(in b [255] 'ÿ')"],
    ["b CONTAINS X'ff61'", '(contains b [255 97])'],
    ["X = x'01'", '(= X [1])'],
  ];
  for (const [text, tree] of cases) it(text, () => expect(parsed(text)).toBe(tree));
});

describe('precedence', () => {
  it('AND binds tighter than OR, NOT tighter than AND', () => {
    expect(parsed('a = 1 OR b = 2 AND c = 3')).toBe('(or (= a 1) (and (= b 2) (= c 3)))');
    expect(parsed('a = 1 AND b = 2 OR c = 3')).toBe('(or (and (= a 1) (= b 2)) (= c 3))');
    expect(parsed('NOT a = 1 AND b = 2')).toBe('(and (not (= a 1)) (= b 2))');
    expect(parsed('NOT NOT flag')).toBe('(not (not flag))');
  });
  it('left to right within one level, parentheses first', () => {
    expect(parsed('a = 1 OR b = 2 OR c = 3')).toBe('(or (or (= a 1) (= b 2)) (= c 3))');
    expect(parsed('(a = 1 OR b = 2) AND c = 3')).toBe('(and (or (= a 1) (= b 2)) (= c 3))');
    expect(parsed('NOT (a = 1 OR ((b = 2)))')).toBe('(not (or (= a 1) (= b 2)))');
  });
  it("BETWEEN's AND belongs to it", () => {
    expect(parsed('a BETWEEN 1 AND 2 AND b = 3')).toBe('(and (between a 1 2) (= b 3))');
  });
  it('keywords in any case, names as written', () => {
    expect(parsed('Cand_NM = 1 and NOT x is NULL Or y')).toBe('(or (and (= Cand_NM 1) (not (is-null x))) y)');
  });
});

describe('errors point at the offending token', () => {
  const cases: [string, RegExp, string, string][] = [
    ['contb_receipt_amt >= ', /^expected a value after >= at 1:22$/, '1:22', ''],
    ['a >= AND b = 1', /^expected a value after >= at 1:6, found "AND"$/, '1:6', 'AND'],
    ['a = 1 AND', /^expected a condition at 1:10$/, '1:10', ''],
    ['a = 1 b = 2', /^expected AND, OR or the end of the expression at 1:7, found "b"$/, '1:7', 'b'],
    ['(a = 1', /^expected \) to close the \( at 1:1 at 1:7$/, '1:7', ''],
    ['a = 1)', /^unmatched \) at 1:6/, '1:6', ')'],
    ['a 1', /^expected =, !=, <, <=, >, >=, BETWEEN, IN, IS NULL, CONTAINS, STARTS WITH, ENDS WITH, MATCHES or ~ after a at 1:3, found "1"$/, '1:3', '1'],
    ["a = 'open", /^unterminated string starting at 1:5/, '1:5', "'"],
    ['"open = 1', /^unterminated quoted name starting at 1:1/, '1:1', '"'],
    ['"bad\\q" = 1', /^unknown escape "\\q" in a quoted name at 1:5/, '1:5', '\\q'],
    ['a = 1 & b = 2', /^unexpected character "&" at 1:7$/, '1:7', '&'],
    ['a BETWEEN 1 OR 2', /^expected AND between the two values of BETWEEN at 1:13, found "OR"$/, '1:13', 'OR'],
    ['a IN 1, 2', /^expected \( after IN at 1:6/, '1:6', '1'],
    ['a IN (1 2)', /^expected , or \) in the IN list at 1:9/, '1:9', '2'],
    ['a IN ()', /^expected a value after IN \( at 1:7/, '1:7', ')'],
    ['h = -inf', /^nan and inf cannot be written as values \(compare with a finite number: x > 1e308 matches inf, x < -1e308 matches -inf; nan matches no comparison, as in pyarrow\) at 1:5, found "-"$/, '1:5', '-'],
    ['h != nan', /^nan and inf cannot be written as values .* at 1:6, found "nan"$/, '1:6', 'nan'],
    ['h IN (1, Inf)', /^nan and inf cannot be written as values .* at 1:10, found "Inf"$/, '1:10', 'Inf'],
    ['a IS 1', /^expected NULL after IS at 1:6/, '1:6', '1'],
    ['a IS NOT', /^expected NULL after IS NOT at 1:9$/, '1:9', ''],
    ['a STARTS x', /^expected WITH after STARTS at 1:10/, '1:10', 'x'],
    ['a CONTAINS 1', /^CONTAINS takes a string in single quotes at 1:12/, '1:12', '1'],
    ['a ~ x', /^~ takes a string in single quotes at 1:5/, '1:5', 'x'],
    ["b = X'f'", /^X'…' at 1:5 holds bytes as pairs of hex digits \(X'ff00'\); write text in plain quotes$/, '1:5', "X'f'"],
    ["b = X'zz'", /^X'…' at 1:5 holds bytes as pairs of hex digits/, '1:5', "X'zz'"],
    ['a NOT = 1', /^expected BETWEEN, IN, CONTAINS, STARTS WITH, ENDS WITH or MATCHES after a NOT at 1:7/, '1:7', '='],
    ['AND = 1', /^expected a column name \(AND is a keyword; quote a column of that name: "AND"\) at 1:1/, '1:1', 'AND'],
    ["'a' = 1", /^expected a column name \(names are in double quotes, values in single quotes\) at 1:1/, '1:1', "'a'"],
    ['2016_total > 1', /^"2016_total" at 1:1 is neither a number nor a name/, '1:1', '2016_'],
    ['', /^the filter is empty/, '1:1', ''],
    ['a = - 1', /^expected a value after = at 1:5, found "-"$/, '1:5', '-'],
    ['a = 1 AND\n  b >', /^expected a value after > at 2:6$/, '2:6', ''],
    ['"😀" = 1 AND 😀', /^unexpected character "😀" at 1:13$/, '1:13', '😀'],
  ];
  for (const [text, message, at, token] of cases) {
    it(JSON.stringify(text), () => {
      const e = error(text);
      expect(e.message).toMatch(message);
      expect(e.at).toBe(at);
      if (token) expect(e.token).toBe(token);
    });
  }
});

describe('names written back by nameText parse to the same name', () => {
  const names = ['plain', 'with space', 'odd "q"', 'back\\slash', 'nul\0name', 'esc\x1b[2J', 'rtl\u202egnp', 'a.b', '2016_total', 'AND', 'straße', '😀'];
  for (const name of names) {
    it(JSON.stringify(name), () => {
      const e = parseFilter(`${nameText(name)} = 1`);
      expect(e.kind === 'compare' && e.column.name).toBe(name);
    });
  }
});
