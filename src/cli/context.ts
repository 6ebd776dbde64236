import type { Output } from './output';
import type { FileThreads } from './pool/parallel';
import type { Progress } from './progress';

/** What a command writes to: stdout (with backpressure), stderr lines, the progress line. */
export interface CommandIo {
  out: Output;
  /** One line on stderr (the caller escapes what came from the file). */
  warn(line: string): void;
  progress: Progress;
  /** Threads besides this one for scans over every chunk (--threads); absent or null: this thread only. */
  pool?: FileThreads | null;
}
