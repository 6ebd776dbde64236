import { Dictionary, Int32, LargeList, List, Type, type DataType, type Field } from 'apache-arrow';
import { TypeFb } from '../adapters/apacheArrowInternals';

/**
 * apache-arrow 21 has no DataType for run-end encoded and list-view arrays. The engine decodes them
 * itself into types apache-arrow does have, showing the same logical values; these subclasses say
 * what the column really is on disk (its layout in the record batch, its name) while the rest of
 * the app sees an ordinary Dictionary or List.
 */

/** run_end_encoded<run_ends, values>, decoded as a dictionary: indices are the run of each row. */
export class RunEndEncodedType extends Dictionary {
  readonly physical = TypeFb.RunEndEncoded;
  constructor(
    readonly runEnds: Field,
    readonly values: Field,
  ) {
    super(values.type, new Int32(), -1);
  }
}

/** list_view<item>, decoded as a list (the views gathered into offsets). */
export class ListViewType extends List {
  readonly physical = TypeFb.ListView;
}

/** large_list_view<item>, decoded as a large list. */
export class LargeListViewType extends LargeList {
  readonly physical = TypeFb.LargeListView;
}

export type DecodedType = RunEndEncodedType | ListViewType | LargeListViewType;

export function isDecodedType(type: DataType): type is DecodedType {
  return type instanceof RunEndEncodedType || type instanceof ListViewType || type instanceof LargeListViewType;
}

/**
 * The children an array of this type has in a record batch: run ends and values for run-end
 * encoded, none for a dictionary (its values live in dictionary batches), else the type's own.
 */
export function physicalChildren(type: DataType): readonly Field[] {
  if (type instanceof RunEndEncodedType) return [type.runEnds, type.values];
  if (type.typeId === Type.Dictionary) return [];
  return (type.children ?? []) as Field[];
}

/** True when a decoded type appears anywhere in `type` (then the engine, not apache-arrow, names it). */
export function containsDecodedType(type: DataType): boolean {
  return isDecodedType(type) || physicalChildren(type).some((c) => containsDecodedType(c.type));
}
