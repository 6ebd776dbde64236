import { makeData, RecordBatch, RecordBatchFileWriter, RecordBatchStreamWriter, Struct, Type, type Data, type Schema, type Vector } from 'apache-arrow';
import { nextTask } from '../timeSlice';
import { CountingSink, type BatchWriter } from './batchWriter';
import { exportSchema } from './exportSchema';
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
  /** File format: the dictionary each dictionary column started with (an IPC file cannot replace one). */
  private readonly dictionaries = new Map<number, Vector>();

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
    this.schema = exportSchema(this.source, this.columns, datas);
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

  private checkDictionaries(datas: Data[]): void {
    if (!this.file) return;
    datas.forEach((d, k) => {
      if (d.typeId !== Type.Dictionary) return;
      const first = this.dictionaries.get(k);
      if (!first) this.dictionaries.set(k, d.dictionary!);
      else if (first !== d.dictionary) {
        throw new ExportError(`Column "${this.schema!.fields[k].name}" has a different dictionary in another chunk, which an Arrow IPC file cannot hold (it may not replace a dictionary); export it as an Arrow stream (.arrows) or Parquet.`);
      }
    });
  }

  async write(columns: Data[], rows: number): Promise<void> {
    this.start(columns);
    this.checkDictionaries(columns);
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
