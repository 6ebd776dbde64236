import { BinaryView, Field, FixedSizeList, List, Type, Utf8View, type DataType, type Decimal } from 'apache-arrow';
import { EXTENSION_KEY, typeName } from '../valueText';
import { withChildren } from '../model/withChildren';
import { listViewName, markListView } from '../model/listViewMark';

const EXTENSION_METADATA_KEY = 'ARROW:extension:metadata';

/**
 * The column's field as pyarrow names its type, from the field it is decoded as (`inferred`, after
 * restoredField) and the stored Arrow field (`origin`), by pyarrow's rules (parquet/arrow/schema.cc
 * ApplyOriginalMetadata) where they change the type's name but not the text of its values: a list
 * read as the stored fixed_size_list, string and binary as string_view and binary_view, a decimal as
 * the stored decimal32 or decimal64, a list as the stored list view (markListView), and the stored
 * extension type where the column reads as its storage type. For naming only: the values stay
 * decoded as `inferred`.
 */
export function shownField(inferred: Field, origin: Field): Field {
  const type = shownType(inferred.type, origin.type);
  const storage = type === inferred.type ? inferred : new Field(inferred.name, type, inferred.nullable, inferred.metadata);
  const extension = origin.metadata.get(EXTENSION_KEY);
  if (!extension || inferred.metadata.has(EXTENSION_KEY) || !sameType(storage.type, origin.type)) return storage;
  const metadata = new Map([...storage.metadata, [EXTENSION_KEY, extension]]);
  const parameters = origin.metadata.get(EXTENSION_METADATA_KEY);
  if (parameters !== undefined) metadata.set(EXTENSION_METADATA_KEY, parameters);
  return new Field(storage.name, storage.type, storage.nullable, metadata);
}

function shownType(inferred: DataType, origin: DataType): DataType {
  if (inferred.typeId === Type.Utf8 && origin.typeId === Type.Utf8View) return new Utf8View();
  if (inferred.typeId === Type.Binary && origin.typeId === Type.BinaryView) return new BinaryView();
  if (inferred.typeId === Type.Decimal && origin.typeId === Type.Decimal && sameDecimal(inferred as Decimal, origin as Decimal)) return origin;
  const children = inferred.children as Field[] | undefined;
  const originChildren = origin.children as Field[] | undefined;
  if (!children?.length || originChildren?.length !== children.length) return inferred;
  const shown = children.map((c, i) => shownField(c, originChildren[i]));
  if (inferred.typeId === Type.List && origin.typeId === Type.FixedSizeList) return new FixedSizeList((origin as FixedSizeList).listSize, shown[0]);
  const view = listViewName(origin);
  if (inferred.typeId === Type.List && view) return markListView(new List(shown[0]), view);
  if (inferred.typeId !== origin.typeId || shown.every((c, i) => c === children[i])) return inferred;
  return withChildren(inferred, shown) ?? inferred;
}

/** Whether two types are the same but for the names and nullability of their children (pyarrow restores an extension type so). */
function sameType(a: DataType, b: DataType): boolean {
  const ac = (a.children ?? []) as Field[];
  const bc = (b.children ?? []) as Field[];
  if (a.typeId !== b.typeId || ac.length !== bc.length) return false;
  if (ac.length === 0 || a.typeId === Type.Union) return typeName(a) === typeName(b);
  if (a.typeId === Type.FixedSizeList && (a as FixedSizeList).listSize !== (b as FixedSizeList).listSize) return false;
  return ac.every((f, i) => sameType(f.type, bc[i].type));
}

const sameDecimal = (a: Decimal, b: Decimal) => a.precision === b.precision && a.scale === b.scale;
