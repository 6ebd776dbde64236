import { Dictionary, Field, Schema, type Data, type DataType } from 'apache-arrow';
import { storageMetadata, withChildMetadataOf } from '../../model/childMetadata';

/** The largest dictionary id anywhere in `type` (its children and dictionary values included), or -1. */
function maxDictionaryId(type: DataType): number {
  let max = type instanceof Dictionary ? Math.max(type.id, maxDictionaryId(type.dictionary)) : -1;
  for (const c of type.children ?? []) max = Math.max(max, maxDictionaryId(c.type));
  return max;
}

/**
 * The schema written: the chosen fields with their metadata (their nested fields' too), the file's schema metadata, each field's
 * type as its values carry it (the file schema's type; a Parquet dictionary is decoded where the schema
 * says plain). Top-level dictionary columns get ids of their own: columns decoded one by one (Parquet)
 * all come with id 0, and a schema cannot hold two different dictionaries under one id.
 */
export function exportSchema(schema: Schema, columns: readonly number[], datas?: readonly Data[]): Schema {
  // Decoded values may drop a nested field's metadata (parquet-wasm does): the schema's is written.
  const types = columns.map((c, k) => {
    const decoded = datas?.[k]?.type;
    return decoded ? withChildMetadataOf(decoded, schema.fields[c].type) : schema.fields[c].type;
  });
  let next = Math.max(-1, ...types.map(maxDictionaryId)) + 1;
  const fields = columns.map((c, k) => {
    const f = schema.fields[c];
    const t = types[k];
    const type = t instanceof Dictionary ? new Dictionary(t.dictionary, t.indices, next++, t.isOrdered) : t;
    return type === f.type ? f : new Field(f.name, type, f.nullable, storageMetadata(f.metadata, f.type, type));
  });
  // ARROW:schema is how a Parquet file stores its Arrow schema, not metadata of the schema: pyarrow drops it on reading, and so do we
  const metadata = new Map([...schema.metadata].filter(([key]) => key !== 'ARROW:schema'));
  return new Schema(fields, metadata);
}
