import type { ByteSource } from '../model/byteSource';
import { BlobSource } from './blobSource';
import { HttpSource, openHttpSource } from './httpSource';
import type { SourceSpec } from './SourceSpec';

/**
 * Opens a ByteSource in whichever worker holds the spec. `signal` cancels the open and, for a remote
 * file, every read after it: abort it when the file is closed. `readHelper`: a local file's small reads
 * are shared with a second worker (the engine's worker asks for it: the grid's jumps wait on ~40 reads).
 */
export async function createSource(spec: SourceSpec, signal?: AbortSignal, options: { readHelper?: boolean } = {}): Promise<ByteSource> {
  if (spec.kind === 'blob') return new BlobSource(spec.blob, spec.name, { helper: options.readHelper });
  return openHttpSource(spec.url, { timeoutMs: spec.timeoutMs, signal, version: spec.version });
}

/** The spec other workers open `source` by: for a remote file, pinned to the version `source` saw. */
export function pinnedSpec(spec: SourceSpec, source: ByteSource): SourceSpec {
  return spec.kind === 'url' && source instanceof HttpSource ? { ...spec, version: source.version } : spec;
}
