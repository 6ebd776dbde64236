import { readFileSync } from 'node:fs';
import { parquetMetadata } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { deserializeTCompactProtocol, parquetHeader, rowGroupFromThrift, type ThriftStruct } from '../../src/adapters/hyparquetInternals';
import { fixtureFiles } from '../support/corpus';

describe('hyparquet internals adapter (pinned hyparquet 1.31.5)', () => {
  it('reads the page header at the start of a column chunk written by hyparquet-writer', () => {
    const file = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'x', data: [1, 2, 3, 4], type: 'INT32' }] }));
    const md = parquetMetadata(file.buffer);
    const chunk = md.row_groups[0].columns[0].meta_data!;
    const start = Number(chunk.dictionary_page_offset ?? chunk.data_page_offset);
    const reader = { view: new DataView(file.buffer, start), offset: 0 };
    const header = parquetHeader(reader);
    expect(['DATA_PAGE', 'DATA_PAGE_V2', 'DICTIONARY_PAGE']).toContain(header.type);
    expect(header.compressed_page_size).toBeGreaterThan(0);
    expect(reader.offset).toBeGreaterThan(0);
    const pages = header.type === 'DICTIONARY_PAGE' ? header.dictionary_page_header : header.data_page_header ?? header.data_page_header_v2;
    expect(pages?.num_values).toBe(header.type === 'DICTIONARY_PAGE' ? 4 : 4);
  });
});

/** Every row group of `file` made by rowGroupFromThrift from its Thrift struct, beside hyparquet's own parquetMetadata. */
function bothWays(file: Uint8Array) {
  const md = parquetMetadata(file);
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const length = view.getUint32(file.length - 8, true);
  const raw = deserializeTCompactProtocol({ view: new DataView(file.buffer, file.byteOffset + file.length - 8 - length, length), offset: 0 }) as ThriftStruct;
  const leaves = md.schema.filter((e) => e.type);
  return { ours: (raw.field_4 as ThriftStruct[]).map((rg) => rowGroupFromThrift(rg, leaves)), theirs: md.row_groups };
}

describe('rowGroupFromThrift: one row group as hyparquet parquetMetadata makes it', () => {
  it('statistics hyparquet converts (timestamps, strings, int64, floats, booleans), sorting columns, key-value metadata', () => {
    const file = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'i', data: Int32Array.from([3, -1, 2]), type: 'INT32' },
          { name: 'b', data: [1n, 2n ** 40n, -5n], type: 'INT64' },
          { name: 's', data: ['x', 'yy', 'z'], type: 'STRING' },
          { name: 't', data: [new Date(1), new Date(2), new Date(3)], type: 'TIMESTAMP' },
          { name: 'f', data: [1.5, NaN, -2], type: 'DOUBLE' },
          { name: 'o', data: [true, false, true], type: 'BOOLEAN' },
        ],
        rowGroupSize: 2,
        kvMetadata: [{ key: 'k', value: 'v' }],
      }),
    );
    const { ours, theirs } = bothWays(file);
    expect(theirs).toHaveLength(2);
    expect(theirs[0].columns[0].meta_data?.statistics).toBeDefined();
    expect(ours).toEqual(theirs);
  });

  it('every vendored corpus file hyparquet reads (nested, dictionary, INT96, sorted, column metadata, every codec)', () => {
    const files = fixtureFiles('', /\.parquet$/);
    let compared = 0;
    for (const path of files) {
      const file = new Uint8Array(readFileSync(path));
      let theirs;
      try {
        theirs = parquetMetadata(file).row_groups;
      } catch {
        continue; // damaged on purpose (bad_data): nothing to compare with
      }
      expect(bothWays(file).ours, path).toEqual(theirs);
      compared += theirs.length;
    }
    expect(compared).toBeGreaterThan(20);
  });
});
