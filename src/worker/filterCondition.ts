import { DatasetError } from '../model/errors';
import type { Dataset } from '../model/types';
import { compileFilter, FilterSyntaxError } from '../compute/filter';
import { nameText } from '../compute/filter/bindFilter';
import { columnKind } from '../compute/filter/columnKind';
import { chunkOfRow } from '../compute/rowLocator';
import { escapedTextBytes, hexText, vectorText } from '../valueText';
import { roundToHalf } from '../valueText/float16';
import type { ConditionOp } from './protocol';

/** The column as the filter language names it: by name, or `#3` where another column has its name (a name binds the first). */
function columnText(dataset: Dataset, column: number): string {
  const { name } = dataset.fields[column];
  return dataset.fields.some((f, i) => i !== column && f.name === name) ? `#${column}` : nameText(name);
}

const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;
const hexLiteral = (bytes: Uint8Array) => `X'${hexText(bytes)}'`;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A condition of the filter language built by clicking, for the page to put in the filter's text box:
 * `name IS NULL`, or `name = value` with the value read from file row `row` of the column and written
 * as the language reads it back (strings quoted, bytes that are not UTF-8 as X'hex', numbers and decimals
 * exact, dates and times as text), or `name = ` (op `column`) to type the value after. Checked against the
 * file's columns before it is given; a value that cannot be written (NaN, a list) is a DatasetError.
 */
export async function filterCondition(dataset: Dataset, column: number, op: ConditionOp, row?: number, signal?: AbortSignal): Promise<string> {
  const field = dataset.fields[column];
  if (!field) throw new DatasetError(`There is no column ${column}.`);
  const name = columnText(dataset, column);
  if (op === 'column') return `${name} = `;
  if (op === 'isNull') return check(dataset, `${name} IS NULL`);
  if (op === 'isNotNull') return check(dataset, `${name} IS NOT NULL`);
  const kind = columnKind(dataset.schema.fields[column].type);
  if ('unsupported' in kind) throw new DatasetError(`A filter cannot compare values of ${kind.unsupported} ("${field.name}").`, { column: field.name });
  if (row === undefined || !Number.isSafeInteger(row) || row < 0) throw new DatasetError('No row was given to take the value from.');
  await dataset.indexed;
  const chunk = chunkOfRow(dataset.chunks, row);
  if (chunk < 0) throw new DatasetError(`There is no row ${row.toLocaleString('en-US')}.`);
  const local = row - dataset.chunks[chunk].rowOffset;
  const vector = await dataset.readColumn(chunk, column, { start: local, end: local + 1 }, signal);
  const value: unknown = vector.get(0);
  if (value === null || value === undefined) return check(dataset, `${name} IS ${op === '=' ? '' : 'NOT '}NULL`);
  let literal: string;
  if (kind.family === 'bytes') {
    if (typeof value === 'string') literal = quoted(value);
    else {
      try {
        literal = quoted(utf8.decode(value as Uint8Array));
      } catch {
        literal = hexLiteral(value as Uint8Array);
      }
    }
  } else if (kind.family === 'float') {
    const x = Number(value);
    if (!Number.isFinite(x)) throw new DatasetError(`${String(x)} cannot be written in a filter ("${field.name}").`, { column: field.name });
    literal = String(x);
  } else {
    const text = vectorText(vector, field.extension)[0];
    if (typeof text !== 'string') throw new DatasetError(`This value of "${field.name}" cannot be read.`, { column: field.name });
    literal = kind.family === 'int' || kind.family === 'decimal' || kind.family === 'bool' ? text : quoted(text);
  }
  return check(dataset, `${name} ${op} ${literal}`);
}

/**
 * The find bar's "column contains X" in the filter language, by the column's type (a dictionary's by its
 * values): `name ICONTAINS 'x'` for text and bytes (case-insensitive; for bytes, escapes as a binary cell
 * shows them also find the bytes they stand for), `name = x` for numbers, decimals and
 * booleans, `name = 'x'` for dates, times and timestamps (read from their text). A column a filter cannot
 * compare (a list, a duration) is a DatasetError saying so.
 */
export function findCondition(dataset: Dataset, column: number, needle: string): string {
  const field = dataset.fields[column];
  if (!field) throw new DatasetError(`There is no column ${column}.`);
  const name = columnText(dataset, column);
  const kind = columnKind(dataset.schema.fields[column].type);
  if ('unsupported' in kind) {
    throw new DatasetError(
      `Find cannot look in "${field.name}", a ${field.type} column: it compares numbers, text, bytes, booleans, decimals, dates, times and timestamps.`,
      { column: field.name },
      'Another column, or a WHERE expression on this one (IS NULL), can be searched.',
    );
  }
  if (kind.family === 'bytes') {
    // A binary cell that is not text shows escapes (\xff): typed back, they find those bytes too.
    const bytes = escapedTextBytes(needle);
    return bytes ? `(${name} ICONTAINS ${quoted(needle)} OR ${name} CONTAINS ${hexLiteral(bytes)})` : `${name} ICONTAINS ${quoted(needle)}`;
  }
  if (kind.family === 'float' && (kind.single || kind.half)) {
    // A float32 cell shows 0.1 for the float nearest 0.1, which the double 0.1 is not: the needle is rounded to the column's width.
    const x = Number(needle.trim());
    if (needle.trim() && Number.isFinite(x)) return `${name} = ${String(kind.half ? roundToHalf(x) : Math.fround(x))}`;
  }
  if (kind.family === 'int' || kind.family === 'float' || kind.family === 'decimal' || kind.family === 'bool') return `${name} = ${needle.trim()}`;
  return `${name} = ${quoted(needle.trim())}`;
}

function check(dataset: Dataset, text: string): string {
  try {
    compileFilter(text, dataset.fields, dataset.schema);
  } catch (e) {
    if (e instanceof FilterSyntaxError) throw new DatasetError(`The condition ${text} cannot be written for this column: ${e.message}`);
    throw e;
  }
  return text;
}
