import type { FieldInfo } from '../worker/protocol';

/** One key of the Data view's row order: a top-level column by index. */
export interface RowSortKey {
  column: number;
  descending: boolean;
}

/**
 * The keys of a row order written in the CLI's `--sort` syntax (`col[:desc][,col2]`), as the engine
 * reads it: each part an exact column name or `#N`. Parts naming no column are left out.
 */
export function parseRowSort(spec: string | null, fields: readonly FieldInfo[]): RowSortKey[] {
  if (!spec) return [];
  const keys: RowSortKey[] = [];
  for (const part of spec.split(',')) {
    const m = /^(.*?)(?::(asc|desc))?$/i.exec(part.trim());
    if (!m) continue;
    let column = fields.findIndex((f) => f.name === m[1]);
    const index = /^#(\d+)$/.exec(m[1]);
    if (column < 0 && index && Number(index[1]) < fields.length) column = Number(index[1]);
    if (column >= 0) keys.push({ column, descending: (m[2] ?? '').toLowerCase() === 'desc' });
  }
  return keys;
}

/** A column as the syntax can hold it: its name, or `#N` for a name with a comma, a colon, outer spaces or the look of `#N`. */
function columnText(column: number, fields: readonly FieldInfo[]): string {
  const name = fields[column].name;
  const plain = name !== '' && !/[,:]/.test(name) && name.trim() === name && !/^#\d+$/.test(name);
  return plain ? name : `#${column}`;
}

/** Keys as the CLI's `--sort` text (null for none). */
export function rowSortText(keys: readonly RowSortKey[], fields: readonly FieldInfo[]): string | null {
  if (!keys.length) return null;
  return keys.map((k) => `${columnText(k.column, fields)}${k.descending ? ':desc' : ''}`).join(',');
}

/** `keys` with `column` as the last key (moved there if it already was one), in direction `descending`. */
export function withSortKey(keys: readonly RowSortKey[], column: number, descending: boolean): RowSortKey[] {
  return [...keys.filter((k) => k.column !== column), { column, descending }];
}

/** How a header shows its column's place in the order: ↑ or ↓, numbered when there are several keys. */
export function sortMark(keys: readonly RowSortKey[], column: number): string | undefined {
  const at = keys.findIndex((k) => k.column === column);
  if (at < 0) return undefined;
  return `${keys[at].descending ? '↓' : '↑'}${keys.length > 1 ? at + 1 : ''}`;
}

/** "contb_receipt_amt ↓, cand_nm ↑" */
export function sortKeysText(keys: readonly RowSortKey[], fields: readonly FieldInfo[]): string {
  return keys.map((k) => `${fields[k.column]?.name ?? `#${k.column}`} ${k.descending ? '↓' : '↑'}`).join(', ');
}
