import { Binary, DateDay, DateUnit, Dictionary, List, makeData, Utf8, RecordBatch, Struct, Table, tableToIPC, Time, TimeUnit, Timestamp, Type, type Data, type DataType, type Date_, type Decimal, type FixedSizeBinary, type FixedSizeList, type Schema } from 'apache-arrow';
import { parquetMetadata } from 'hyparquet';
import { typeName } from '../../valueText';
import { decodeDictionary, isValid } from './takeData';
import { ExportError } from './exportTypes';
import { CountingSink, type BatchWriter } from './batchWriter';
import { exportSchema } from './exportSchema';
import { emptyData, mapNested, withNullCounts } from './nestedData';
import { withChildTypes } from '../../model/withChildren';

type ParquetWasm = typeof import('parquet-wasm');

/** Dictionary values a Parquet file keeps as a dictionary (the ones pyarrow reads back as one): strings and bytes. */
const KEPT_DICTIONARY = new Set<Type>([Type.Utf8, Type.LargeUtf8, Type.Binary, Type.LargeBinary]);

const keptDictionary = (t: DataType) => t.typeId !== Type.Dictionary || KEPT_DICTIONARY.has((t as Dictionary).dictionary.typeId);

/**
 * The type a column comes back from Parquet in, as pyarrow writes it (and reads it back), at any depth:
 * date64 -> date32, time32[s] -> time32[ms], timestamp[s] -> timestamp[ms] (zone kept; written so by
 * forParquet: arrow-rs would write the units as bare integers); fixed_size_list -> list (pyarrow 25
 * cannot read a fixed_size_list back, its own files too, once a list or a struct above it is null:
 * "Expected all lists to be of size=2 but index 2 had size=0"); a dictionary of large strings or bytes
 * -> of strings or bytes; a top-level dictionary of other values -> its values (arrow-rs wrote a
 * dictionary of timestamps as bare integers, of lists as no rows at all; a nested one is refused, parquetProblem).
 */
export function parquetType(t: DataType): DataType {
  if (!keptDictionary(t)) return parquetType((t as Dictionary).dictionary);
  if (t.typeId === Type.Dictionary) return smallDictionary(t as Dictionary);
  // A fixed_size_list's own type changes (to list) and its item's too
  const own = unitType(t);
  return withChildTypes(own, (own.children ?? []).map((f) => (keptDictionary(f.type) ? parquetType(f.type) : f.type))) ?? own;
}

/** A dictionary of large strings or bytes comes back from Parquet as one of strings or bytes (pyarrow's own files too). */
function smallDictionary(t: Dictionary): DataType {
  const v = t.dictionary.typeId === Type.LargeUtf8 ? new Utf8() : t.dictionary.typeId === Type.LargeBinary ? new Binary() : null;
  return v ? new Dictionary(v, t.indices, t.id, t.isOrdered) : t;
}

/** date64 -> date32, time32[s] -> time32[ms], timestamp[s] -> timestamp[ms] (zone kept), fixed_size_list -> list; any other type as it is. */
function unitType(t: DataType): DataType {
  if (t.typeId === Type.FixedSizeList) return new List((t as FixedSizeList).children[0]);
  if (t.typeId === Type.Date && (t as Date_).unit === DateUnit.MILLISECOND) return new DateDay();
  if (t.typeId === Type.Time && (t as Time).unit === TimeUnit.SECOND) return new Time(TimeUnit.MILLISECOND, 32);
  if (t.typeId === Type.Timestamp && (t as Timestamp).unit === TimeUnit.SECOND) return new Timestamp(TimeUnit.MILLISECOND, (t as Timestamp).timezone);
  return t;
}

/** Seconds past this many are past what an int64 of milliseconds holds. */
const MAX_SECONDS = BigInt.asIntN(64, (1n << 63n) - 1n) / 1000n;

/** A column's values in parquetType's type, null-typed children counted (withNullCounts). */
export function forParquet(d: Data): Data {
  if (!keptDictionary(d.type)) return forParquet(decodeDictionary(d));
  return mapNested(withNullCounts(d), unitData);
}

/** A column's own values in unitType's type (its children are mapNested's). */
function unitData(d: Data): Data {
  const t = d.type as DataType;
  const n = d.length;
  const base = { length: n, nullCount: d.nullCount, nullBitmap: d.nullBitmap, offset: d.offset };
  if (t.typeId === Type.FixedSizeList) {
    // A fixed_size_list's child starts at its first row (apache-arrow slices it); a list's offsets count from there.
    const size = (t as FixedSizeList).listSize;
    const valueOffsets = Int32Array.from({ length: n + 1 }, (_, i) => i * size);
    return makeData({ type: unitType(t), ...base, valueOffsets, child: d.children[0] } as never);
  }
  if (t.typeId === Type.Date && (t as Date_).unit === DateUnit.MILLISECOND) {
    const ms = d.values as unknown as BigInt64Array;
    const days = new Int32Array(n);
    for (let i = 0; i < n; i++) days[i] = Math.floor(Number(ms[i]) / 86_400_000);
    return makeData({ type: unitType(t), ...base, data: days } as never);
  }
  if (t.typeId === Type.Time && (t as Time).unit === TimeUnit.SECOND) {
    const s = d.values as Int32Array;
    const ms = new Int32Array(n);
    for (let i = 0; i < n; i++) ms[i] = s[i] * 1000;
    return makeData({ type: unitType(t), ...base, data: ms } as never);
  }
  if (t.typeId === Type.Timestamp && (t as Timestamp).unit === TimeUnit.SECOND) {
    const s = d.values as unknown as BigInt64Array;
    const ms = new BigInt64Array(n);
    for (let i = 0; i < n; i++) {
      if ((s[i] > MAX_SECONDS || s[i] < -MAX_SECONDS) && isValid(d, i)) {
        throw new ExportError(`A timestamp[s] value (${s[i]} seconds) is past what Parquet's milliseconds can hold (±${MAX_SECONDS.toLocaleString('en-US')} seconds); leave its column out, or export Arrow.`);
      }
      ms[i] = s[i] * 1000n;
    }
    return makeData({ type: unitType(t), ...base, data: ms } as never);
  }
  return d;
}

/**
 * Why a type is not written to Parquet, or null: an interval comes
 * back as fixed_size_binary (Parquet's INTERVAL holds months, days and milliseconds only, and pyarrow
 * does not write intervals at all).
 */
function parquetProblem(t: DataType, nested = false): string | null {
  if (nested && !keptDictionary(t)) return `${typeName(t)} values inside a nested column, which cannot be written to Parquet yet (they would come back in another type)`;
  if (t.typeId === Type.Decimal && (t as Decimal).scale < 0) return `${typeName(t)} values, which Parquet cannot hold (its decimals have a scale of 0 or more)`;
  // parquet-rs 59 fails on them ("Cannot coerce Decimal32(1, 1) to I64") and its stream writer then ends with no rows
  if (t.typeId === Type.Decimal && (t as Decimal).bitWidth === 32 && (t as Decimal).precision < 2) return `${typeName(t)} values, which the Parquet writer (parquet-rs) cannot write (a decimal32 of precision 1)`;
  if (t.typeId === Type.Struct && !t.children.length) return 'a struct with no fields, which Parquet cannot hold';
  if (t.typeId === Type.Interval) return 'interval values, which Parquet cannot hold as such (they would come back as fixed_size_binary)';
  if (t.typeId === Type.Union) return 'union values, which Parquet cannot hold (pyarrow does not write them either)';
  // The writer (arrow-rs in wasm) traps on a zero-width FIXED_LEN_BYTE_ARRAY, which the format does not allow either.
  if (t.typeId === Type.FixedSizeBinary && (t as FixedSizeBinary).byteWidth === 0) return 'fixed_size_binary[0] values, which Parquet cannot hold (a fixed-length byte array has at least one byte)';
  const values = t.typeId === Type.Dictionary ? [(t as Dictionary).dictionary] : [];
  for (const c of [...(t.children ?? []).map((f) => f.type), ...values]) {
    const why = parquetProblem(c, true);
    if (why) return why;
  }
  return null;
}

/** Rows per Parquet row group: the writer holds one row group's encoded pages in wasm memory until it is full. */
export const ROW_GROUP_ROWS = 131_072;

/**
 * Parquet through parquet-wasm's streaming writer (arrow-rs `ArrowWriter` behind transformParquetStream):
 * each group crosses as an Arrow IPC batch; arrow-rs stores the Arrow schema (ARROW:schema) so pyarrow
 * reads back the same types (time zones, large types, dictionaries, durations) and keeps field and
 * schema metadata. Backpressure end to end: the writer pulls a batch only when it wants one, and its
 * output is pulled only as fast as the sink takes it, so memory holds about one row group.
 */
export class ParquetWriter implements BatchWriter {
  readonly wants = 'data';
  private readonly out: CountingSink;
  private input: ReadableStreamDefaultController<unknown> | null = null;
  private wanted: (() => void) | null = null;
  private wantedPromise: Promise<void> | null = null;
  private consumer: Promise<void> | null = null;
  private failure: unknown = null;
  private schema: Schema | null = null;
  private batches = 0;
  /** Rows handed to the writer, and the last bytes it made (its footer, to check it wrote them all). */
  private rows = 0;
  private readonly tail = new OutputTail();

  constructor(
    sink: { write(bytes: Uint8Array): Promise<void> },
    private readonly source: Schema,
    private readonly columns: number[],
    private readonly wasm: ParquetWasm,
    private readonly rowGroupRows = ROW_GROUP_ROWS,
  ) {
    this.out = new CountingSink(sink);
  }

  get bytes(): number {
    return this.out.bytes;
  }

  private start(datas?: Data[]): void {
    if (this.consumer) return;
    this.schema = exportSchema(this.source, this.columns, datas);
    if (!datas) this.schema = exportSchema(this.source, this.columns, this.columns.map((c) => forParquet(emptyData(this.source.fields[c].type))));
    for (const f of this.schema.fields) {
      const why = parquetProblem(f.type);
      if (why) throw new ExportError(`Column "${f.name}" holds ${why}; leave it out, or export Arrow.`, { column: f.name });
    }
    const pw = this.wasm;
    this.wantedPromise = new Promise((resolve) => (this.wanted = resolve));
    const input = new ReadableStream<unknown>(
      {
        start: (controller) => {
          this.input = controller;
        },
        pull: () => {
          this.wanted?.();
        },
      },
      { highWaterMark: 0 },
    );
    const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.SNAPPY).setMaxRowGroupSize(this.rowGroupRows).setCreatedBy('arrowscope').build();
    // transformParquetStream reads the first batch (for its schema) before it resolves: not awaited here
    this.consumer = (async () => {
      const output = await pw.transformParquetStream(input, props);
      const reader = output.getReader() as ReadableStreamDefaultReader<Uint8Array>;
      for (;;) {
        const r = await reader.read();
        if (r.done) return;
        this.tail.add(r.value);
        await this.out.write(r.value);
      }
    })();
    this.consumer.catch((e: unknown) => {
      this.failure ??= e;
      this.wanted?.();
    });
  }

  abort(reason: unknown): void {
    try {
      this.input?.error(reason);
    } catch {
      // already closed or errored
    }
  }

  private async whenWanted(): Promise<void> {
    await this.wantedPromise;
    if (this.failure) throw this.failure instanceof Error ? this.failure : new Error(String(this.failure));
    this.wantedPromise = new Promise((resolve) => (this.wanted = resolve));
  }

  private enqueue(batch: RecordBatch): void {
    this.enqueueIpc(tableToIPC(new Table([batch]), 'stream'));
  }

  private enqueueIpc(ipc: Uint8Array): void {
    const table = this.wasm.Table.fromIPCStream(ipc);
    for (const b of table.recordBatches()) this.input!.enqueue(b);
    table.free();
    this.batches++;
  }

  async write(columns: Data[], rows: number): Promise<void> {
    columns = columns.map(forParquet);
    this.start(columns);
    await this.whenWanted();
    const schema = this.schema!;
    this.enqueue(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children: columns })));
    this.rows += rows;
  }

  /** A batch gathered elsewhere (gatherShare: types already converted by forParquet, schema as exportSchema makes it): its bytes go to the writer as they are. */
  async writeIpc(ipc: Uint8Array, columns: Data[]): Promise<void> {
    this.start(columns);
    await this.whenWanted();
    this.enqueueIpc(ipc);
    this.rows += columns[0]?.length ?? 0;
  }

  async finish(): Promise<void> {
    this.start();
    const schema = this.schema!;
    if (this.batches === 0) {
      // no rows: one empty batch, so the file still carries the schema
      await this.whenWanted();
      this.enqueue(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 0, nullCount: 0, children: schema.fields.map((f) => emptyData(f.type)) })));
    }
    this.input!.close();
    await this.consumer;
    if (this.failure) throw this.failure instanceof Error ? this.failure : new Error(String(this.failure));
    const written = this.tail.footerRows();
    if (written !== undefined && written !== this.rows) {
      throw new ExportError(`The Parquet writer (parquet-wasm) wrote ${written.toLocaleString('en-US')} of the ${this.rows.toLocaleString('en-US')} rows without saying why: the file is not complete. Export Arrow, or leave out the columns of a less common type.`);
    }
  }
}

/** Footers past this size are not checked (one of a few thousand columns and row groups). */
const TAIL_MAX = 16 * 1024 * 1024;

/** The last bytes of a Parquet output (up to TAIL_MAX), and the row count its footer says. */
class OutputTail {
  private parts: Uint8Array[] = [];
  private bytes = 0;

  add(part: Uint8Array): void {
    this.parts.push(part);
    this.bytes += part.length;
    while (this.parts.length > 1 && this.bytes - this.parts[0].length >= TAIL_MAX) this.bytes -= this.parts.shift()!.length;
  }

  /** The footer's num_rows, or undefined when the footer is not all here (or not readable). */
  footerRows(): number | undefined {
    const all = new Uint8Array(this.bytes);
    let o = 0;
    for (const p of this.parts) {
      all.set(p, o);
      o += p.length;
    }
    const footer = all.length >= 8 ? new DataView(all.buffer).getUint32(all.length - 8, true) : Infinity;
    if (footer + 8 > all.length) return undefined;
    try {
      return Number(parquetMetadata(all.buffer).num_rows);
    } catch {
      return undefined; // a footer hyparquet cannot read is not this check's to judge
    }
  }
}
