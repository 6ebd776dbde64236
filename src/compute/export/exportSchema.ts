import { Field, Schema, type Data } from 'apache-arrow';

/** The schema written: the chosen fields with their metadata, the file's schema metadata, each field's type as its values carry it. */
export function exportSchema(schema: Schema, columns: readonly number[], datas?: readonly Data[]): Schema {
  const fields = columns.map((c, k) => {
    const f = schema.fields[c];
    const type = datas?.[k]?.type ?? f.type;
    return type === f.type ? f : new Field(f.name, type, f.nullable, f.metadata);
  });
  return new Schema(fields, schema.metadata);
}
