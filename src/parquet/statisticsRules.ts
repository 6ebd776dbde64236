import type { ParquetType, SchemaElement, Statistics } from 'hyparquet';

/** How a leaf's values order, as parquet-cpp (pyarrow) gives it from the leaf's logical, converted and physical types. */
export type SortOrder = 'signed' | 'unsigned' | 'unknown';

/** The writer that `created_by` names, as parquet-cpp's ApplicationVersion parses it ("parquet-mr version 1.8.1 (build …)"). */
export interface WriterVersion {
  application: string;
  version: [number, number, number];
}

/** What decides which statistics of a file pyarrow uses: its writer and whether its footer lists column orders. */
export interface StatisticsRules {
  writer: WriterVersion;
  columnOrders: boolean;
  /** Leaves hyparquet marked GEOMETRY from GeoParquet metadata: the footer gives them no logical type, nor does pyarrow. */
  geoMarked?: ReadonlySet<SchemaElement>;
  /** Whether a timestamp leaf (by name) is one whose min/max fastparquet wrote apart from its values (fastparquetCoarseTimestamps). */
  coarseTimestamp?: (name: string) => boolean;
}

/** `created_by` as parquet-cpp reads it: the name before " version ", then MAJOR[.MINOR[.PATCH]] (0 where missing or malformed); "unknown" when absent. */
export function writerVersion(createdBy: string | undefined): WriterVersion {
  if (createdBy === undefined) return { application: 'unknown', version: [0, 0, 0] };
  const mark = createdBy.indexOf(' version ');
  const application = (mark < 0 ? createdBy : createdBy.slice(0, mark)).trim();
  if (mark < 0) return { application, version: [0, 0, 0] };
  const rest = createdBy.slice(mark + ' version '.length).trimStart();
  const text = rest.slice(0, rest.includes(' (') ? rest.indexOf(' (') : undefined).trimEnd();
  // MAJOR "." MINOR "." PATCH, each read as far as it parses; what fails to parse leaves the rest 0.
  const parts = /^(\d+)(?:\.(\d+)(?:\.(\d+))?)?/.exec(text);
  const version: [number, number, number] = [0, 0, 0];
  if (parts) {
    const fields = [parts[1], parts[2], parts[3]];
    for (let i = 0; i < 3 && fields[i] !== undefined; i++) version[i] = Number(fields[i]);
  }
  return { application, version };
}

const before = (w: WriterVersion, application: string, version: [number, number, number]) => {
  if (w.application !== application) return false;
  for (let i = 0; i < 3; i++) if (w.version[i] !== version[i]) return w.version[i] < version[i];
  return false;
};

const UNSIGNED_CONVERTED = new Set(['UINT_8', 'UINT_16', 'UINT_32', 'UINT_64', 'ENUM', 'UTF8', 'BSON', 'JSON']);
const SIGNED_CONVERTED = new Set(['INT_8', 'INT_16', 'INT_32', 'INT_64', 'DATE', 'TIME_MICROS', 'TIME_MILLIS', 'TIMESTAMP_MICROS', 'TIMESTAMP_MILLIS', 'DECIMAL']);

/** parquet-cpp's GetSortOrder: by the logical type, else the converted type, else the physical type. */
export function sortOrder(e: SchemaElement): SortOrder {
  const logical = e.logical_type;
  if (logical) {
    switch (logical.type) {
      case 'INTEGER':
        return logical.isSigned ? 'signed' : 'unsigned';
      case 'DECIMAL':
      case 'DATE':
      case 'TIME':
      case 'TIMESTAMP':
      case 'FLOAT16':
        return 'signed';
      case 'STRING':
      case 'ENUM':
      case 'JSON':
      case 'BSON':
      case 'UUID':
        return 'unsigned';
      default:
        return 'unknown';
    }
  }
  if (e.converted_type) return SIGNED_CONVERTED.has(e.converted_type) ? 'signed' : UNSIGNED_CONVERTED.has(e.converted_type) ? 'unsigned' : 'unknown';
  return physicalOrder(e.type);
}

function physicalOrder(physical: ParquetType | undefined): SortOrder {
  switch (physical) {
    case 'BOOLEAN':
    case 'INT32':
    case 'INT64':
    case 'FLOAT':
    case 'DOUBLE':
      return 'signed';
    case 'BYTE_ARRAY':
    case 'FIXED_LEN_BYTE_ARRAY':
      return 'unsigned';
    default:
      return 'unknown';
  }
}

/** The min/max pair pyarrow reads: min_value/max_value where the footer lists column orders, else the deprecated min/max. */
export function storedPair<T>(pairs: { values: [T | undefined, T | undefined]; deprecated: [T | undefined, T | undefined] }, rules: StatisticsRules): [T, T] | undefined {
  const [min, max] = rules.columnOrders ? pairs.values : pairs.deprecated;
  return min !== undefined && max !== undefined ? [min, max] : undefined;
}

const sameBytes = (a: unknown, b: unknown) =>
  a instanceof Uint8Array && b instanceof Uint8Array ? a.length === b.length && a.every((x, i) => x === b[i]) : a !== undefined && a === b;

const writerText = (w: WriterVersion) => `${w.application} ${w.version.join('.')}`;

/**
 * Why pyarrow does not use a leaf's min and max (parquet-cpp's is_stats_set and HasCorrectStatistics),
 * or undefined where it does: not where the leaf's order is unknown; the deprecated pair only in signed
 * order (GH-34139); from parquet-mr before 1.10 and parquet-cpp before 1.3 only in signed order (or where
 * min equals max), and for byte arrays not before parquet-mr 1.8 (PARQUET-251).
 */
export function minMaxDistrust(s: Statistics, element: SchemaElement, rules: StatisticsRules, raw?: { values: [unknown, unknown]; deprecated: [unknown, unknown] }): string | undefined {
  const order = sortOrder(rules.geoMarked?.has(element) ? { ...element, logical_type: undefined } : element);
  if (order === 'unknown') return 'its type has no defined sort order';
  if (!rules.columnOrders && order !== 'signed') return 'the footer lists no column orders, so they are the deprecated pair, in a signed byte order this type does not sort by';
  const { writer } = rules;
  const distrusted = `${writerText(writer)} is known to write wrong min/max for this type (PARQUET-251, PARQUET-686)`;
  if (before(writer, 'parquet-mr', [1, 10, 0]) || before(writer, 'parquet-cpp', [1, 3, 0])) {
    // parquet-cpp compares the pair it reads (storedPair), re-encoded; the other pair plays no part.
    const pair = storedPair(raw ?? { values: [s.min_value, s.max_value], deprecated: [s.min, s.max] }, rules);
    if (order !== 'signed' && !(pair !== undefined && sameBytes(pair[0], pair[1]))) return distrusted;
    if (element.type !== 'FIXED_LEN_BYTE_ARRAY' && element.type !== 'BYTE_ARRAY') return undefined;
  }
  if (writer.application === 'unknown') return undefined;
  return before(writer, 'parquet-mr', [1, 8, 0]) ? distrusted : undefined;
}

/**
 * Why the writer's nonzero null counts (a chunk's and its pages') cannot be taken as the nulls, or
 * undefined where they can. Polars writes each data page's header and page index entry with the whole
 * chunk's null count and the chunk's as their sum, its nulls times its data pages (pola-rs/polars#29321;
 * 1,028 nulls in 3 pages: 3,084). Its `created_by` names no version, so no fixed release can be told
 * apart; a count of 0 stays true.
 */
export function nullCountDistrust(writer: WriterVersion): string | undefined {
  return writer.application === 'Polars' ? 'Polars counts a chunk\'s nulls once per data page (pola-rs/polars#29321)' : undefined;
}

/** What a leaf holds, as far as a writer's known min/max faults go ('timestamp': one fastparquet wrote from coarser pandas units). */
export type StatsLeaf = 'float' | 'timestamp' | 'other';

/**
 * Why a writer's min/max of a leaf are wrong though pyarrow uses them, or undefined.
 * - Polars (1.44.2 and before; its `created_by` names no version) leaves every value of a page holding
 *   a NaN out of the chunk's float min/max: with its default row groups, a chunk holding a NaN and -5e6
 *   said its min was -999,770, and a filter `x < -1e6` skipped the chunk.
 * - fastparquet (2026.9.0) computes a timestamp column's min/max through nanoseconds when pandas held it
 *   in seconds, milliseconds or microseconds: values past 1677–2262 overflow, and a chunk of
 *   milliseconds from -99,852,948 to 92,757,361 said 3,939 to 100,000,000 (pyarrow's own
 *   `read_table(filters=…)` then found 0 of the 26 rows at or before 1969-12-31 14:54:34.066).
 */
export function minMaxWrong(leaf: StatsLeaf, writer: WriterVersion): string | undefined {
  if (leaf === 'float' && writer.application === 'Polars') return "Polars leaves the values of any page holding a NaN out of a chunk's float min/max";
  if (leaf === 'timestamp' && writer.application === FASTPARQUET) return "fastparquet computes a timestamp column's min/max through nanoseconds, which overflow past 1677–2262, when pandas held the column in a coarser unit";
  return undefined;
}

const FASTPARQUET = 'fastparquet-python';

/**
 * For a fastparquet file, whether a column's timestamps were held by pandas in a unit coarser than
 * nanoseconds, as its "pandas" metadata gives each column's numpy type (`datetime64[s, UTC+05:30]`):
 * every column when that metadata cannot be read. Undefined for other writers.
 */
export function fastparquetCoarseTimestamps(writer: WriterVersion, pandas: string | undefined): ((name: string) => boolean) | undefined {
  if (writer.application !== FASTPARQUET) return undefined;
  try {
    const columns = (JSON.parse(pandas ?? '') as { columns: { name?: unknown; field_name?: unknown; numpy_type?: unknown }[] }).columns;
    const coarse = new Set(columns.filter((c) => /^datetime64\[(s|ms|us)\b/.test(String(c.numpy_type))).map((c) => String(c.field_name ?? c.name)));
    return (name) => coarse.has(name);
  } catch {
    return () => true;
  }
}

/** Whether a leaf holds floating-point values (FLOAT, DOUBLE, or FLOAT16 in a fixed-length byte array). */
export const isFloatLeaf = (e: SchemaElement): boolean => e.type === 'FLOAT' || e.type === 'DOUBLE' || e.logical_type?.type === 'FLOAT16';

const isTimestampLeaf = (e: SchemaElement): boolean => e.logical_type?.type === 'TIMESTAMP' || e.converted_type === 'TIMESTAMP_MILLIS' || e.converted_type === 'TIMESTAMP_MICROS';

/** A leaf's kind for minMaxWrong, from its schema element and the file's rules. */
export const statsLeaf = (e: SchemaElement, rules: StatisticsRules): StatsLeaf =>
  isFloatLeaf(e) ? 'float' : isTimestampLeaf(e) && rules.coarseTimestamp?.(e.name) ? 'timestamp' : 'other';

/**
 * Why a leaf's page index min/max may not decide a filter, or undefined: the rules of its chunk's
 * min/max (minMaxDistrust, minMaxWrong) without a stored pair to look at. A page bound is written in
 * the order the footer's column orders name; where they name none, only a signed order is known.
 */
export function pageBoundsDistrust(e: SchemaElement, rules: StatisticsRules): string | undefined {
  return minMaxDistrust({}, e, rules) ?? minMaxWrong(statsLeaf(e, rules), rules.writer);
}
