import { Field, Type, type DataType, type Dictionary } from 'apache-arrow';
import { escapedBytes, utf8Text } from './binaryText';

/** flatbuffers.Encoding.UTF8_BYTES: a string slot read as its bytes. */
const UTF8_BYTES = 1;

type Bytes = Uint8Array | string | null;

/** A flatbuffer table holding Arrow custom metadata (a schema, a field, a message). */
export interface MetadataHolder {
  bb: { capacity(): number } | null;
  customMetadataLength(): number;
  customMetadata(i: number): { key(encoding: number): Bytes; value(encoding: number): Bytes } | null;
}

/** A schema field's flatbuffer: its metadata and its children's. */
interface FieldHolder extends MetadataHolder {
  childrenLength(): number;
  children(i: number): FieldHolder | null;
}

/** Metadata bytes as text: as they are when UTF-8, else escaped as Python writes bytes (pyarrow shows b'bin\xff'), so that two byte strings never look alike. */
export const metadataText = (bytes: Uint8Array): string => utf8Text(bytes) ?? escapedBytes(bytes);

/** Key-value pairs as pyarrow's metadata holds them: a repeated key keeps its first value. */
export function firstValues(entries: Iterable<[string, string]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of entries) if (!out.has(key)) out.set(key, value);
  return out;
}

/**
 * Custom metadata as pyarrow shows it: a repeated key keeps its first value (apache-arrow keeps its
 * last), bytes that are not UTF-8 escaped (apache-arrow decodes them as U+FFFD). None when the count
 * is damaged (longer than the buffer can hold), which the schema's decoding reports.
 */
export function customMetadata(holder: MetadataHolder): Map<string, string> {
  const count = holder.customMetadataLength();
  if (count * 4 > (holder.bb?.capacity() ?? Infinity)) return new Map();
  const entries: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    const entry = holder.customMetadata(i);
    const key = entry?.key(UTF8_BYTES) as Uint8Array | null | undefined;
    if (key != null) entries.push([metadataText(key), metadataText((entry!.value(UTF8_BYTES) as Uint8Array | null) ?? new Uint8Array(0))]);
  }
  return firstValues(entries);
}

/** The value type a field's children belong to (a dictionary's, for a dictionary-encoded field). */
const childrenOwner = (type: DataType): DataType => (type.typeId === Type.Dictionary ? (type as Dictionary).dictionary : type);

/**
 * A field decoded by apache-arrow with every field's metadata, at any depth, replaced by customMetadata's,
 * walked beside its flatbuffer without recursion. The decoded types are fresh, so their child lists are changed in place.
 */
export function withFieldMetadata(field: Field, fb: FieldHolder): Field {
  const stack: [DataType, FieldHolder][] = [[field.type, fb]];
  while (stack.length) {
    const [type, at] = stack.pop()!;
    const children = childrenOwner(type).children as (Field | undefined)[] | undefined;
    children?.forEach((child, i) => {
      const childFb = i < at.childrenLength() ? at.children(i) : null;
      if (!child || !childFb) return;
      if (childFb.customMetadataLength() > 0) children[i] = new Field(child.name, child.type, child.nullable, customMetadata(childFb));
      stack.push([child.type, childFb]);
    });
  }
  return fb.customMetadataLength() > 0 ? new Field(field.name, field.type, field.nullable, customMetadata(fb)) : field;
}
