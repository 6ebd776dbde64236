import type { Dataset, FieldInfo } from '../model/types';
import { escapeText } from './escapeText';
import { InputError } from './errors';
import { n } from './numbers';

/** A column named on the command line: a top-level column, or a field inside struct columns. */
export interface ColumnRef {
  /** Top-level column index. */
  column: number;
  /** Child indices from the top-level column down to the field (empty for a top-level column). */
  path: number[];
  /** The field's name, or its names from the top joined by '.' (exact, for JSON and CSV headers). */
  name: string;
  /** Every name on the way down, exact. */
  names: string[];
  field: FieldInfo;
}

const INDEX = /^#(\d+)$/;

/** The fields a name matches, in order of preference: the exact name, then the name as text output escapes it. */
function byName(fields: readonly FieldInfo[], name: string): number {
  const exact = fields.findIndex((f) => f.name === name);
  return exact >= 0 ? exact : fields.findIndex((f) => escapeText(f.name) === name && f.name !== name);
}

function byIndex(fields: readonly FieldInfo[], text: string, parent: string | null): number {
  const m = text.match(INDEX);
  if (!m) return -1;
  const i = Number(m[1]);
  if (i >= fields.length) {
    const where = parent === null ? 'the file has' : `"${parent}" has`;
    throw new InputError(`No column #${m[1]}: ${where} ${n(fields.length)} ${parent === null ? 'columns' : 'fields'}${fields.length ? ` (#0–#${fields.length - 1})` : ''}.`);
  }
  return i;
}

function listNames(fields: readonly FieldInfo[]): string {
  const shown = fields.slice(0, 20).map((f) => f.name);
  return `${shown.join(', ')}${fields.length > shown.length ? `, … ${n(fields.length - shown.length)} more` : ''}`;
}

/**
 * The column a command-line reference names. Tried in order: the exact name of a top-level column
 * (or its escaped form, as text output shows names with control characters), `#N` (0-based index),
 * then a path into struct fields (`a.b`, each step a name or `#N`), dots inside names allowed.
 */
export function resolveColumn(dataset: Dataset, ref: string): ColumnRef {
  const top = byName(dataset.fields, ref);
  if (top >= 0) return { column: top, path: [], name: dataset.fields[top].name, names: [dataset.fields[top].name], field: dataset.fields[top] };
  const indexed = byIndex(dataset.fields, ref, null);
  if (indexed >= 0) return { column: indexed, path: [], name: dataset.fields[indexed].name, names: [dataset.fields[indexed].name], field: dataset.fields[indexed] };
  const blocked: FieldInfo[] = [];
  const found = resolvePath(dataset.fields, ref.split('.'), null, blocked);
  if (found) {
    let field = dataset.fields[found[0]];
    const names = [field.name];
    for (const k of found.slice(1)) {
      field = field.children[k];
      names.push(field.name);
    }
    return { column: found[0], path: found.slice(1), name: names.join('.'), names, field };
  }
  if (blocked.length) {
    const field = blocked[0];
    throw new InputError(`Column "${field.name}" is ${field.typeId === 'struct' ? 'a struct' : `of type ${typeText(field)}`}: only the fields of a struct can be named by path.`);
  }
  throw new InputError(`No column named "${ref}". Columns: ${listNames(dataset.fields)} (or name one as #0–#${dataset.fields.length - 1}, a struct's field as a.b).`);
}

const typeText = (f: FieldInfo) => (f.type.length > 80 ? `${f.type.slice(0, 80)}…` : f.type);

/**
 * Indices down the struct fields matching `steps` (the longest name first, since names may hold
 * dots), or null. A field matched with steps left over that is not a struct goes to `blocked`.
 */
function resolvePath(fields: readonly FieldInfo[], steps: string[], parent: FieldInfo | null, blocked: FieldInfo[]): number[] | null {
  for (let k = steps.length; k >= 1; k--) {
    const head = steps.slice(0, k).join('.');
    let i = byName(fields, head);
    if (i < 0 && k === 1) i = byIndex(fields, head, parent?.name ?? null);
    if (i < 0) continue;
    if (k === steps.length) return [i];
    const field = fields[i];
    if (field.typeId !== 'struct') {
      blocked.push(field);
      continue;
    }
    const rest = resolvePath(field.children, steps.slice(k), field, blocked);
    if (rest) return [i, ...rest];
  }
  return null;
}
