import { missingFieldNodes, negativeOffset, nullCountPastLength, unionOffsetsPastChild, variadicCountPastBuffers, viewPastVariadicBuffers } from './craftBuffers';
import { deepThriftFooter, footerLength, footerNumber, rowGroupsAsInts, wideParquet } from './craftParquet';
import { deepStruct, manyEmptyBatches, nullRows, wideSchema } from './craftScale';
import { ESCAPE_VALUES, FORMULA_VALUES, hostileText } from './craftText';
import { truncations } from './craftTruncations';
import { zstdDeclares1GiB, zstdFrameOf1GiB } from './craftZstd';

/** What a crafted file must end in besides a clean or clear outcome: values, an error, or either. */
export type Expectation = 'values' | 'error' | 'either';

export interface CraftedFile {
  name: string;
  make: () => Uint8Array | Promise<Uint8Array>;
  expect: Expectation;
  /** Columns whose values must not be shown (their bytes are inconsistent) when the file opens. */
  failing?: number[];
  /** Also check the CLI's table and CSV output are inert (no raw control characters, no formula cells). */
  checkTerminal?: boolean;
  /** For files that must show values: the rows the file holds, and the first rows' text of some columns. */
  rows?: number;
  values?: Record<number, (string | null)[]>;
}

/** One file per defect in issue 17's "Why", each a few KB (the 1 GiB ZSTD frames are 32 KiB), made at test time. */
export const CRAFTED: CraftedFile[] = [
  { name: 'negative-buffer-offset.arrows', make: negativeOffset, expect: 'error', failing: [0] },
  { name: 'union-offsets-past-child.arrows', make: unionOffsetsPastChild, expect: 'error', failing: [0] },
  { name: 'null-count-past-length.arrows', make: nullCountPastLength, expect: 'error', failing: [0] },
  { name: 'missing-field-nodes.arrows', make: missingFieldNodes, expect: 'error', failing: [1] },
  { name: 'binary-view-missing-variadic-buffer.arrows', make: viewPastVariadicBuffers, expect: 'error', failing: [0] },
  { name: 'binary-view-variadic-count-past-buffers.arrows', make: variadicCountPastBuffers, expect: 'error', failing: [0] },
  { name: 'struct-2000-deep.arrows', make: () => deepStruct(2000), expect: 'either' },
  { name: 'schema-10000-fields.arrows', make: () => wideSchema(10_000), expect: 'values', rows: 2, values: { 0: ['0', '0'], 9999: ['9999', '-9999'] } },
  { name: 'null-column-1e9-rows.arrows', make: () => nullRows(1e9), expect: 'values', rows: 1e9, values: { 0: Array(64).fill(null) } },
  { name: 'empty-batches-20000.arrows', make: () => manyEmptyBatches(20_000), expect: 'values', rows: 3, values: { 0: ['1', '2', '3'], 1: ['one', 'two', 'three'] } },
  { name: 'terminal-escapes-and-formulas.arrows', make: hostileText, expect: 'values', checkTerminal: true, rows: 6, values: { 1: ESCAPE_VALUES, 3: FORMULA_VALUES } },
  { name: 'zstd-declares-1gib.arrows', make: zstdDeclares1GiB, expect: 'error', failing: [0] },
  { name: 'zstd-frame-of-1gib.arrows', make: zstdFrameOf1GiB, expect: 'error', failing: [0] },
  { name: 'thrift-footer-100000-deep.parquet', make: () => deepThriftFooter(100_000), expect: 'error' },
  { name: 'schema-2000-columns.parquet', make: () => wideParquet(2_000), expect: 'values', rows: 2, values: { 1999: ['1999', '-1999'] } },
  { name: 'footer-schema-list-2^31-1.parquet', make: () => footerNumber([2], 'list size', 2n ** 31n - 1n), expect: 'error' },
  { name: 'footer-name-length-2^31-1.parquet', make: () => footerNumber([2, 1, 4], 'binary length', 2n ** 31n - 1n), expect: 'error' },
  { name: 'footer-num-children-2^31-1.parquet', make: () => footerNumber([2, 0, 5], 'int', 2n ** 31n - 1n), expect: 'error' },
  { name: 'footer-num-rows-2^53.parquet', make: () => footerNumber([3], 'int', 2n ** 53n), expect: 'either' },
  { name: 'footer-num-rows--1.parquet', make: () => footerNumber([3], 'int', -1n), expect: 'either' },
  { name: 'footer-row-group-rows-2^31-1.parquet', make: () => footerNumber([4, 0, 3], 'int', 2n ** 31n - 1n), expect: 'either' },
  { name: 'footer-data-page-offset-2^53.parquet', make: () => footerNumber([4, 0, 1, 0, 3, 9], 'int', 2n ** 53n), expect: 'error', failing: [0] },
  { name: 'footer-compressed-size--1.parquet', make: () => footerNumber([4, 0, 1, 0, 3, 7], 'int', -1n), expect: 'error', failing: [0] },
  { name: 'footer-row-groups-as-ints.parquet', make: rowGroupsAsInts, expect: 'error' },
  { name: 'footer-length-2^31-1.parquet', make: () => footerLength(2 ** 31 - 1), expect: 'error' },
  { name: 'footer-length-0.parquet', make: () => footerLength(0), expect: 'error' },
  ...Object.entries(truncations).map(([what, make]): CraftedFile => ({ name: `truncated ${what}`.replace(/[^\w%-]+/g, '-'), make, expect: /end-of-stream/.test(what) ? 'either' : 'error' })),
];
