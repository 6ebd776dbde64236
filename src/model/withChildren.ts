import { FixedSizeList, LargeList, List, Map_, Struct, Type, type DataType, type Field } from 'apache-arrow';
import { listViewName, markListView } from './listViewMark';

/** The same nested type with other children (a struct, a list of any kind, a map); undefined for any other type. */
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
    default:
      return undefined;
  }
}
