import { TypeFb } from '../adapters/apacheArrowInternals';

/**
 * Buffers one array owns itself (children excluded) in a record batch, per the IPC spec, keyed by
 * the schema flatbuffer's Type. Types not listed own two: validity plus values (fixed width, Bool),
 * offsets (List, LargeList, Map) or views (BinaryView, Utf8View, whose variadic data buffers are
 * counted per batch by the caller). Union and RunEndEncoded are worked out in `ownBuffers`.
 */
const OWN_BUFFERS: Partial<Record<TypeFb, number>> = {
  [TypeFb.Null]: 0,
  [TypeFb.Binary]: 3,
  [TypeFb.Utf8]: 3,
  [TypeFb.LargeBinary]: 3,
  [TypeFb.LargeUtf8]: 3,
  [TypeFb.ListView]: 3,
  [TypeFb.LargeListView]: 3,
  [TypeFb.FixedSizeList]: 1,
  [TypeFb.Struct_]: 1,
};

/** The type a dictionary-encoded array is stored as in a record batch: its integer indices. */
export const DICTIONARY_INDICES = TypeFb.Int;

/**
 * Buffers one array of flatbuffer type `typeId` owns itself. apache-arrow's `Type` uses the same
 * numbers for the types it knows, so a decoded DataType's `typeId` can be passed as is (except
 * Dictionary, which is stored as DICTIONARY_INDICES).
 */
export function ownBuffers(typeId: number, metadataVersion: number, denseUnion = false): number {
  // Before MetadataVersion.V5 (=== 4) every type but Null had a validity buffer: Arrow C++ writes one
  // for a union and for a run-end encoded array when asked for V4 metadata.
  const legacyValidity = metadataVersion < 4 ? 1 : 0;
  if (typeId === TypeFb.Union) return (denseUnion ? 2 : 1) + legacyValidity;
  if (typeId === TypeFb.RunEndEncoded) return legacyValidity;
  return OWN_BUFFERS[typeId as TypeFb] ?? 2;
}
