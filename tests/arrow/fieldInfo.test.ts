import { Field, FixedSizeBinary, FixedSizeList, Int16, Int32, Int8, List, Struct, Uint8, Utf8 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { fieldInfo } from '../../src/arrow/fieldInfo';
import { LargeListViewType, ListViewType, RunEndEncodedType } from '../../src/arrow/decodedTypes';

const ext = (name: string) => new Map([['ARROW:extension:name', name]]);

describe('FieldInfo type names (pyarrow spelling)', () => {
  it('name extension types pyarrow knows as such, and any other by its storage type, as pyarrow does', () => {
    expect(fieldInfo(new Field('u', new FixedSizeBinary(16), true, ext('arrow.uuid'))).type).toBe('extension<arrow.uuid>');
    const other = fieldInfo(new Field('x', new Int8(), true, ext('!nonexistent')));
    expect(other.type).toBe('int8');
    expect(other.extension).toBe('!nonexistent');
    const nested = new Field('l', new List(new Field('item', new Int8(), true, ext('!nonexistent'))), true);
    expect(fieldInfo(nested).type).toBe('list<item: int8>');
  });

  // The names and the refusals are pyarrow 25's (tests/fixtures/writers/pyarrow/canonical_extensions.arrows has the valid ones).
  it('name a registered extension only when pyarrow accepts its storage type and metadata, else by its storage type', () => {
    const withMetadata = (name: string, metadata: string) => new Map([['ARROW:extension:name', name], ['ARROW:extension:metadata', metadata]]);
    const tensor = (metadata: string, size = 6) => fieldInfo(new Field('t', new FixedSizeList(size, new Field('item', new Int32(), true)), true, withMetadata('arrow.fixed_shape_tensor', metadata))).type;
    expect(tensor('{"shape":[2,3],"permutation":[1,0],"dim_names":["a b",""]}')).toBe('extension<arrow.fixed_shape_tensor[value_type=int32, shape=[2,3], permutation=[1,0], dim_names=[a b,]]>');
    expect(tensor('{"shape":[],"permutation":[],"dim_names":[]}', 1)).toBe('extension<arrow.fixed_shape_tensor[value_type=int32, shape=[]]>');
    for (const refused of ['{"shape":[2,3]}x', '{"shape":[2,2]}', '{"shape":[-2,-3]}', '{"shape":[2,3],"permutation":[0,0]}', '{"shape":[2,3],"permutation":[0]}', '{"shape":[2,3],"dim_names":["a"]}', '{"shape":[2,3],"dim_names":null}', '{}', '']) {
      expect(tensor(refused)).toBe('fixed_size_list<item: int32>[6]');
    }
    const opaque = (metadata: string) => fieldInfo(new Field('o', new Utf8(), true, withMetadata('arrow.opaque', metadata))).type;
    expect(opaque('{"type_name":"a","vendor_name":"b","x":1}')).toBe('extension<arrow.opaque[storage_type=string, type_name=a, vendor_name=b]>');
    expect(opaque('{"type_name":"a"}')).toBe('string');
    expect(fieldInfo(new Field('u', new FixedSizeBinary(15), true, ext('arrow.uuid'))).type).toBe('fixed_size_binary[15]');
    expect(fieldInfo(new Field('u', new FixedSizeBinary(16), true, withMetadata('arrow.uuid', 'meta'))).type).toBe('fixed_size_binary[16]');
    expect(fieldInfo(new Field('b', new Uint8(), true, ext('arrow.bool8'))).type).toBe('uint8');
    expect(fieldInfo(new Field('j', new Int32(), true, ext('arrow.json'))).type).toBe('int32');
    const shape = (size: number) => new Field('shape', new FixedSizeList(size, new Field('item', new Int32(), true)), true);
    const variable = (metadata: string) => fieldInfo(new Field('v', new Struct([new Field('d', new List(new Field('item', new Int8(), true)), true), shape(2)]), true, withMetadata('arrow.variable_shape_tensor', metadata))).type;
    expect(variable('{"permutation":[0,1]}')).toBe('extension<arrow.variable_shape_tensor[value_type=int8, ndim=2, permutation=[0,1]]>');
    expect(variable('{"uniform_shape":[1]}')).toBe('struct<d: list<item: int8>, shape: fixed_size_list<item: int32>[2]>');
  });

  it('name run-end encoded and list-view types, also inside other types', () => {
    const ree = new RunEndEncodedType(new Field('run_ends', new Int16(), false), new Field('values', new Utf8(), true));
    const lv = new ListViewType(new Field('item', new Int32(), false));
    const llv = new LargeListViewType(new Field('element', ree, true));
    expect(fieldInfo(new Field('r', ree, true)).type).toBe('run_end_encoded<run_ends: int16, values: string>');
    expect(fieldInfo(new Field('l', lv, true)).type).toBe('list_view<item: int32 not null>');
    expect(fieldInfo(new Field('s', new Struct([new Field('a', llv, true), new Field('b', new Int8(), true)]), true)).type).toBe(
      'struct<a: large_list_view<element: run_end_encoded<run_ends: int16, values: string>>, b: int8>',
    );
  });
});
