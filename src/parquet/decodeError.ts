import { DatasetError, LocatedError } from '../model/errors';

const STILL_WORKS = 'The other columns and row groups can still be read, and this column\'s pages can still be listed.';

/** parquet-rs's words for a DELTA_BINARY_PACKED value past the physical type, and what they are about. */
const TOO_LARGE = new Map([
  ["'min_delta' too large", "block's minimum delta"],
  ['first value too large', "page's first value"],
]);

/** True for a WebAssembly trap (a Rust panic shows as `unreachable`, a bad access as `memory access out of bounds`). */
function isWasmTrap(e: unknown): boolean {
  return typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError;
}

/**
 * Any error met while decoding one column of one row group, as a sentence the UI can show: what
 * failed and where. Errors that already say where (ours, byte sources') and cancellations pass as they are.
 */
export function decodeError(e: unknown, column: string, rowGroup: number, offset?: number): unknown {
  if (e instanceof DatasetError) {
    return new DatasetError(e.message, { offset, ...e.where, chunk: rowGroup, column }, e.stillWorks ?? STILL_WORKS);
  }
  if (e instanceof LocatedError || (e as { name?: string } | null)?.name === 'AbortError') return e;
  const where = { chunk: rowGroup, column, offset };
  // parquet-wasm wraps parquet-rs' errors in "Parquet argument error: Parquet error: …", which says nothing more.
  const detail = String((e as Error | null)?.message ?? e)
    .replace(/\.$/, '')
    .replace(/^Parquet argument error: (Parquet error: )?/, '');
  if (isWasmTrap(e)) {
    return new DatasetError(
      `Column "${column}" of row group ${rowGroup} could not be decoded: the Parquet decoder stopped on an internal error (${detail}), which happens when the pages do not hold what their headers and the footer say, or when they need more memory than it can get.`,
      where,
      STILL_WORKS,
    );
  }
  // parquet-rs refusing an encoding for the column's type (parquetjs writes INT32 values as RLE, which the format defines for booleans only).
  const encoding = /Encoding (\w+) is not supported for type/.exec(detail)?.[1];
  if (encoding) {
    return new DatasetError(
      `Column "${column}" of row group ${rowGroup} could not be decoded: its values are stored in the ${encoding} encoding, which the Parquet format does not define for values of its type (pyarrow refuses them too).`,
      where,
      STILL_WORKS,
    );
  }
  // DuckDB 1.5 writes such pages for uint32 values past 2^31 (first values and deltas taken in 64 bits); pyarrow refuses them as well.
  const tooLarge = TOO_LARGE.get(detail);
  if (tooLarge) {
    return new DatasetError(
      `Column "${column}" of row group ${rowGroup} could not be decoded: a DELTA_BINARY_PACKED ${tooLarge} is larger than the column's physical type holds (pyarrow refuses it too).`,
      where,
      STILL_WORKS,
    );
  }
  // The pages end before the count of values the footer gives (fastparquet 2026.9 wrote such INT96 pages; pyarrow and DuckDB refuse them too).
  const short = /^insufficient values read from column - expected: (\d+), got: (\d+)$/.exec(detail);
  if (short) {
    const count = (x: string) => Number(x).toLocaleString('en-US');
    return new DatasetError(`Column "${column}" of row group ${rowGroup} could not be decoded: its pages hold ${count(short[2])} values where the row group has ${count(short[1])}.`, where, STILL_WORKS);
  }
  return new DatasetError(`Column "${column}" of row group ${rowGroup} could not be decoded: ${detail}.`, where, STILL_WORKS);
}
