import { parquetMetadata } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { deserializeTCompactProtocol } from '../../src/adapters/hyparquetInternals';

describe('hyparquet Thrift reader adapter (pinned hyparquet 1.31.5)', () => {
  it('reads a footer as numbered fields, with the statistics bytes raw', () => {
    const file = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'x', data: [3, 1, 2], type: 'INT32' }] }));
    const view = new DataView(file.buffer);
    const length = view.getUint32(file.length - 8, true);
    const md = deserializeTCompactProtocol({ view: new DataView(file.buffer, file.length - 8 - length, length), offset: 0 }) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(md.field_3).toBe(parquetMetadata(file.buffer).num_rows); // num_rows
    const stats = md.field_4[0].field_1[0].field_3.field_12;
    expect(stats.field_6).toEqual(new Uint8Array([1, 0, 0, 0])); // min_value, plain INT32
    expect(stats.field_5).toEqual(new Uint8Array([3, 0, 0, 0])); // max_value
  });
});
