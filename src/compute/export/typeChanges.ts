import { Field } from 'apache-arrow';
import { fixedSizeLists } from '../../model/childMetadata';
import type { Dataset } from '../../model/types';
import { fieldTypeName } from '../../valueText/typeName';
import type { ExportFormat } from './exportTypes';
import { parquetType } from './parquetWriter';
import { takenType } from './takeData';

/** A map's entries field name, which pyarrow prints in parentheses ("map<string, int32 ('m')>"): not a change of type. */
const entriesName = / \('[^']*'\)/g;

/**
 * The columns an Arrow or Parquet export writes in another type than the one shown: where the file's
 * stored Arrow schema names a type its Parquet columns decode to something else (fixed_size_list as
 * list, string_view as string, decimal32 as decimal128, an extension as its storage, INT96 as
 * timestamp[us]), the export writes the decoded type; list views and run-end encoded columns are
 * written in the types the writers take (takenType); Parquet holds some types in another (parquetType:
 * date64 as date32, a dictionary of numbers as the numbers, fixed_size_list as list). One sentence per column.
 */
export function writtenTypeChanges(dataset: Dataset, columns: readonly number[], format: ExportFormat): string[] {
  if (format === 'csv') return [];
  const notes: string[] = [];
  for (const c of columns) {
    const shown = dataset.fields[c]?.type;
    const field = dataset.schema.fields[c];
    if (!shown || !field) continue;
    const taken = takenType(field.type);
    const decoded = fieldTypeName(taken === field.type ? field : new Field(field.name, taken, field.nullable, field.metadata));
    const converted = format === 'parquet' ? parquetType(taken) : taken;
    if (converted !== taken) {
      const written = fieldTypeName(new Field(field.name, converted, field.nullable, field.metadata));
      const why = fixedSizeLists(taken) > 0 ? 'written so for pyarrow (it cannot read a fixed_size_list back from Parquet once a list, or a struct above it, is null; the same values)' : 'Parquet holds it so (as pyarrow writes it; the same values)';
      notes.push(`Column "${field.name}" is written as ${written}, not ${shown} as shown: ${why}.`);
      continue;
    }
    if (decoded.replace(entriesName, '') === shown.replace(entriesName, '')) continue;
    notes.push(`Column "${field.name}" is written as ${decoded}, not ${shown} as shown: the export does not restore that type yet (the values shown, in that type).`);
  }
  return notes;
}
