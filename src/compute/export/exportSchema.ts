import { Field, Schema, type Data } from 'apache-arrow';

/** The schema written: the chosen fields with their metadata, the file's schema metadata, each field's type as its values carry it (the file schema's type; a Parquet dictionary is decoded where the schema says plain). */
export function exportSchema(schema: Schema, columns: readonly number[], datas?: readonly Data[]): Schema {
  const fields = columns.map((c, k) => {
    const f = schema.fields[c];
    const type = datas?.[k]?.type ?? f.type;
    return type === f.type ? f : new Field(f.name, type, f.nullable, f.metadata);
  });
  // ARROW:schema is how a Parquet file stores its Arrow schema, not metadata of the schema: pyarrow drops it on reading, and so do we
  const metadata = new Map([...schema.metadata].filter(([key]) => key !== 'ARROW:schema'));
  return new Schema(fields, metadata);
}
