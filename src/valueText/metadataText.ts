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

/** Metadata bytes as text: as they are when UTF-8, else escaped as Python writes bytes (pyarrow shows b'bin\xff'), so that two byte strings never look alike. */
export const metadataText = (bytes: Uint8Array): string => utf8Text(bytes) ?? escapedBytes(bytes);

/**
 * Custom metadata as pyarrow shows it: a repeated key keeps its first value (apache-arrow keeps its
 * last), bytes that are not UTF-8 escaped (apache-arrow decodes them as U+FFFD). None when the count
 * is damaged (longer than the buffer can hold), which the schema's decoding reports.
 */
export function customMetadata(holder: MetadataHolder): Map<string, string> {
  const out = new Map<string, string>();
  const count = holder.customMetadataLength();
  if (count * 4 > (holder.bb?.capacity() ?? Infinity)) return out;
  for (let i = 0; i < count; i++) {
    const entry = holder.customMetadata(i);
    const key = entry?.key(UTF8_BYTES) as Uint8Array | null | undefined;
    if (key == null) continue;
    const text = metadataText(key);
    if (!out.has(text)) out.set(text, metadataText((entry!.value(UTF8_BYTES) as Uint8Array | null) ?? new Uint8Array(0)));
  }
  return out;
}
