import * as flatbuffers from 'flatbuffers';
import { Dictionary, Field, FixedSizeList, Int, Int32, LargeList, List, Map_, Struct, Type, Union, type DataType } from 'apache-arrow';
import { decodeFieldFb, FixedSizeListFb, MapFb, TypeFb, UnionFb, type FieldFb } from '../adapters/apacheArrowInternals';
import { customMetadata, withFieldMetadata } from '../valueText/metadataText';
import { LargeListViewType, ListViewType, RunEndEncodedType } from './decodedTypes';

const DECODED_HERE = new Set([TypeFb.RunEndEncoded, TypeFb.ListView, TypeFb.LargeListView]);

/** True when the field or one of its descendants is run-end encoded or a list view. */
function needsOwnDecoding(f: FieldFb): boolean {
  if (DECODED_HERE.has(f.typeType())) return true;
  for (let i = 0; i < f.childrenLength(); i++) if (needsOwnDecoding(f.children(i)!)) return true;
  return false;
}

/**
 * A flatbuffer vector of `count` entries (4-byte offsets at least) cannot be longer than the buffer
 * holding it: a count of 2^31 is damage, and looping over it would take minutes.
 */
export function vectorTooLong(table: { bb: flatbuffers.ByteBuffer | null }, count: number, what: string): string | null {
  const capacity = table.bb?.capacity() ?? Infinity;
  return count * 4 > capacity ? `it lists ${count.toLocaleString('en-US')} ${what}, more than its ${capacity.toLocaleString('en-US')} bytes of metadata can hold` : null;
}

/** A field the engine's own decoding refuses, said in words about the schema. */
export class SchemaFieldError extends Error {}

/** The type of a field whose children are already decoded (only the shapes that can hold a decoded type). */
function typeOf(f: FieldFb, children: Field[]): DataType {
  const child = (n: number) => {
    if (children.length !== n) throw new SchemaFieldError(`a ${TypeFb[f.typeType()]} field needs ${n} child field${n === 1 ? '' : 's'}, has ${children.length}`);
    return children[0];
  };
  switch (f.typeType()) {
    case TypeFb.RunEndEncoded: {
      child(2);
      const runEnds = children[0].type as DataType & { isSigned?: boolean; bitWidth?: number };
      if (!(runEnds instanceof Int) || !runEnds.isSigned || ![16, 32, 64].includes(runEnds.bitWidth)) {
        throw new SchemaFieldError(`run ends must be int16, int32 or int64, not ${String(runEnds)}`);
      }
      return new RunEndEncodedType(children[0], children[1]);
    }
    case TypeFb.ListView:
      return new ListViewType(child(1));
    case TypeFb.LargeListView:
      return new LargeListViewType(child(1));
    case TypeFb.List:
      return new List(child(1));
    case TypeFb.LargeList:
      return new LargeList(child(1));
    case TypeFb.FixedSizeList:
      return new FixedSizeList((f.type(new FixedSizeListFb()) as FixedSizeListFb).listSize(), child(1));
    case TypeFb.Map:
      return new Map_(child(1), (f.type(new MapFb()) as MapFb).keysSorted());
    case TypeFb.Struct_:
      return new Struct(children);
    case TypeFb.Union: {
      const t = f.type(new UnionFb()) as UnionFb;
      return new Union(t.mode(), Array.from(t.typeIdsArray() ?? children.map((_, i) => i)), children);
    }
    default:
      throw new SchemaFieldError(`a ${TypeFb[f.typeType()] ?? f.typeType()} field cannot hold children`);
  }
}

/**
 * Decodes one schema field: apache-arrow's decoder for everything it knows, and the engine's own
 * for fields holding run-end encoded or list-view data (at any depth), which become the types of
 * decodedTypes.ts. Dictionary value types are registered in `dictionaries` as apache-arrow does.
 */
export function decodeField(f: FieldFb, dictionaries: Map<number, DataType>): Field {
  if (!needsOwnDecoding(f)) return withFieldMetadata(withNames(decodeFieldFb(f, dictionaries)), f);
  const children = Array.from({ length: f.childrenLength() }, (_, i) => decodeField(f.children(i)!, dictionaries));
  let type = typeOf(f, children);
  const encoding = f.dictionary();
  if (encoding) {
    const id = Number(encoding.id());
    const index = encoding.indexType();
    if (!dictionaries.has(id)) dictionaries.set(id, type);
    type = new Dictionary(dictionaries.get(id)!, (index ? new Int(index.isSigned() as true, index.bitWidth() as 32) : new Int32()) as Int32, id, encoding.isOrdered());
  }
  return new Field(f.name() ?? '', type, f.nullable(), customMetadata(f));
}

const named = (f: Field): Field => new Field('', f.type, f.nullable, f.metadata);

/**
 * The field with every absent name (a schema field without its name slot, which apache-arrow decodes
 * as null) made the empty string, as pyarrow reads it; nested fields and dictionary value types
 * included, walked without recursion. The decoded types are fresh, so their child lists are changed in place.
 */
export function withNames(field: Field): Field {
  const stack: DataType[] = [field.type];
  while (stack.length) {
    const type = stack.pop()!;
    const children = type.children as (Field | undefined)[] | undefined;
    children?.forEach((child, i) => {
      if (!child) return;
      if (child.name == null) children[i] = named(child);
      stack.push(child.type);
    });
    if (type.typeId === Type.Dictionary && (type as Dictionary).dictionary) stack.push((type as Dictionary).dictionary);
  }
  return field.name == null ? named(field) : field;
}
