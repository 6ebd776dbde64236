import type { Data } from 'apache-arrow';

/** One output format: takes a group's columns (as Data, or as text for CSV) and writes them to the sink. */
export interface BatchWriter {
  /** What the writer wants per column. */
  readonly wants: 'data' | 'text';
  write(columns: Data[] | (string | null)[][], rows: number): Promise<void>;
  /** Writes a group that is already one record batch in Arrow IPC bytes (of the writer's schema), `columns` its values read from them. */
  writeIpc?(ipc: Uint8Array, columns: Data[], rows: number): Promise<void>;
  /** Writes what ends the file (footer) and closes nothing: the caller closes the sink. */
  finish(): Promise<void>;
  /** Lets go of what the writer holds after a failure or a cancel (the caller discards the sink). */
  abort?(reason: unknown): void;
  /** Bytes handed to the sink so far. */
  readonly bytes: number;
}

/** Counts what goes to the sink. */
export class CountingSink {
  bytes = 0;
  constructor(private readonly sink: { write(bytes: Uint8Array): Promise<void> }) {}
  async write(bytes: Uint8Array): Promise<void> {
    this.bytes += bytes.length;
    await this.sink.write(bytes);
  }
}
