import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DatasetError } from '../../src/model/errors';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { vectorText as formatVector } from '../../src/valueText';
import { mergeUnique } from '../../src/compute/uniqueMerge';
import { uniqueOfColumn } from '../../src/compute/uniqueOfColumn';
import { uniqueResultText } from '../../src/compute/uniqueValueText';
import { fixture, fixtureFiles } from '../support/corpus';
import { tempFile } from '../support/files';

const pq = (name: string) => fixture(`parquet-testing/${name}`);
const open = async (path: string) => openDataset(await NodeFileSource.open(path));
const values = async (path: string, column: string) => {
  const ds = await open(path);
  const c = ds.fields.findIndex((f) => f.name === column);
  const out: (string | null)[] = [];
  for (let b = 0; b < ds.chunks.length; b++) out.push(...formatVector(await ds.readColumn(b, c)));
  await ds.close();
  return out;
};

describe('Parquet engine', () => {
  it('opens from the footer: schema with physical and logical types, row groups, created_by', async () => {
    const ds = await open(pq('data/alltypes_plain.parquet'));
    expect(ds.format).toBe('parquet');
    expect(ds.rows).toBe(8);
    expect(ds.chunks).toHaveLength(1);
    expect(ds.createdBy).toMatch(/impala/);
    expect(ds.fields.map((f) => f.name)).toContain('timestamp_col');
    expect(ds.fields.find((f) => f.name === 'timestamp_col')!.physicalType).toBe('INT96');
    expect(ds.source.stats.bytesRead).toBeLessThan(ds.source.size);
    const detail = await ds.chunkDetail(0);
    const id = detail.columns[0];
    expect(id.codec).toBe('UNCOMPRESSED');
    expect(id.encodings).toContain('PLAIN_DICTIONARY');
    expect(id.hasDictionaryPage).toBe(true);
    expect(id.regions![0].kind).toBe('column_chunk');
  });

  it('reads values of one column of one row group, and row windows', async () => {
    expect(await values(pq('data/alltypes_plain.parquet'), 'id')).toEqual(['4', '5', '6', '7', '2', '3', '0', '1']);
    const ds = await open(pq('data/alltypes_plain.parquet'));
    expect([...(await ds.readColumn(0, 0, { start: 2, end: 4 }))]).toEqual([6, 7]);
  });

  it('decodes every codec of the npm build to the same values', async () => {
    const files = fixtureFiles('duckdb-parquet-testing/compression/generated', /^data_page=1_.*\.parquet$/);
    expect(files.length).toBeGreaterThanOrEqual(5);
    const reference = await open(files.find((f) => f.includes('NONE'))!);
    for (const file of files) {
      const ds = await open(file);
      for (let c = 0; c < ds.fields.length; c++) {
        expect(formatVector(await ds.readColumn(0, c)), `${file} column ${c}`).toEqual(formatVector(await reference.readColumn(0, c)));
      }
    }
  });

  it('reads nested structs, lists and maps, float16, INT96, DataPage V2, delta encodings', async () => {
    for (const name of ['nested_structs.rust.parquet', 'nested_lists.snappy.parquet', 'nested_maps.snappy.parquet', 'float16_nonzeros_and_nans.parquet', 'int96_from_spark.parquet', 'datapage_v2.snappy.parquet', 'delta_length_byte_array.parquet', 'byte_stream_split.zstd.parquet']) {
      const ds = await open(pq(`data/${name}`));
      for (let c = 0; c < ds.fields.length; c++) {
        const v = await ds.readColumn(0, c);
        expect(v.length, `${name} column ${ds.fields[c].name}`).toBe(ds.chunks[0].rows);
      }
    }
  });

  it('says an encrypted footer needs a key, and shows what a plaintext footer reveals', async () => {
    await expect(open(pq('data/uniform_encryption.parquet.encrypted'))).rejects.toThrow(/encrypted.*key is required/);
    const ds = await open(pq('data/encrypt_columns_plaintext_footer.parquet.encrypted'));
    expect(ds.fields.length).toBeGreaterThan(0);
    expect(ds.fields.some((f) => f.unsupported === 'encrypted; a key is required')).toBe(true);
    const locked = ds.fields.findIndex((f) => f.unsupported);
    await expect(ds.readColumn(0, locked)).rejects.toThrow(/encrypted/);
  });

  it('ends quickly with a clear error on bad data, naming the row group and column', async () => {
    for (const file of fixtureFiles('parquet-testing/bad_data', /\.parquet$/)) {
      let ds;
      try {
        ds = await open(file);
      } catch (e) {
        expect(e, file).toBeInstanceOf(DatasetError);
        continue;
      }
      for (let b = 0; b < ds.chunks.length; b++) {
        for (let c = 0; c < ds.fields.length; c++) {
          try {
            await ds.readColumn(b, c);
          } catch (e) {
            expect(e, file).toBeInstanceOf(DatasetError);
            expect((e as DatasetError).where.chunk, file).toBe(b);
          }
        }
      }
    }
  });

  it('shows statistics from the footer', async () => {
    const ds = await open(pq('data/int32_with_null_pages.parquet'));
    const detail = await ds.chunkDetail(0);
    expect(detail.columns[0].stats?.nullCount).toBeGreaterThan(0);
    expect(detail.columns[0].stats?.min).toBeDefined();
  });
});

describe('Parquet row group facts', () => {
  it('shows the sort order a row group declares', async () => {
    const ds = await open(pq('data/sort_columns.parquet'));
    expect((await ds.chunkDetail(0)).metadata?.['sorted by']).toBe('a desc nulls first, b asc');
  });
});

describe('INT96 timestamps', () => {
  it('are exact for dates far outside the nanosecond range (int96_from_spark.md lists them), without a zone as pyarrow reads them', async () => {
    // 1704141296123456, 1704070800000000, 253402225200000000, 1735599600000000, null, 9089380393200000000 µs
    expect(await values(pq('data/int96_from_spark.parquet'), 'a')).toEqual([
      '2024-01-01 20:34:56.123456',
      '2024-01-01 01:00:00',
      '9999-12-31 03:00:00',
      '2024-12-30 23:00:00',
      null,
      '+290000-12-30 23:00:00',
    ]);
  });

  it('count as unique values without overflowing', async () => {
    const ds = await open(pq('data/int96_from_spark.parquet'));
    const r = uniqueResultText(mergeUnique([await uniqueOfColumn(ds, 0)]), ds.schema.fields[0].type);
    expect(r.values.map((v) => v.value)).toContain('+290000-12-30 23:00:00');
    expect(r.nulls).toBe(1);
  });

  it('old_list_structure.md: a two-level LIST<LIST<INT32>> reads as [[1, 2], [3, 4]]', async () => {
    expect(await values(pq('data/old_list_structure.parquet'), 'a')).toEqual(['[[1, 2], [3, 4]]']);
  });
});

describe('Parquet pages', () => {
  it('lists every page of a column chunk from its headers: kinds, sizes adding up to the chunk, values', async () => {
    const ds = await open(pq('data/datapage_v2.snappy.parquet'));
    const detail = await ds.chunkDetail(0);
    for (const c of detail.columns) {
      const { pages, truncated } = await ds.pages!(0, c.column);
      expect(truncated).toBe(false);
      expect(pages.length).toBeGreaterThan(0);
      expect(pages.reduce((sum, p) => sum + p.length, 0)).toBe(c.bytes);
      expect(pages[0].offset).toBe(c.offset);
      for (let i = 1; i < pages.length; i++) expect(pages[i].offset).toBe(pages[i - 1].offset + pages[i - 1].length);
    }
    const a = await ds.pages!(0, 0);
    expect(a.pages.map((p) => p.kind)).toContain('data_page_v2');
    expect(a.pages.find((p) => p.kind === 'data_page_v2')!.detail).toMatch(/\d+ values, \d+ rows, \d+ nulls/);
  });

  it('lists a dictionary page before the data pages of a dictionary-encoded chunk', async () => {
    const ds = await open(pq('data/alltypes_dictionary.parquet'));
    const { pages } = await ds.pages!(0, 0);
    expect(pages[0].kind).toBe('dictionary_page');
    expect(pages.slice(1).every((p) => p.kind === 'data_page')).toBe(true);
  });

  it('names the row group, column and byte of a page header that cannot be read', async () => {
    const path = pq('data/alltypes_plain.parquet');
    const ds = await open(path);
    const c = (await ds.chunkDetail(0)).columns[1];
    const bytes = new Uint8Array(readFileSync(path));
    bytes.fill(0xff, c.offset!, c.offset! + 16); // the first header becomes garbage
    const broken = await open(tempFile('broken-page.parquet', bytes));
    const { pages, problem } = await broken.pages!(0, 1);
    expect(pages).toEqual([]);
    expect(problem?.where).toMatchObject({ chunk: 0, offset: c.offset });
    expect(problem?.message).toMatch(/header of page 0 of "bool_col"/);
    expect((await broken.pages!(0, 0)).pages.length).toBeGreaterThan(0); // the other columns still list
  });

  it('a file cut short: the pages before the cut are listed with where the next fails; a chunk wholly past the end says so (it listed no page and no reason)', async () => {
    const path = pq('data/alltypes_plain.parquet');
    const ds = await open(path);
    const columns = (await ds.chunkDetail(0)).columns;
    const full = await ds.pages!(0, 0);
    expect(full.pages.length).toBeGreaterThan(1);
    // The data up to the middle of column 0's second page, then the footer: every later chunk lies past the end.
    const bytes = new Uint8Array(readFileSync(path));
    const cut = full.pages[1].offset + 2;
    const footer = bytes.length - 8 - new DataView(bytes.buffer).getUint32(bytes.length - 8, true);
    const short = await open(tempFile('cut-short.parquet', new Uint8Array([...bytes.subarray(0, cut), ...bytes.subarray(footer)])));
    const size = cut + bytes.length - footer;
    const last = columns.at(-1)!;
    expect(last.offset!).toBeGreaterThanOrEqual(size);
    const past = await short.pages!(0, last.column);
    expect(past.pages).toEqual([]);
    expect(past.problem?.message).toBe(`The column chunk of "${ds.fields[last.column].name}" starts at byte ${last.offset}, past the end of the file (${size} bytes): the file is cut short, or its footer points elsewhere.`);
    expect(past.problem?.where).toMatchObject({ chunk: 0, offset: last.offset });
    const first = await short.pages!(0, 0);
    expect(first.pages).toEqual(full.pages.slice(0, 1));
    expect(first.problem?.where.offset).toBe(full.pages[1].offset);
    expect(first.problem?.stillWorks).toBe('The pages before it are listed; values may still be readable.');
  });
});

// Facts the parquet-testing README states about its files, checked through the app's engine.
describe('parquet-testing README', () => {
  it('datapage_v1-snappy-compressed-checksum: columns "a" and "b" of two snappy v1 data pages each', async () => {
    const ds = await open(pq('data/datapage_v1-snappy-compressed-checksum.parquet'));
    for (const c of [0, 1]) {
      const { pages } = await ds.pages!(0, c);
      expect(pages.map((p) => p.kind)).toEqual(['data_page', 'data_page']);
    }
    expect((await ds.chunkDetail(0)).columns.map((c) => c.codec)).toEqual(['SNAPPY', 'SNAPPY']);
  });

  it('plain-dict-uncompressed-checksum: a dictionary page then one PLAIN_DICTIONARY data page per column', async () => {
    const ds = await open(pq('data/plain-dict-uncompressed-checksum.parquet'));
    expect(ds.fields.map((f) => f.name)).toEqual(['long_field', 'binary_field']);
    for (const c of [0, 1]) {
      const { pages } = await ds.pages!(0, c);
      expect(pages.map((p) => p.kind)).toEqual(['dictionary_page', 'data_page']);
      expect(pages[1].detail).toMatch(/^PLAIN_DICTIONARY/);
    }
  });

  it('concatenated_gzip_members: 513 UINT64 numbers in one data page of two gzip members', async () => {
    const ds = await open(pq('data/concatenated_gzip_members.parquet'));
    const values = await ds.readColumn(0, 0);
    expect(values.length).toBe(513);
    expect(ds.fields[0].logicalType ?? ds.fields[0].type).toMatch(/64/);
    expect((await ds.pages!(0, 0)).pages.map((p) => p.kind)).toEqual(['data_page_v2']);
    expect(new Set(Array.from(values, (v) => String(v))).size).toBe(513);
  });

  it('float16_nonzeros_and_nans: the values the generating code wrote', async () => {
    expect(await values(pq('data/float16_nonzeros_and_nans.parquet'), 'x')).toEqual([null, '1.0', '-2.0', 'nan', '0.0', '-1.0', '-0.0', '2.0']);
  });

  it('column_chunk_key_value_metadata: the column chunk metadata is shown, a key without value included', async () => {
    const ds = await open(pq('data/column_chunk_key_value_metadata.parquet'));
    const detail = await ds.chunkDetail(0);
    expect(detail.columns[0].regions![0].detail).toMatch(/metadata: foo = bar, thisiskeywithoutvalue$/);
  });
});

describe('Parquet dictionary-encoded strings', () => {
  it('stay dictionary-encoded when every page uses the dictionary, with the same values and the same unique counts', async () => {
    const ds = await open(pq('data/alltypes_dictionary.parquet'));
    const c = ds.fields.findIndex((f) => f.name === 'string_col');
    const vector = await ds.readColumn(0, c);
    expect(vector.type.toString()).toBe('Dictionary<Int32, Binary>'); // unannotated BYTE_ARRAY
    expect(ds.schema.fields[c].type.toString()).toBe('Binary'); // the schema shown is the file's
    expect(formatVector(vector)).toEqual(['0', '1']); // printable bytes show as their text
    expect(mergeUnique([await uniqueOfColumn(ds, c)]).values.map((v) => [v.value, v.count])).toEqual([
      ['30', 1],
      ['31', 1],
    ]);
  });
});
