import { Field, FixedSizeBinary, Int16, Int32, Int8, Struct, Utf8 } from 'apache-arrow';
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
