import { Field, FixedSizeList, LargeList, List, Map_, Struct, Type, Union, type DataType } from 'apache-arrow';
import { listViewName, markListView } from './listViewMark';

/** The same nested type with other children (a struct, a list of any kind, a map, a union); undefined for any other type. */
export function withChildren(type: DataType, children: Field[]): DataType | undefined {
  const view = listViewName(type);
  switch (type.typeId) {
    case Type.Struct:
      return new Struct(children);
    case Type.List:
      return view ? markListView(new List(children[0]), view) : new List(children[0]);
    case Type.LargeList:
      return view ? markListView(new LargeList(children[0]), view) : new LargeList(children[0]);
    case Type.FixedSizeList:
      return new FixedSizeList((type as FixedSizeList).listSize, children[0]);
    case Type.Map:
      return new Map_(children[0] as Field<Struct>, (type as Map_).keysSorted);
    case Type.Union:
      return new Union((type as Union).mode, (type as Union).typeIds, children);
    default:
      return undefined;
  }
}

/**
 * `type` with its children's types replaced by `types`, each field keeping its name, nullability and
 * metadata: `type` itself when none differs, undefined where withChildren cannot rebuild it.
 */
export function withChildTypes(type: DataType, types: readonly DataType[]): DataType | undefined {
  const kids = (type.children ?? []) as Field[];
  if (kids.every((f, i) => f.type === types[i])) return type;
  return withChildren(type, kids.map((f, i) => (f.type === types[i] ? f : new Field(f.name, types[i], f.nullable, f.metadata))));
}
