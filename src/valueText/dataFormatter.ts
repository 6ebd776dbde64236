import { Type, UnionMode, Vector, type Data, type DataType, type Field } from 'apache-arrow';
import { at, type Offsets } from './columnBytes';
import { listText, mapText, structText } from './nestedText';
import { scalarFormatter, type ElementText } from './scalarFormatter';
import { cutNested } from './stringText';
import { fieldExtension } from './extensionName';
import { DatasetError } from '../model/errors';

export type { ElementText } from './scalarFormatter';
export { UUID_EXTENSION } from './scalarFormatter';

/** The same function for nulls too, when the chunk has any: element i is valid when its bit is set. */
function withValidity(data: Data, text: ElementText): ElementText {
  const bitmap = data.nullBitmap as Uint8Array | undefined;
  if (!bitmap || bitmap.length === 0 || data.nullCount === 0) return text;
  const offset = data.offset;
  return (i) => ((bitmap[(offset + i) >> 3] >> ((offset + i) & 7)) & 1 ? text(i) : null);
}

/** Element text of a Vector that may span several chunks (a dictionary), each entry formatted once. */
function vectorFormatter(vector: Vector, nested: boolean, extension?: string): ElementText {
  const chunks = vector.data.map((d) => dataFormatter(d, nested, extension));
  const starts: number[] = [];
  let total = 0;
  for (const d of vector.data) {
    starts.push(total);
    total += d.length;
  }
  const memo: (string | null | undefined)[] = [];
  return (i) => {
    let text = memo[i];
    if (text === undefined) {
      let c = chunks.length - 1;
      while (c > 0 && starts[c] > i) c--;
      text = i < total ? chunks[c](i - starts[c]) : null;
      memo[i] = text;
    }
    return text;
  };
}

function nestedFormatter(data: Data, nested: boolean, extension?: string): ElementText {
  const type = data.type as DataType & Record<string, unknown>;
  const fields = type.children as Field[];
  const child = (k: number, inside: boolean) => dataFormatter(data.children[k], inside, fieldExtension(fields[k]));
  const top = (text: string) => (nested ? text : cutNested(text));
  switch (type.typeId) {
    case Type.List:
    case Type.LargeList: {
      const item = child(0, true);
      const offsets = data.valueOffsets as Offsets;
      return (i) => top(listText(at(offsets, i), at(offsets, i + 1), item));
    }
    case Type.FixedSizeList: {
      const item = child(0, true);
      const size = type.listSize as number;
      return (i) => top(listText(i * size, (i + 1) * size, item));
    }
    case Type.Struct: {
      const items = fields.map((_, k) => child(k, true));
      const names = fields.map((f) => f.name);
      return (i) => top(structText(names, (k) => items[k](i)));
    }
    case Type.Map: {
      const entries = data.children[0];
      const [keyField, valueField] = (fields[0].type as DataType).children as Field[];
      const key = dataFormatter(entries.children[0], true, fieldExtension(keyField));
      const value = dataFormatter(entries.children[1], true, fieldExtension(valueField));
      const offsets = data.valueOffsets as Offsets;
      return (i) => top(mapText(at(offsets, i), at(offsets, i + 1), key, value));
    }
    case Type.Union: {
      // Transparent: the selected child's value, formatted as if it stood where the union stands.
      const members = fields.map((_, k) => child(k, nested));
      const typeIds = data.typeIds as Int8Array;
      const toChild = type.typeIdToChildIndex as Record<number, number>;
      const offsets = type.mode === UnionMode.Dense ? (data.valueOffsets as Int32Array) : null;
      return (i) => {
        const member = members[toChild[typeIds[i]]];
        if (!member) throw new DatasetError(`Union type id ${typeIds[i]} at row ${i} names no member of the union: its values are not shown.`);
        return member(offsets ? offsets[i] : i);
      };
    }
    case Type.Dictionary: {
      if (!data.dictionary) return () => null;
      const entry = vectorFormatter(data.dictionary, nested, extension);
      const indices = data.values;
      return (i) => entry(Number(indices[i]));
    }
    default: {
      // No type of apache-arrow 21 comes here; should a newer one, its own get() is better than nothing.
      const vector = new Vector([data]);
      return (i) => String(vector.get(i));
    }
  }
}

/**
 * The element formatter of one Data chunk, reading its buffers directly (exact for int64
 * timestamps, times, durations and decimals, unlike get()). `nested`: the element sits inside a
 * list, struct or map (strings quoted, no cut); otherwise it is a top-level value.
 */
export function dataFormatter(data: Data, nested: boolean, extension?: string): ElementText {
  const scalar = scalarFormatter(data, nested, extension);
  if (scalar) return withValidity(data, scalar);
  if (data.type.typeId === Type.Union) return nestedFormatter(data, nested); // no validity bitmap of its own
  return withValidity(data, nestedFormatter(data, nested, extension));
}
