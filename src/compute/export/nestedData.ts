import { makeBuilder, Type, type Data, type DataType } from 'apache-arrow';
import { withChildTypes } from '../../model/withChildren';
import { takenType } from './takeData';

/**
 * `f` applied to a column's data and to every child below it, children first; a parent whose children
 * changed is rebuilt over the new ones (its type too, where a child's type changed: withChildTypes;
 * other parents keep their data). A dictionary's values are not children: they are left as they are.
 */
export function mapNested(d: Data, f: (d: Data) => Data): Data {
  // An empty column made from its type alone (makeData) may have no child data.
  if (d.children.some((c) => !c)) return f(d);
  const kids = d.children.map((c) => mapNested(c, f));
  let out = d;
  if (kids.some((k, i) => k !== d.children[i])) {
    const type = withChildTypes(d.type, kids.map((k) => k.type));
    if (type) out = d.clone(type, d.offset, d.length, d.nullCount, undefined, kids);
  }
  return f(out);
}

/**
 * A null-typed column, at any depth, whose null count stays its length when sliced: apache-arrow's IPC
 * writer slices every list's child, and a slice forgets the count (-1) unless a validity bitmap gives it
 * again (all zeros here; a null array's bitmap is never written). Arrow JS's own files have -1 so, and
 * arrow-rs (the Parquet writer; readers such as Polars) refuses any other count than the length.
 */
export function withNullCounts(d: Data): Data {
  return mapNested(d, (x) => (x.typeId === Type.Null && !x.nullBitmap?.length && x.offset + x.length > 0 ? x.clone(x.type, x.offset, x.length, x.length, [undefined, undefined, new Uint8Array(Math.ceil((x.offset + x.length) / 8))] as never) : x));
}

/**
 * No rows of `type` as an export takes it (takenType), its children (a list's values, a struct's
 * fields) made too: makeData leaves a list without its child.
 */
export function emptyData(type: DataType): Data {
  return makeBuilder({ type: takenType(type) }).finish().flush();
}
