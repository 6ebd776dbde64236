import { makeData, RecordBatch, RecordBatchFileWriter, RecordBatchStreamWriter, Struct, Type, type Data, type Dictionary, type Schema, type Vector } from 'apache-arrow';
import { nextTask } from '../timeSlice';
import { CountingSink, type BatchWriter } from './batchWriter';
import { exportSchema } from './exportSchema';
import { emptyData, withNullCounts } from './nestedData';
import { ExportError } from './exportTypes';

/**
 * Arrow IPC stream (`.arrows`) or file (`.arrow`) with apache-arrow's RecordBatchStreamWriter /
 * RecordBatchFileWriter, one record batch per group: the schema and its metadata as the source has
 * them. The bytes each batch makes are handed to the sink before the next group is gathered.
 */
export class ArrowWriter implements BatchWriter {
  readonly wants = 'data';
  private readonly out: CountingSink;
  private writer: RecordBatchStreamWriter | RecordBatchFileWriter | null = null;
  private iterator: AsyncIterator<Uint8Array> | null = null;
  private pending: Promise<IteratorResult<Uint8Array>> | null = null;
  private schema: Schema | null = null;
  /**
   * File format, per dictionary column: the dictionary written so far, and where each source dictionary
   * starts in it. An IPC file may not replace a dictionary, so a chunk's other dictionary is appended
   * (a delta, which apache-arrow's writer emits when the new dictionary extends the last) and its
   * indices shifted.
   */
  private readonly dictionaries = new Map<number, { joined: Vector; base: Map<Vector, number> }>();

  constructor(
    sink: { write(bytes: Uint8Array): Promise<void> },
    private readonly source: Schema,
    private readonly columns: number[],
    private readonly file: boolean,
  ) {
    this.out = new CountingSink(sink);
  }

  get bytes(): number {
    return this.out.bytes;
  }

  private start(datas?: Data[]): void {
    if (this.writer) return;
    // No rows written: the types a column's rows would have been taken in.
    this.schema = exportSchema(this.source, this.columns, datas ?? this.columns.map((c) => emptyData(this.source.fields[c].type)));
    this.writer = this.file ? new RecordBatchFileWriter() : new RecordBatchStreamWriter();
    this.iterator = this.writer[Symbol.asyncIterator]();
    this.writer.reset(undefined, this.schema);
  }

  /** Hands the sink every byte the writer has made so far (what it has queued resolves before the next task). */
  private async drain(): Promise<void> {
    for (;;) {
      this.pending ??= this.iterator!.next();
      const r = await Promise.race([this.pending, nextTask().then(() => null)]);
      if (r === null) return;
      this.pending = null;
      if (r.done) return;
      await this.out.write(r.value);
    }
  }

  private joinDictionary(k: number, d: Data): Data {
    const dictionary = d.dictionary!;
    let state = this.dictionaries.get(k);
    if (!state) {
      state = { joined: dictionary, base: new Map([[dictionary, 0]]) };
      this.dictionaries.set(k, state);
    }
    let base = state.base.get(dictionary);
    if (base === undefined) {
      base = state.joined.length;
      const type = d.type as Dictionary;
      const most = 2 ** (type.indices.bitWidth - (type.indices.isSigned ? 1 : 0));
      if (base + dictionary.length > most) {
        throw new ExportError(`Column "${this.schema!.fields[k].name}" has ${(base + dictionary.length).toLocaleString('en-US')} dictionary entries over its chunks, more than its ${type.indices.bitWidth}-bit indices can number in one Arrow IPC file; export it as an Arrow stream (.arrows) or Parquet.`);
      }
      state.joined = state.joined.concat(dictionary);
      state.base.set(dictionary, base);
    }
    if (base === 0 && state.joined === dictionary) return d;
    const indices = d.values as unknown as ArrayLike<number | bigint> & { constructor: new (n: number) => (number | bigint)[] };
    const shifted = new indices.constructor(d.length);
    const wide = typeof indices[0] === 'bigint';
    for (let i = 0; i < d.length; i++) shifted[i] = wide ? (indices[i] as bigint) + BigInt(base) : (indices[i] as number) + base;
    return makeData({ type: this.schema!.fields[k].type, offset: d.offset, length: d.length, nullCount: d.nullCount, nullBitmap: d.nullBitmap, data: shifted, dictionary: state.joined } as never);
  }

  async write(columns: Data[], rows: number): Promise<void> {
    columns = columns.map(withNullCounts);
    this.start(columns);
    if (this.file) columns = columns.map((d, k) => (d.typeId === Type.Dictionary ? this.joinDictionary(k, d) : d));
    const schema = this.schema!;
    const batch = new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children: columns }));
    this.writer!.write(batch);
    await this.drain();
  }

  async finish(): Promise<void> {
    this.start();
    this.writer!.close();
    for (;;) {
      const r = await (this.pending ?? this.iterator!.next());
      this.pending = null;
      if (r.done) return;
      await this.out.write(r.value);
    }
  }
}
