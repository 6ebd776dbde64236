import { FilterSyntaxError, positionOf, whereText } from './filterError';

export type TokenKind = 'word' | 'name' | 'position' | 'string' | 'bytes' | 'number' | 'op' | 'end';

/**
 * One token. `word` is a bare name or keyword (`cand_nm`, `AND`); `name` a double-quoted column name
 * (never a keyword); `string` a single-quoted value; `bytes` X'…' (its hex digits); `op` punctuation (`=`, `<=`, `(`, `,`, `~*`).
 * `text` is the token's value (escapes resolved), `offset`/`length` where it is in the expression.
 */
export interface Token {
  kind: TokenKind;
  text: string;
  offset: number;
  length: number;
}

const OPERATORS = ['<=', '>=', '!=', '<>', '==', '~*', '!~', '=', '<', '>', '~', '(', ')', ','];
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const WORD = /[\p{L}_][\p{L}\p{N}_]*/uy;
/** A column by its 0-based position, `#3`: the one way to name the second of two columns of one name. */
const POSITION = /#\d+/y;
const SPACE = /\s+/y;

function fail(text: string, message: string, offset: number, length = 1): never {
  const at = positionOf(text, offset);
  throw new FilterSyntaxError(message.replace('@', `at ${whereText(at)}`), at, length);
}

/**
 * A double-quoted name: `""` is a quote; a backslash starts an escape, as the CLI's table output
 * writes odd names: `\\` `\"` `\t` `\n` `\r` `\xNN` `\uNNNN` `\u{N…}`.
 */
function quotedName(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const e = text[i + 1];
    const simple: Record<string, string> = { '\\': '\\', '"': '"', t: '\t', n: '\n', r: '\r' };
    if (e !== undefined && e in simple) {
      value += simple[e];
      i += 2;
      continue;
    }
    const hex = e === 'x' ? /^[0-9a-fA-F]{2}/.exec(text.slice(i + 2)) : e === 'u' ? /^(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]{1,6}\})/.exec(text.slice(i + 2)) : null;
    const code = hex ? parseInt(hex[0].replace(/[{}]/g, ''), 16) : NaN;
    if (!hex || code > 0x10ffff) fail(text, `unknown escape "\\${e ?? ''}" in a quoted name @; write \\\\ for a backslash, \\xNN or \\uNNNN for a character`, i, 2);
    value += String.fromCodePoint(code);
    i += 2 + hex[0].length;
  }
  return fail(text, 'unterminated quoted name starting @; close it with "', start);
}

/** A single-quoted string: `''` is a quote; backslashes are plain characters (regular expressions need them). */
function quotedString(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const j = text.indexOf("'", i);
    if (j < 0) break;
    value += text.slice(i, j);
    if (text[j + 1] === "'") {
      value += "'";
      i = j + 2;
      continue;
    }
    return { value, end: j + 1 };
  }
  return fail(text, "unterminated string starting @; close it with ' (write '' for a quote inside)", start);
}

/** The expression's tokens, ending with an `end` token at the text's end. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const at = (re: RegExp) => {
    re.lastIndex = i;
    return re.exec(text);
  };
  while (i < text.length) {
    const space = at(SPACE);
    if (space) {
      i += space[0].length;
      continue;
    }
    const c = text[i];
    if (c === '"' || c === "'") {
      const { value, end } = c === '"' ? quotedName(text, i) : quotedString(text, i);
      tokens.push({ kind: c === '"' ? 'name' : 'string', text: value, offset: i, length: end - i });
      i = end;
      continue;
    }
    const number = at(NUMBER);
    if (number) {
      const word = text.slice(i + number[0].length).match(/^[\p{L}_\d]/u);
      if (word) fail(text, `"${text.slice(i).match(/^[\p{L}\p{N}_.]+/u)?.[0]}" @ is neither a number nor a name; quote a name that starts with a digit: "2016_total"`, i, number[0].length + 1);
      tokens.push({ kind: 'number', text: number[0], offset: i, length: number[0].length });
      i += number[0].length;
      continue;
    }
    const position = at(POSITION);
    if (position) {
      tokens.push({ kind: 'position', text: position[0], offset: i, length: position[0].length });
      i += position[0].length;
      continue;
    }
    const word = at(WORD);
    if (word && (word[0] === 'X' || word[0] === 'x') && text[i + 1] === "'") {
      const { value, end } = quotedString(text, i + 1);
      if (!/^(?:[0-9a-fA-F]{2})*$/.test(value)) fail(text, "X'…' @ holds bytes as pairs of hex digits (X'ff00'); write text in plain quotes", i, end - i);
      tokens.push({ kind: 'bytes', text: value.toLowerCase(), offset: i, length: end - i });
      i = end;
      continue;
    }
    if (word) {
      tokens.push({ kind: 'word', text: word[0], offset: i, length: word[0].length });
      i += word[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op === undefined && c === '-') {
      tokens.push({ kind: 'op', text: '-', offset: i, length: 1 });
      i++;
      continue;
    }
    if (op === undefined) {
      const cp = String.fromCodePoint(text.codePointAt(i) ?? 0);
      fail(text, `unexpected character "${cp}" @`, i, cp.length);
    }
    tokens.push({ kind: 'op', text: op, offset: i, length: op.length });
    i += op.length;
  }
  tokens.push({ kind: 'end', text: '', offset: text.length, length: 0 });
  return tokens;
}
