import type { Writable } from 'node:stream';

/** Writing the output failed: its reader went away (a broken pipe: stop quietly), or the disk is full or the like. */
export class OutputClosed extends Error {
  constructor(readonly cause: unknown) {
    super(`The output could not be written: ${(cause as Error)?.message ?? String(cause)}.`);
  }

  /** The reader closed the pipe early (as `head` does): not a failure of ours. */
  get byReader(): boolean {
    const code = (this.cause as NodeJS.ErrnoException)?.code;
    return code === 'EPIPE' || code === 'ECONNRESET' || code === 'ERR_STREAM_DESTROYED';
  }
}

const CHUNK = 64 * 1024;

/**
 * Text output with backpressure: small writes are gathered into ~64 KiB chunks; a chunk the stream
 * cannot take yet is awaited ('drain'), so memory stays bounded whatever reads stdout and however
 * slowly. A stream error (a closed pipe) turns the next write into OutputClosed. `finish()` resolves
 * once the last byte is handed to the OS, so the process can end without cutting its output.
 */
export class Output {
  private parts: string[] = [];
  private size = 0;
  private error: unknown = null;
  private wake: (() => void) | null = null;
  private lastWrite: Promise<void> = Promise.resolve();

  constructor(private readonly stream: Writable) {
    stream.on('error', (e) => {
      this.error ??= e;
      this.wake?.();
    });
  }

  /** Queue text; awaiting the result applies backpressure (cheap when the chunk is not full yet). */
  write(text: string): Promise<void> | undefined {
    if (this.error) throw new OutputClosed(this.error);
    this.parts.push(text);
    this.size += text.length;
    return this.size >= CHUNK ? this.flush() : undefined;
  }

  /** Hand the gathered text to the stream and wait for room if it has none left. */
  async flush(): Promise<void> {
    if (this.error) throw new OutputClosed(this.error);
    if (this.size === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.lastWrite = new Promise((resolve) => this.stream.write(chunk, () => resolve()));
    if (!this.stream.writableNeedDrain) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.stream.off('drain', done);
        this.wake = null;
        resolve();
      };
      this.wake = done;
      this.stream.on('drain', done);
    });
    if (this.error) throw new OutputClosed(this.error);
  }

  /** Flush, then wait until every byte written so far has left the process (or the stream failed). */
  async finish(): Promise<void> {
    await this.flush();
    await this.lastWrite;
    if (this.error) throw new OutputClosed(this.error);
  }

  /**
   * Let the event loop turn. A file or /dev/null as stdout is written synchronously and small reads
   * are synchronous too, so a long run could go on in microtasks alone; V8 finishes its incremental
   * GC in event-loop tasks, and without them memory grew to twice what it does on a pipe.
   */
  breathe(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }

  get closed(): boolean {
    return this.error !== null;
  }
}
