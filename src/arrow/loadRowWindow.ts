import { DataType, DateUnit, Type, makeData, makeVector, type Dictionary, type Vector } from 'apache-arrow';
import { type BufferRegion } from '../adapters/apacheArrowInternals';
import { DatasetError } from '../model/errors';
import type { RowRange } from '../model/types';
import { loadColumn, type ColumnRequest } from './loadColumn';
import { validateData } from './validateData';
import { isDecodedType } from './decodedTypes';

/** Bytes per value of flat fixed-width types (null when the type is not one or not handled here). */
function byteWidth(type: DataType): number | null {
  const t = type as unknown as { bitWidth?: number; precision?: number; unit?: number; byteWidth?: number };
  switch (type.typeId) {
    case Type.Int:
    case Type.Time:
    case Type.Decimal:
      return (t.bitWidth ?? 0) / 8 || null;
    case Type.Float:
      return [2, 4, 8][t.precision ?? -1] ?? null;
    case Type.Date:
      return t.unit === DateUnit.DAY ? 4 : 8;
    case Type.Timestamp:
    case Type.Duration:
      return 8;
    case Type.FixedSizeBinary:
      return t.byteWidth ?? null;
    default:
      return null;
  }
}

/** True when a row window can be read without loading the whole column. */
export function supportsRowWindow(type: DataType, compressed: boolean): boolean {
  if (compressed || isDecodedType(type)) return false;
  const t = type.typeId === Type.Dictionary ? (type as Dictionary).indices : type;
  return byteWidth(t) !== null || t.typeId === Type.Bool || t.typeId === Type.Utf8 || t.typeId === Type.Binary;
}

/**
 * Reads rows [start, end) of a flat column: the validity bits, the values (or offsets then the
 * matching data range) of just those rows. apache-arrow's Data keeps values and offsets pre-sliced
 * while bit buffers (validity, booleans) carry a bit offset, so bits are read from the byte holding
 * row `start` and `offset` is the bit position within it.
 */
export async function loadRowWindow(req: ColumnRequest, rows: RowRange): Promise<Vector> {
  const { header, span, batch, field } = req;
  const where = { chunk: req.batchIndex, column: field.name };
  const node = header.nodes[span.nodeStart];
  const [validity, first, second] = header.buffers.slice(span.bufferStart, span.bufferEnd);
  const start = Math.max(0, rows.start);
  const end = Math.min(node.length, rows.end);
  const length = Math.max(0, end - start);
  if (length === 0) return (await loadColumn(req)).slice(0, 0); // no rows: nothing to window (offsets may even be empty)
  const base = start - (start % 8);
  const skew = start - base;
  const type = field.type;
  const valueType = type.typeId === Type.Dictionary ? (type as Dictionary).indices : type;
  const read = async (region: BufferRegion, from: number, to: number): Promise<Uint8Array> => {
    if (from < 0 || to > region.length || from > to) {
      throw new DatasetError(`Rows ${start}-${end} fall outside the column's buffer.`, { ...where, offset: batch.bodyOffset + region.offset });
    }
    if (region.offset + to > batch.bodyLength) {
      throw new DatasetError('A buffer points outside its message body.', { ...where, offset: batch.bodyOffset + region.offset });
    }
    return req.source.read(batch.bodyOffset + region.offset + from, to - from, req.signal);
  };
  const nullBitmap = node.nullCount > 0 && validity.length > 0 ? await read(validity, base / 8, Math.min(validity.length, Math.ceil(end / 8))) : undefined;
  const nullCount = nullBitmap ? -1 : 0; // -1: apache-arrow counts the window's nulls lazily

  const width = byteWidth(valueType);
  let data;
  if (width !== null) {
    const bytes = await read(first, start * width, end * width);
    data = makeData({ type: valueType, offset: skew, length, nullCount, nullBitmap, data: aligned(bytes, valueType) } as never);
  } else if (valueType.typeId === Type.Bool) {
    const bytes = await read(first, base / 8, Math.ceil(end / 8));
    data = makeData({ type: valueType, offset: skew, length, nullCount, nullBitmap, data: bytes } as never);
  } else {
    const offsetBytes = await read(first, start * 4, (end + 1) * 4);
    const offsets = new Int32Array(offsetBytes.buffer, offsetBytes.byteOffset, offsetBytes.byteLength / 4).slice();
    const lo = offsets[0];
    const hi = offsets[offsets.length - 1];
    if (lo < 0 || hi < lo) throw new DatasetError('The column has decreasing or negative string offsets.', { ...where, offset: batch.bodyOffset + first.offset });
    for (let i = 0; i < offsets.length; i++) offsets[i] -= lo;
    const values = await read(second, lo, hi);
    data = makeData({ type: valueType, offset: skew, length, nullCount, nullBitmap, valueOffsets: offsets, data: values } as never);
  }
  if (type.typeId === Type.Dictionary) {
    const dictionary = req.dictionaries.get((type as Dictionary).id);
    data = makeData({ type, offset: skew, length, nullCount, nullBitmap, data: data.values, dictionary } as never);
  }
  const problem = validateData(data);
  if (problem) throw new DatasetError(`The column's data is inconsistent: ${problem}.`, { ...where, offset: batch.bodyOffset });
  return makeVector(data);
}

/** A typed array over `bytes` for the type; copies only when the read is not element-aligned. */
function aligned(bytes: Uint8Array, type: DataType): ArrayBufferView {
  const Ctor = type.ArrayType as unknown as { new (b: ArrayBufferLike, o: number, n: number): ArrayBufferView; BYTES_PER_ELEMENT: number };
  const size = Ctor.BYTES_PER_ELEMENT;
  const copy = bytes.byteOffset % size === 0 ? bytes : bytes.slice();
  return new Ctor(copy.buffer, copy.byteOffset, copy.byteLength / size);
}
