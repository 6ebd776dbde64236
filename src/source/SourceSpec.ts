import type { FileVersion } from './httpVersion';

/**
 * A structured-clonable description of where bytes come from, so that any worker (the main engine
 * worker or a compute pool worker) can open its own ByteSource over the same file without copying it.
 * A File/Blob posted to a worker is disk-backed: nothing is copied.
 */
export type SourceSpec =
  | { kind: 'blob'; blob: Blob; name: string }
  | {
      kind: 'url';
      url: string;
      name?: string;
      /** Give a request up after this long without an answer or without body bytes (default HTTP_TIMEOUT_MS). */
      timeoutMs?: number;
      /**
       * The version the first open saw (set by the engine for the compute workers): a worker that finds
       * another reports the file changed rather than counting a different file.
       */
      version?: FileVersion;
    };
