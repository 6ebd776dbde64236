import { Field, Null, Schema, tableFromIPC } from 'apache-arrow';
import type { FileMetaData } from 'hyparquet';
import { parquetWasm } from '../adapters/parquetWasm';
import type { FieldInfo } from '../model/types';
import type { ColumnSubset } from './columnSubset';
import { schemaOnlyFile } from './syntheticFile';

/**
 * The apache-arrow schema, learnt from an empty file with this footer's schema (parquet-wasm's mapping).
 * A column whose type parquet-wasm cannot map gets a Null field and is marked unsupported in `fields`.
 */
export async function arrowSchema(md: FileMetaData, subsets: ColumnSubset[], fields: FieldInfo[], metadata: Record<string, string>): Promise<Schema> {
  const wasm = await parquetWasm();
  const arrowFields = (subset?: ColumnSubset) => tableFromIPC(wasm.readParquet(schemaOnlyFile(md, subset)).intoIPCStream()).schema.fields;
  let out: Field[];
  try {
    out = arrowFields();
  } catch {
    // One column's type is beyond parquet-wasm: find which, keep the others.
    out = subsets.map((subset, c) => {
      try {
        return arrowFields(subset)[0];
      } catch (e) {
        fields[c].unsupported ??= `its type cannot be read: ${String((e as Error).message ?? e)}`;
        return new Field(fields[c].name, new Null(), fields[c].nullable);
      }
    });
  }
  return new Schema(out, new Map(Object.entries(metadata)));
}
