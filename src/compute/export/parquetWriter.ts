import { makeData, RecordBatch, Struct, Table, tableToIPC, type Data, type Schema } from 'apache-arrow';
import { CountingSink, type BatchWriter } from './batchWriter';
import { exportSchema } from './exportSchema';

type ParquetWasm = typeof import('parquet-wasm');

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
        await this.out.write(r.value);
      }
    })();
    this.consumer.catch((e: unknown) => {
      this.failure ??= e;
      this.wanted?.();
    });
  }

  private async whenWanted(): Promise<void> {
    await this.wantedPromise;
    if (this.failure) throw this.failure instanceof Error ? this.failure : new Error(String(this.failure));
    this.wantedPromise = new Promise((resolve) => (this.wanted = resolve));
  }

  private enqueue(batch: RecordBatch): void {
    const ipc = tableToIPC(new Table([batch]), 'stream');
    const table = this.wasm.Table.fromIPCStream(ipc);
    for (const b of table.recordBatches()) this.input!.enqueue(b);
    table.free();
    this.batches++;
  }

  async write(columns: Data[], rows: number): Promise<void> {
    this.start(columns);
    await this.whenWanted();
    const schema = this.schema!;
    this.enqueue(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children: columns })));
  }

  async finish(): Promise<void> {
    this.start();
    const schema = this.schema!;
    if (this.batches === 0) {
      // no rows: one empty batch, so the file still carries the schema
      await this.whenWanted();
      this.enqueue(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 0, nullCount: 0, children: schema.fields.map((f) => makeData({ type: f.type, length: 0 } as never)) })));
    }
    this.input!.close();
    await this.consumer;
    if (this.failure) throw this.failure instanceof Error ? this.failure : new Error(String(this.failure));
  }
}
