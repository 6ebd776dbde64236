/**
 * The one door to apache-arrow's internal modules (IPC metadata classes, the generated flatbuffer
 * readers, VectorLoader). They are not part of its public API, so the version is pinned exactly in
 * package.json and tests/adapters/apacheArrowInternals.test.ts round-trips every export used here.
 */
import { Field, type DataType } from 'apache-arrow';
import type { Field as FieldFb } from 'apache-arrow/fb/field';

export { ByteBuffer, Builder } from 'flatbuffers';
export { Message, RecordBatch as RecordBatchHeader, DictionaryBatch as DictionaryBatchHeader, BufferRegion, FieldNode } from 'apache-arrow/ipc/metadata/message';
export type { BodyCompression } from 'apache-arrow/ipc/metadata/message';
export { FileBlock, Footer } from 'apache-arrow/ipc/metadata/file';
export { VectorLoader } from 'apache-arrow/visitor/vectorloader';
export { Message as MessageFb } from 'apache-arrow/fb/message';
export { MessageHeader as MessageHeaderFb } from 'apache-arrow/fb/message-header';
export { MetadataVersion as MetadataVersionFb } from 'apache-arrow/fb/metadata-version';
export { Footer as FooterFb } from 'apache-arrow/fb/footer';
export { Schema as SchemaFb } from 'apache-arrow/fb/schema';
export type { Field as FieldFb } from 'apache-arrow/fb/field';
export { Type as TypeFb } from 'apache-arrow/fb/type';
export { Union as UnionFb } from 'apache-arrow/fb/union';
export { FixedSizeList as FixedSizeListFb } from 'apache-arrow/fb/fixed-size-list';
export { Map as MapFb } from 'apache-arrow/fb/map';
export { UnionMode as UnionModeFb } from 'apache-arrow/fb/union-mode';
export { Endianness } from 'apache-arrow/fb/endianness';

/** apache-arrow's own decoder of one schema field flatbuffer (throws on types it cannot decode). */
export const decodeFieldFb = (Field as unknown as { decode(f: FieldFb, dictionaries: Map<number, DataType>): Field }).decode;
