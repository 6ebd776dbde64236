import { parquetMetadata } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { ByteWriter, writeMetadata } from '../../src/adapters/hyparquetWriterInternals';

describe('hyparquet-writer internals adapter (pinned hyparquet-writer 0.17.0)', () => {
  it('writes a Thrift footer that hyparquet reads back field for field', () => {
    const file = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'x', data: ['a', 'b'], type: 'STRING' }] }));
    const md = parquetMetadata(file.buffer);
    const writer = new ByteWriter();
    writeMetadata(writer, md);
    const footer = new Uint8Array(writer.getBytes());
    // A file made of the original pages and the re-encoded footer: "PAR1" + pages + footer (+ its length) + "PAR1".
    const pagesEnd = file.length - 8 - new DataView(file.buffer).getInt32(file.length - 8, true);
    const rebuilt = new Uint8Array(pagesEnd + footer.length + 4);
    rebuilt.set(file.subarray(0, pagesEnd));
    rebuilt.set(footer, pagesEnd);
    rebuilt.set([0x50, 0x41, 0x52, 0x31], pagesEnd + footer.length);
    const again = parquetMetadata(rebuilt.buffer);
    expect(again.num_rows).toBe(md.num_rows);
    expect(again.schema).toEqual(md.schema);
    expect(again.row_groups[0].columns[0].meta_data).toEqual(md.row_groups[0].columns[0].meta_data);
  });
});
