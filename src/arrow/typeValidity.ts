import { Type, type DataType, type Dictionary, type Field } from 'apache-arrow';
import { physicalChildren } from './decodedTypes';

const BIT_WIDTHS: Partial<Record<Type, readonly number[]>> = {
  [Type.Int]: [8, 16, 32, 64],
  [Type.Decimal]: [32, 64, 128, 256],
  [Type.Time]: [32, 64],
};
/** Largest valid unit of the types that have one (DateUnit, TimeUnit, IntervalUnit) and Float's precision. */
const MAX_UNIT: Partial<Record<Type, number>> = { [Type.Date]: 1, [Type.Time]: 3, [Type.Timestamp]: 3, [Type.Duration]: 3, [Type.Interval]: 2 };

/** "an int", "a timestamp": the type's family with its article. */
function named(type: DataType): string {
  const name = Type[type.typeId].toLowerCase();
  return `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
}

/**
 * What makes a decoded type impossible (an int of 7 bits, a unit past the enum, a negative width),
 * or null. apache-arrow takes such numbers from a damaged schema as they are, and the values would
 * then be read with a wrong width or fail deep inside it. Walked without recursion, dictionaries'
 * index and value types included.
 */
export function invalidType(root: DataType): string | null {
  const stack: DataType[] = [root];
  while (stack.length) {
    const type = stack.pop()!;
    const t = type as DataType & { bitWidth?: number; unit?: number; precision?: number; byteWidth?: number; listSize?: number; typeIds?: ArrayLike<number> };
    const widths = BIT_WIDTHS[type.typeId];
    if (widths && !widths.includes(t.bitWidth ?? -1)) return `${named(type)} of ${t.bitWidth} bits`;
    const maxUnit = MAX_UNIT[type.typeId];
    if (maxUnit !== undefined && !(Number.isInteger(t.unit) && t.unit! >= 0 && t.unit! <= maxUnit)) return `${named(type)} with unit ${t.unit}`;
    if (type.typeId === Type.Float && ![0, 1, 2].includes(t.precision ?? -1)) return `a float of precision ${t.precision}`;
    if (type.typeId === Type.FixedSizeBinary && !(Number.isSafeInteger(t.byteWidth) && t.byteWidth! >= 0)) return `a fixed-size binary of width ${t.byteWidth}`;
    if (type.typeId === Type.FixedSizeList && !(Number.isSafeInteger(t.listSize) && t.listSize! >= 0)) return `a fixed-size list of size ${t.listSize}`;
    if (type.typeId === Type.Union) {
      const ids = Array.from(t.typeIds ?? []);
      if (ids.length !== type.children.length || ids.some((id) => !Number.isInteger(id) || id < 0 || id > 127) || new Set(ids).size !== ids.length) {
        return `a union whose type ids (${ids.join(', ')}) do not match its ${type.children.length} children`;
      }
    }
    if (type.typeId === Type.Dictionary) {
      const { indices, dictionary } = type as Dictionary;
      if (!indices || !dictionary) return 'a dictionary whose index or value type is missing';
      stack.push(indices, dictionary);
    }
    for (const child of physicalChildren(type) as readonly (Field | undefined)[]) {
      if (!child?.type) return `${named(type)} with a child field whose description is missing`;
      stack.push(child.type);
    }
  }
  return null;
}
