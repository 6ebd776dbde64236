import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TimeUnit, Timestamp, Type } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/model/errors';
import { openDataset, sniffFormat } from '../../src/dataset/openDataset';
import { COLUMN_CHUNK_BUDGET } from '../../src/parquet/decodeBudget';
import { decodeError } from '../../src/parquet/decodeError';
import { BlobSource } from '../../src/source/blobSource';
import { tempFile } from '../support/files';
import { readRowWindow } from '../../src/compute/rowWindow';
import { WRITERS_DIR, columnText, fileColumnText, open, writerFile } from './support/openText';

// Files the corpus does not hold, built to the Parquet spec by tests/fixtures/writers/parquet/make_fixtures.py;
// the values expected are pyarrow 25's (tests/gold/writers) where pyarrow reads the file.

/** The error a promise rejects with. */
const failure = async (p: Promise<unknown>): Promise<DatasetError> => {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(DatasetError);
  return e as DatasetError;
};

describe('an empty row group (0 rows)', () => {
  it('as pyarrow writes it (empty chunks): listed with 0 rows, the others read', async () => {
    const ds = await open(writerFile('empty_row_group.parquet'));
    expect(ds.chunks.map((c) => [c.rows, c.rowOffset])).toEqual([[3, 0], [0, 3], [2, 3]]);
    expect(await columnText(ds, 'a')).toEqual(['1', '2', '3', '2', '3']);
    expect(await columnText(ds, 's')).toEqual(['x', 'y', null, 'y', null]);
    const empty = await ds.readColumn(1, 1);
    expect([empty.length, String(empty.type)]).toEqual([0, 'Utf8']);
  });

  it('listing no column chunks at all: listed with 0 rows, its columns empty, the other row groups read', async () => {
    const ds = await open(writerFile('empty_row_group_no_chunks.parquet'));
    expect(ds.chunks.map((c) => c.rows)).toEqual([3, 0, 2]);
    expect(await columnText(ds, 'a')).toEqual(['1', '2', '3', '4', '5']);
    expect(await columnText(ds, 's')).toEqual(['1', '2', '3', '4', '5']);
    const empty = await ds.readColumn(1, 0);
    expect([empty.length, String(empty.type)]).toEqual([0, 'Int32']);
    expect((await ds.chunkDetail(1)).columns.map((c) => c.bytes)).toEqual([0, 0]);
    expect((await ds.pages!(1, 0)).pages).toEqual([]);
  });
});

describe('a file with hundreds of columns', () => {
  it('reads every one of its 300 columns, with pyarrow\'s type names', async () => {
    const ds = await open(writerFile('many_columns.parquet'));
    expect(ds.fields).toHaveLength(300);
    for (let c = 0; c < 300; c++) expect((await columnText(ds, c))[1], ds.fields[c].name).toBeNull();
    expect(await columnText(ds, 'c299')).toEqual(['true', null]);
    expect(await columnText(ds, 'c297')).toEqual(['{"k": 1}', null]);
    expect(ds.fields.slice(0, 10).map((f) => f.type)).toEqual([
      'int8', 'uint16', 'float', 'decimal128(9, 2)', 'timestamp[ms, tz=UTC]', 'list<element: int32>',
      'struct<a: int64, b: string>', 'map<string, int32 (\'c007\')>', 'string', 'bool',
    ]);
  });
});

describe('a repeated field without LIST annotation', () => {
  it('reads as pyarrow does: a non-null list of its own name', async () => {
    const ds = await open(writerFile('bare_repeated.parquet'));
    expect(ds.rows).toBe(3);
    expect(await columnText(ds, 'x')).toEqual(['[1, 2, 3]', '[]', '[4]']);
    expect(await columnText(ds, 'pt')).toEqual(['[{a: 1, b: "p"}]', '[]', '[{a: 2, b: null}, {a: 3, b: "q"}]']);
    expect(ds.fields.map((f) => [f.type, f.typeId, f.nullable])).toEqual([
      ['int32', 'int', false],
      ['list<x: int32 not null>', 'list', false],
      ['list<pt: struct<a: int32 not null, b: string> not null>', 'list', false],
    ]);
    expect(ds.fields[1].physicalType).toBe('INT32');
  });

  it('counts the rows the pages hold when the footer says 0, as pyarrow does', async () => {
    for (const name of ['bare_repeated_zero_rows.parquet', 'bare_repeated_only_zero_rows.parquet']) {
      const ds = await open(writerFile(name));
      expect(ds.rows, name).toBe(3);
      expect(ds.problems.map((p) => p.message), name).toEqual(['The footer says row group 0 has 0 rows, but its pages hold 3.']);
      expect(ds.chunks[0].rows, name).toBe(3);
      expect(await columnText(ds, 'x'), name).toEqual(['[1, 2, 3]', '[]', '[4]']);
    }
  });
});

describe('row counts the column chunks contradict', () => {
  it('reads every row the pages hold when the footer says fewer, or a negative count, as pyarrow does', async () => {
    const more = await open(writerFile('rows_more_than_declared.parquet'));
    expect(more.rows).toBe(3);
    expect(await columnText(more, 's')).toEqual(['x', 'y', 'z']);
    // pyarrow's metadata says 2 rows where read_table gives 3: the count shown says why it is not the footer's.
    expect(more.problems).toEqual([{ message: 'The footer says row group 0 has 2 rows, but its pages hold 3.', where: { chunk: 0 }, stillWorks: 'Every row the pages hold is shown, as pyarrow reads them.' }]);
    const negative = await open(writerFile('negative_rows.parquet'));
    expect(negative.chunks.map((c) => c.rows)).toEqual([3]);
    expect(negative.problems.map((p) => p.message)).toContain('The footer says row group 0 has -5 rows, but its pages hold 3.');
    expect(await columnText(negative, 'a')).toEqual(['1', '2', '3']);
  });

  it('a column holding another count than its row group is a sentence, never a column of another length', async () => {
    const ds = await open(writerFile('columns_disagree.parquet'));
    expect(ds.rows).toBe(3);
    expect(await columnText(ds, 'a')).toEqual(['1', '2', '3']);
    const e = await failure(ds.readColumn(0, 1));
    expect(e.message).toBe('Column "b" of row group 0 holds 2 rows where the row group has 3: its pages and the footer disagree, so its values are not shown.');
    expect(e.where).toMatchObject({ chunk: 0, column: 'b' });
  });
});

describe('integer logical and converted types on INT32 / INT64', () => {
  it('min, max and negative values of every width, as pyarrow writes them', async () => {
    const path = writerFile('int_types.parquet');
    expect(await fileColumnText(path, 'i8')).toEqual(['-128', '127', '-1', '0', null]);
    expect(await fileColumnText(path, 'u8')).toEqual(['0', '255', '128', '1', null]);
    expect(await fileColumnText(path, 'u16')).toEqual(['0', '65535', '32768', '1', null]);
    expect(await fileColumnText(path, 'u32')).toEqual(['0', '4294967295', '2147483648', '1', null]);
    expect(await fileColumnText(path, 'i64')).toEqual(['-9223372036854775808', '9223372036854775807', '-1', '0', null]);
    expect(await fileColumnText(path, 'u64')).toEqual(['0', '18446744073709551615', '9223372036854775808', '1', null]);
  });

  it('only a logical type, only a converted type, both, and values out of range (cut as pyarrow cuts them)', async () => {
    const ds = await open(writerFile('int_annotations.parquet'));
    const text = async (c: string) => columnText(ds, c);
    expect(await text('logical_i8')).toEqual(['-128', '127', '-1', '0']);
    expect(await text('converted_i8')).toEqual(['-128', '127', '-1', '0']);
    expect(await text('logical_u8')).toEqual(['0', '255', '128', '1']);
    expect(await text('converted_u8')).toEqual(['0', '255', '128', '1']);
    expect(await text('logical_u16')).toEqual(['0', '65535', '32768', '1']);
    expect(await text('converted_u32')).toEqual(['0', '4294967295', '2147483648', '1']);
    expect(await text('converted_u64')).toEqual(['0', '18446744073709551615', '9223372036854775808', '1']);
    expect(await text('out_of_range_i8')).toEqual(['-56', '56', '44', '-1']);
    expect(await text('out_of_range_u8')).toEqual(['255', '0', '44', '56']);
  });

  it('a logical type wins over a converted type that disagrees, and the other columns still read', async () => {
    expect(await fileColumnText(writerFile('int_annotations.parquet'), 'logical_u8_converted_i8')).toEqual(['200', '255', '1', '0']);
    const ds = await open(writerFile('logical_converted_conflicts.parquet'));
    expect(ds.fields.map((f) => [f.type, f.unsupported])).toEqual([
      ['string', undefined],
      ['date32[day]', undefined],
      ['timestamp[ms, tz=UTC]', undefined],
      ['int8', undefined],
    ]);
    expect(await columnText(ds, 'string_with_list')).toEqual(['a', 'b']);
    expect(await columnText(ds, 'date_with_utf8')).toEqual(['1970-01-01', '2022-01-08']);
    expect(await columnText(ds, 'timestamp_with_uint64')).toEqual(['1970-01-01 00:00:00Z', '1970-01-01 00:00:01Z']);
    expect(await columnText(ds, 'int8_with_uint8')).toEqual(['-1', '127']);
  });
});

describe('DataPage V2 and dictionary pages', () => {
  it('empty pages (0 values), PLAIN_DICTIONARY in V2, a dictionary page the footer does not flag', async () => {
    const ds = await open(writerFile('datapage_v2_empty_pages.parquet'));
    expect(await columnText(ds, 'a')).toEqual(['10', null, '30', '20', '20']);
    expect(await columnText(ds, 'b')).toEqual(['x', 'yy', null, 'yy', null]);
    expect(await columnText(ds, 'c')).toEqual(['1', '2', '3', '4', '5']);
    expect((await ds.pages!(0, 0)).pages.map((p) => p.kind)).toEqual(['dictionary_page', ...Array(4).fill('data_page_v2')]);
  });

  it('an empty first data page: every value after it is read (pyarrow 25 stops there and fails the table)', async () => {
    expect(await fileColumnText(writerFile('datapage_v2_empty_first_page.parquet'), 'a')).toEqual(['10', null, '30', '20', '20']);
  });

  it('a dictionary page out of the chunk the footer describes: a sentence naming row group, column and byte', async () => {
    const ds = await open(writerFile('dictionary_page_missing.parquet'));
    const e = await failure(ds.readColumn(0, 0));
    expect(e.message).toMatch(/^Column "a" of row group 0 cannot be decoded: its data page at byte 29 refers to a dictionary, but no dictionary page comes before it/);
    expect(e.where).toMatchObject({ chunk: 0, column: 'a', offset: 29 });
    expect(await columnText(ds, 'c')).toEqual(['1', '2', '3']);
  });
});

describe('INT96 timestamps', () => {
  it('are zone-less as pyarrow reads them (type name timestamp[ns]), exact past the nanosecond range', async () => {
    const ds = await open(writerFile('int96_timestamps.parquet'));
    expect(ds.fields.map((f) => [f.type, f.physicalType])).toEqual([['timestamp[ns]', 'INT96'], ['timestamp[ns]', 'INT96']]);
    for (const c of [0, 1]) {
      const type = (await ds.readColumn(0, c)).type as Timestamp;
      expect([type.unit, type.timezone ?? null]).toEqual([TimeUnit.MICROSECOND, null]);
      expect(String(ds.schema.fields[c].type)).toBe(String(type)); // one unit for the whole column
    }
    expect(await columnText(ds, 'far')).toEqual(['9999-12-31 23:59:59.999999', '1000-01-01 00:00:00', null, '2024-01-01 20:34:56.123456']);
    expect(await columnText(ds, 'near')).toEqual(['2024-01-01 20:34:56.123456', null, '1900-01-01 00:00:00', '1970-01-01 00:00:00']);
  });

  it('are shown to the microsecond, and the column says so (pyarrow shows 2024-01-01 20:34:56.123456789)', async () => {
    const ds = await open(writerFile('int96_nanoseconds.parquet'));
    expect(ds.fields[0].note).toMatch(/to the microsecond/);
    expect(await columnText(ds, 't')).toEqual([
      '2024-01-01 20:34:56.123456',
      '1970-01-01 00:00:00',
      '1899-12-31 23:59:59.999999',
      null,
      '2262-04-11 23:47:16.854775',
      '1677-09-21 00:12:43.145224',
    ]);
  });
});

describe('bounded memory', () => {
  it(`refuses a column whose footer declares more than ${COLUMN_CHUNK_BUDGET / 2 ** 20} MiB decoded, before reading it`, async () => {
    const ds = await open(writerFile('budget_footer.parquet'));
    const before = ds.source.stats.bytesRead;
    const e = await failure(ds.readColumn(0, 0));
    expect(e.message).toBe('Column "big" of row group 0 is not decoded: its footer declares 629,145,600 bytes for it (about 600 MiB), more than the 512 MiB one column of one row group may take here.');
    expect(e.stillWorks).toMatch(/other columns and row groups can still be read/);
    expect(e.where).toMatchObject({ chunk: 0, column: 'big' });
    expect(ds.source.stats.bytesRead).toBe(before);
    expect(await columnText(ds, 'small')).toEqual(['4', '5', '6']);
  });

  it('refuses a small chunk whose pages write one long dictionary string out 10,000 times (655 MB)', async () => {
    const ds = await open(writerFile('budget_dictionary.parquet'));
    const e = await failure(ds.readColumn(0, 0));
    expect(e.message).toMatch(/^Column "texts" of row group 0 is not decoded: its page headers add up to 655,\d{3},\d{3} bytes once decoded \(about 62\d MiB, a dictionary entry counted for every value that uses it\), more than the 512 MiB/);
    expect((await columnText(ds, 'n')).slice(-2)).toEqual(['9998', '9999']);
    expect((await ds.pages!(0, 0)).pages.map((p) => p.kind)).toEqual(['dictionary_page', 'data_page']);
  });

  it('refuses it too when a damaged dictionary page header hides the data page from the walk (the decoder reads on and took 13 s)', async () => {
    // The hostile run's mutant: byte 14 turns the dictionary header's entry count into a double, so the
    // header walk stops after it; the footer's 10,000 values are then counted as using the dictionary.
    const bytes = Uint8Array.from(readFileSync(writerFile('budget_dictionary.parquet')));
    expect(bytes[14]).toBe(0x15);
    bytes[14] = 0x17;
    const ds = await openDataset(new BlobSource(new Blob([bytes as BlobPart]), 'damaged.parquet'));
    const e = await failure(ds.readColumn(0, 0));
    expect(e.message).toMatch(/^Column "texts" of row group 0 is not decoded: its page headers add up to 655,\d{3},\d{3} bytes once decoded/);
    await ds.close();
  });

  it('a wasm trap in the decoder becomes a sentence naming row group and column; the decoder still works after it', async () => {
    const ds = await open(writerFile('wasm_trap.parquet'));
    const e = await failure(ds.readColumn(0, 0));
    expect(e.message).toMatch(/^Column "a" of row group 0 could not be decoded: the Parquet decoder stopped on an internal error \(unreachable\)/);
    expect(e.where).toMatchObject({ chunk: 0, column: 'a' });
    expect(await columnText(ds, 'c')).toEqual(['1', '2', '3']);
    expect(await fileColumnText(writerFile('int_types.parquet'), 'i8')).toEqual(['-128', '127', '-1', '0', null]);
  });

  it('values in an encoding the format does not define for their type (parquetjs writes INT32 as RLE): a sentence naming it, in the grid too; the other columns read', async () => {
    const ds = await open(join(WRITERS_DIR, 'parquetjs/rle_int32.parquet'));
    const said = 'Column "id" of row group 0 could not be decoded: its values are stored in the RLE encoding, which the Parquet format does not define for values of its type (pyarrow refuses them too).';
    expect((await failure(ds.readColumn(0, 0))).message).toBe(said);
    const window = await readRowWindow(ds, 3, 2, [0, 1]);
    expect(window.columns).toEqual([[{ error: said }, { error: said }], ['z', 'a']]);
    // pyarrow 25, each column read alone: name as below, flag false in every row (parquetjs' own reader says so too).
    expect(await columnText(ds, 'name')).toEqual(['a', null, 'héllo', 'z', 'a', null, 'héllo', 'z', 'a', null, 'héllo', 'z']);
    expect(await columnText(ds, 'flag')).toEqual(Array(12).fill('false'));
    await ds.close();
  });

  it("DuckDB's DELTA_BINARY_PACKED uint32 blocks whose minimum delta or first value does not fit INT32: a sentence saying so; the other column reads", async () => {
    const ds = await open(writerFile('duckdb_uint32_delta.parquet'));
    const said = 'Column "u" of row group 0 could not be decoded: a DELTA_BINARY_PACKED block\'s minimum delta is larger than the column\'s physical type holds (pyarrow refuses it too).';
    expect((await failure(ds.readColumn(0, 0))).message).toBe(said);
    expect((await readRowWindow(ds, 0, 4, [0])).columns[0]).toEqual(Array(4).fill({ error: said }));
    expect(await columnText(ds, 's')).toEqual(['a', 'b', 'c', null]); // pyarrow 25, the column read alone
    await ds.close();
    // Its first value past INT32: pyarrow 25 says "Unexpected end of stream: InitHeader EOF".
    const first = await open(writerFile('duckdb_uint32_delta_first.parquet'));
    expect((await failure(first.readColumn(0, 0))).message).toBe('Column "u" of row group 0 could not be decoded: a DELTA_BINARY_PACKED page\'s first value is larger than the column\'s physical type holds (pyarrow refuses it too).');
    expect(await columnText(first, 's')).toEqual(['a', 'b', 'c']);
    await first.close();
  });

  it('fastparquet INT96 pages that end early (a fuzz file, seed 9215): a sentence with both counts; the other column reads', async () => {
    const ds = await open(writerFile('int96_pages_short.parquet', 'fastparquet'));
    // pyarrow 25: "Unexpected end of stream"; DuckDB 1.5: "Out of buffer"; the other column, as pyarrow reads it alone.
    const said = 'Column "c0_timestamp[s,tz=Aust" of row group 0 could not be decoded: its pages hold 13,334 values where the row group has 20,000.';
    expect((await failure(ds.readColumn(0, 0))).message).toBe(said);
    expect((await readRowWindow(ds, 0, 2, [0, 1])).columns).toEqual([[{ error: said }, { error: said }], ['533853003375', '-152025897020']]);
    await ds.close();
  });

  it('any raw error becomes a DatasetError sentence; cancellations and located errors pass as they are', () => {
    const trap = decodeError(new WebAssembly.RuntimeError('unreachable'), 'm', 3, 100) as DatasetError;
    expect(trap).toBeInstanceOf(DatasetError);
    expect(trap.message).toMatch(/^Column "m" of row group 3 could not be decoded: the Parquet decoder stopped on an internal error \(unreachable\)/);
    expect(trap.where).toEqual({ chunk: 3, column: 'm', offset: 100 });
    const raw = decodeError(new TypeError("Cannot read properties of undefined (reading 'meta_data')"), 'm', 3) as DatasetError;
    expect(raw.message).toBe('Column "m" of row group 3 could not be decoded: Cannot read properties of undefined (reading \'meta_data\').');
    const abort = new DOMException('stopped', 'AbortError');
    expect(decodeError(abort, 'm', 3)).toBe(abort);
  });
});

describe('format sniffing', () => {
  it('a file ending in PAR1 is Parquet whatever its first bytes', async () => {
    const tail = new TextEncoder().encode('PAR1');
    expect(sniffFormat(new Uint8Array([0, 0x4f, 0x44, 0x44]), tail)).toBe('parquet');
    expect(sniffFormat(new Uint8Array([0xff, 0xff, 0xff, 0xff]), new Uint8Array([0, 0, 0, 0]))).toBe('arrow-stream');
    const ds = await open(writerFile('odd_head.parquet'));
    expect(ds.format).toBe('parquet');
    expect(await columnText(ds, 'a')).toEqual(['1', '2', '3']);
    // Any head: the bytes of a valid file with its magic overwritten by an Arrow stream's continuation marker.
    const bytes = new Uint8Array(readFileSync(writerFile('int_types.parquet')));
    bytes.set([0xff, 0xff, 0xff, 0xff], 0);
    expect(await fileColumnText(tempFile('stream-head.parquet', bytes), 'u8')).toEqual(['0', '255', '128', '1', null]);
  });
});

describe('Parquet UUID columns', () => {
  it('are arrow.uuid as pyarrow reads them, nested ones included', async () => {
    const ds = await open(writerFile('uuid.parquet'));
    expect(ds.fields.map((f) => [f.type, f.extension])).toEqual([
      ['extension<arrow.uuid>', 'arrow.uuid'],
      ['struct<u: extension<arrow.uuid>, n: int32>', undefined],
    ]);
    expect(await columnText(ds, 'u')).toEqual(['00000000-0000-0000-0000-000000000001', null, 'ffffffff-ffff-ffff-ffff-ffffffffffff']);
    const nested = await ds.readColumn(0, 1);
    expect(nested.type.typeId).toBe(Type.Struct);
    expect(nested.type.children[0].metadata.get('ARROW:extension:name')).toBe('arrow.uuid');
  });
});
