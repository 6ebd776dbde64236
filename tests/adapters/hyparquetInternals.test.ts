import { parquetMetadata } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { parquetHeader } from '../../src/adapters/hyparquetInternals';

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
