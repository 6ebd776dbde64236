import { Type, type DataType, type Dictionary, type Field } from 'apache-arrow';
import { physicalChildren } from './decodedTypes';

const BIT_WIDTHS: Partial<Record<Type, readonly number[]>> = {
  [Type.Int]: [8, 16, 32, 64],
  [Type.Decimal]: [32, 64, 128, 256],
  [Type.Time]: [32, 64],
};
/** Largest valid unit of the types that have one (DateUnit, TimeUnit, IntervalUnit) and Float's precision. */
const MAX_UNIT: Partial<Record<Type, number>> = { [Type.Date]: 1, [Type.Time]: 3, [Type.Timestamp]: 3, [Type.Duration]: 3, [Type.Interval]: 2 };

/** Most digits a decimal of each bit width holds (Arrow's precision bound); its scale may not pass it either way. */
const DECIMAL_DIGITS: Record<number, number> = { 32: 9, 64: 18, 128: 38, 256: 76 };

/**
 * What makes a decimal's precision or scale impossible, or null. pyarrow refuses a precision
 * outside 1..digits at schema read, and cannot format a value whose scale is past ±digits ("scale
 * out of range"): such a scale (2^31-1 from a damaged schema) would ask for a string of 2^31 zeros.
 */
function invalidDecimal(bitWidth: number, precision: number, scale: number): string | null {
  const digits = DECIMAL_DIGITS[bitWidth];
  if (!(Number.isInteger(precision) && precision >= 1 && precision <= digits)) return `a decimal${bitWidth} of precision ${precision}, outside 1 to ${digits}`;
  if (!(Number.isInteger(scale) && Math.abs(scale) <= digits)) return `a decimal${bitWidth} of scale ${scale}, outside -${digits} to ${digits}`;
  return null;
}

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
    const t = type as DataType & { bitWidth?: number; unit?: number; precision?: number; scale?: number; byteWidth?: number; listSize?: number; typeIds?: ArrayLike<number> };
    const widths = BIT_WIDTHS[type.typeId];
    if (widths && !widths.includes(t.bitWidth ?? -1)) return `${named(type)} of ${t.bitWidth} bits`;
    const decimal = type.typeId === Type.Decimal ? invalidDecimal(t.bitWidth!, t.precision!, t.scale!) : null;
    if (decimal) return decimal;
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
    if (type.typeId === Type.Map) {
      // pyarrow: "Map entry field should have two children"; the entries of a damaged schema may have fewer.
      const entries = (type.children as (Field | undefined)[])[0]?.type;
      const pair = entries?.typeId === Type.Struct ? entries.children.length : -1;
      if (type.children.length !== 1 || pair !== 2) return `a map whose entries are not a struct of a key and a value`;
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
