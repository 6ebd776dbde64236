import type { RowGroup } from 'hyparquet';
import type { DatasetProblem } from '../model/errors';
import type { FieldInfo } from '../model/types';
import type { ColumnSubset } from './columnSubset';

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

/**
 * Sets `unsupported` on the fields the footer alone shows cannot be read (`firstRowGroup`: the first
 * row group listing column chunks, as an empty one may list none); returns the problems to report.
 */
export function markUnsupportedColumns(firstRowGroup: RowGroup | undefined, subsets: ColumnSubset[], fields: FieldInfo[]): DatasetProblem[] {
  const encrypted = markEncryptedColumns(firstRowGroup, subsets, fields);
  return encrypted ? [encrypted] : [];
}
