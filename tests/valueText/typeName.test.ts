import { describe, expect, it } from 'vitest';
import {
  Binary, BinaryView, Bool, DateDay, DateMillisecond, Decimal, DenseUnion, Dictionary, DurationNanosecond, DurationSecond, Field,
  FixedSizeBinary, FixedSizeList, Float16, Float32, Float64, Int16, Int32, Int64, Int8, IntervalDayTime, IntervalMonthDayNano,
  IntervalYearMonth, LargeBinary, LargeList, LargeUtf8, List, Map_, Null, SparseUnion, Struct, TimeMicrosecond, TimeMillisecond,
  TimeNanosecond, TimeSecond, TimestampMicrosecond, TimestampMillisecond, TimestampNanosecond, TimestampSecond, Uint16, Uint32,
  Uint64, Uint8, Utf8, Utf8View, type DataType,
} from 'apache-arrow';
import { typeName } from '../../src/valueText';
import { markListView } from '../../src/model/listViewMark';
import { withChildren } from '../../src/model/withChildren';

const field = (name: string, type: DataType, nullable = true) => new Field(name, type, nullable);
const entries = () => new Field('entries', new Struct([field('key', new Utf8(), false), field('value', new Int32())] as Field[]), false) as never;

describe('typeName in pyarrow\'s spelling', () => {
  it.each<[DataType, string]>([
    [new Null(), 'null'],
    [new Bool(), 'bool'],
    [new Int8(), 'int8'],
    [new Int16(), 'int16'],
    [new Int32(), 'int32'],
    [new Int64(), 'int64'],
    [new Uint8(), 'uint8'],
    [new Uint16(), 'uint16'],
    [new Uint32(), 'uint32'],
    [new Uint64(), 'uint64'],
    [new Float16(), 'halffloat'],
    [new Float32(), 'float'],
    [new Float64(), 'double'],
    [new Utf8(), 'string'],
    [new LargeUtf8(), 'large_string'],
    [new Utf8View(), 'string_view'],
    [new Binary(), 'binary'],
    [new LargeBinary(), 'large_binary'],
    [new BinaryView(), 'binary_view'],
    [new FixedSizeBinary(16), 'fixed_size_binary[16]'],
    [new DateDay(), 'date32[day]'],
    [new DateMillisecond(), 'date64[ms]'],
    [new TimeSecond(), 'time32[s]'],
    [new TimeMillisecond(), 'time32[ms]'],
    [new TimeMicrosecond(), 'time64[us]'],
    [new TimeNanosecond(), 'time64[ns]'],
    [new TimestampSecond(), 'timestamp[s]'],
    [new TimestampMillisecond(), 'timestamp[ms]'],
    [new TimestampMicrosecond(), 'timestamp[us]'],
    [new TimestampMicrosecond('UTC'), 'timestamp[us, tz=UTC]'],
    [new TimestampNanosecond('America/New_York'), 'timestamp[ns, tz=America/New_York]'],
    [new TimestampNanosecond('+05:30'), 'timestamp[ns, tz=+05:30]'],
    [new DurationSecond(), 'duration[s]'],
    [new DurationNanosecond(), 'duration[ns]'],
    [new IntervalYearMonth(), 'month_interval'],
    [new IntervalDayTime(), 'day_time_interval'],
    [new IntervalMonthDayNano(), 'month_day_nano_interval'],
    [new Decimal(2, 9, 32), 'decimal32(9, 2)'],
    [new Decimal(2, 18, 64), 'decimal64(18, 2)'],
    [new Decimal(2, 3, 128), 'decimal128(3, 2)'],
    [new Decimal(10, 76, 256), 'decimal256(76, 10)'],
    [new Decimal(-2, 5, 128), 'decimal128(5, -2)'],
    [new List(field('item', new Utf8())), 'list<item: string>'],
    [new List(field('element', new Int32())), 'list<element: int32>'],
    [new List(field('item', new Int32(), false)), 'list<item: int32 not null>'],
    [new LargeList(field('item', new Int64())), 'large_list<item: int64>'],
    [new FixedSizeList(3, field('item', new Int32())), 'fixed_size_list<item: int32>[3]'],
    [new Struct([field('a', new Int32()), field('b', new Utf8())]), 'struct<a: int32, b: string>'],
    [new Struct([field('a', new Int32(), false)]), 'struct<a: int32 not null>'],
    [new Struct([]), 'struct<>'],
    [new Map_(entries()), 'map<string, int32>'],
    [new Map_(entries(), true), 'map<string, int32, keys_sorted>'],
    [new SparseUnion([0, 1], [field('a', new Int32()), field('b', new Utf8())]), 'sparse_union<a: int32=0, b: string=1>'],
    [new DenseUnion([0, 1], [field('a', new Int32()), field('b', new Utf8())]), 'dense_union<a: int32=0, b: string=1>'],
    [new DenseUnion([5, 2], [field('a', new Int32()), field('b', new Utf8())]), 'dense_union<a: int32=5, b: string=2>'],
    [new Dictionary(new Utf8(), new Int8()), 'dictionary<values=string, indices=int8, ordered=0>'],
    [new Dictionary(new Utf8(), new Int32(), null, true), 'dictionary<values=string, indices=int32, ordered=1>'],
    [
      new List(field('item', new Struct([field('x', new List(field('item', new TimestampMicrosecond('UTC')))), field('m', new Dictionary(new Utf8(), new Uint8()))]))),
      'list<item: struct<x: list<item: timestamp[us, tz=UTC]>, m: dictionary<values=string, indices=uint8, ordered=0>>>',
    ],
  ])('%s', (type, name) => {
    expect(typeName(type)).toBe(name);
  });

  it('names extension types by their extension name, also inside nested types', () => {
    expect(typeName(new FixedSizeBinary(16), 'arrow.uuid')).toBe('extension<arrow.uuid>');
    const uuid = new Field('item', new FixedSizeBinary(16), true, new Map([['ARROW:extension:name', 'arrow.uuid']]));
    expect(typeName(new List(uuid))).toBe('list<item: extension<arrow.uuid>>');
  });

  it('names a list marked as a list view (Arrow JS has no such type) as the view, also inside nested types', () => {
    expect(typeName(markListView(new List(field('item', new Int32())), 'list_view'))).toBe('list_view<item: int32>');
    expect(typeName(markListView(new List(field('item', new Int32())), 'large_list_view'))).toBe('large_list_view<item: int32>');
    const inner = markListView(new List(field('item', new Int32())), 'list_view');
    expect(typeName(withChildren(new Struct([field('v', new Int32())]), [field('v', inner)])!)).toBe('struct<v: list_view<item: int32>>');
    expect(typeName(withChildren(inner, [field('element', new Utf8())])!)).toBe('list_view<element: string>');
  });
});
