import { csvLine } from '../csvText';
import { CountingSink, type BatchWriter } from './batchWriter';

/** Bytes of text gathered before one write to the sink. */
const PIECE = 1 << 20;

/** CSV (RFC 4180, CRLF): a header of the column names, then one record per row in the value text of docs/VALUE_TEXT.md (null: an empty field). */
export class CsvWriter implements BatchWriter {
  readonly wants = 'text';
  private readonly out: CountingSink;
  private readonly encoder = new TextEncoder();
  private started = false;

  constructor(
    sink: { write(bytes: Uint8Array): Promise<void> },
    private readonly names: string[],
    private readonly formulaGuard: boolean,
  ) {
    this.out = new CountingSink(sink);
  }

  get bytes(): number {
    return this.out.bytes;
  }

  private async header(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.out.write(this.encoder.encode(csvLine(this.names, this.formulaGuard)));
  }

  async write(columns: (string | null)[][], rows: number): Promise<void> {
    await this.header();
    let text = '';
    const cells: (string | null)[] = new Array<string | null>(columns.length);
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < columns.length; k++) cells[k] = columns[k][r];
      text += csvLine(cells, this.formulaGuard);
      if (text.length >= PIECE) {
        await this.out.write(this.encoder.encode(text));
        text = '';
      }
    }
    if (text) await this.out.write(this.encoder.encode(text));
  }

  async finish(): Promise<void> {
    await this.header();
  }
}
