import type { RowGroup } from 'hyparquet';
import type { DatasetProblem } from '../model/errors';
import type { FieldInfo } from '../model/types';
import type { ColumnSubset } from './columnSubset';
import { isInt96Column } from './int96';

/** Marks encrypted columns as unsupported; returns the problem to report if there are any. */
function markEncryptedColumns(rg: RowGroup | undefined, subsets: ColumnSubset[], fields: FieldInfo[]): DatasetProblem | undefined {
  if (!rg) return undefined;
  subsets.forEach((s, i) => {
    if (rg.columns.slice(s.firstLeaf, s.firstLeaf + s.leaves).some((c) => !c.meta_data || c.crypto_metadata)) {
      fields[i].unsupported = 'encrypted; a key is required';
    }
  });
  if (fields.some((f) => f.unsupported)) {
    return { message: 'Some columns are encrypted; a key is required to read them.', where: {}, stillWorks: 'The plaintext footer shows the schema, row groups and sizes.' };
  }
  return undefined;
}

/** INT96 nested inside a group would be converted by parquet-wasm with wrapping dates: refuse it. */
function markNestedInt96(subsets: ColumnSubset[], fields: FieldInfo[]): void {
  subsets.forEach((s, i) => {
    if (!isInt96Column(s) && s.elements.some((e) => e.type === 'INT96')) {
      fields[i].unsupported ??= 'INT96 timestamps inside nested types are not decoded (the Parquet decoder wraps dates outside 1677–2262)';
    }
  });
}

/**
 * Sets `unsupported` on the fields the footer alone shows cannot be read (`firstRowGroup`: the first
 * row group listing column chunks, as an empty one may list none); returns the problems to report.
 */
export function markUnsupportedColumns(firstRowGroup: RowGroup | undefined, subsets: ColumnSubset[], fields: FieldInfo[]): DatasetProblem[] {
  const encrypted = markEncryptedColumns(firstRowGroup, subsets, fields);
  markNestedInt96(subsets, fields);
  return encrypted ? [encrypted] : [];
}
