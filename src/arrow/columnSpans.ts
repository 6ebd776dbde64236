import { DataType, Type, UnionMode, type Field } from 'apache-arrow';
import { DICTIONARY_INDICES, ownBuffers } from './bufferLayout';
import { isDecodedType, physicalChildren } from './decodedTypes';

/** The slice of a record batch's flattened nodes, buffers and variadic counts that one column owns. */
export interface ColumnSpan {
  nodeStart: number;
  nodeEnd: number;
  bufferStart: number;
  bufferEnd: number;
  variadicStart: number;
  variadicEnd: number;
}

interface Counts {
  nodes: number;
  buffers: number;
  /** Number of view-typed arrays, each of which takes one variadic buffer count. */
  views: number;
}

function count(type: DataType, metadataVersion: number, variadicCounts: readonly number[], into: Counts): void {
  into.nodes += 1;
  const dense = type.typeId === Type.Union && (type as unknown as { mode: UnionMode }).mode === UnionMode.Dense;
  const stored = isDecodedType(type) ? type.physical : type.typeId === Type.Dictionary ? DICTIONARY_INDICES : type.typeId;
  into.buffers += ownBuffers(stored, metadataVersion, dense);
  if (type.typeId === Type.Utf8View || type.typeId === Type.BinaryView) {
    into.buffers += variadicCounts[into.views] ?? 0; // the data buffers this batch's views point into
    into.views += 1;
  }
  // A dictionary's values live in dictionary batches: it has no children here.
  for (const child of physicalChildren(type)) count(child.type, metadataVersion, variadicCounts, into);
}

/** True when spans depend on each batch's variadic buffer counts (view types present). */
export function hasViewTypes(fields: readonly Field[]): boolean {
  const visit = (type: DataType): boolean =>
    type.typeId === Type.Utf8View || type.typeId === Type.BinaryView || physicalChildren(type).some((c: Field) => visit(c.type));
  return fields.some((f) => visit(f.type));
}

/** Spans of every top-level column, in schema order. */
export function columnSpans(
  fields: readonly Field[],
  metadataVersion: number,
  variadicCounts: readonly number[] = [],
  /** Layout of columns whose type apache-arrow cannot decode, counted from the raw schema. */
  fixed: ReadonlyMap<number, { nodes: number; buffers: number }> = new Map(),
): ColumnSpan[] {
  const spans: ColumnSpan[] = [];
  const total: Counts = { nodes: 0, buffers: 0, views: 0 };
  fields.forEach((field, i) => {
    const start = { ...total };
    const layout = fixed.get(i);
    if (layout) {
      total.nodes += layout.nodes;
      total.buffers += layout.buffers;
    } else count(field.type, metadataVersion, variadicCounts, total);
    spans.push({
      nodeStart: start.nodes,
      nodeEnd: total.nodes,
      bufferStart: start.buffers,
      bufferEnd: total.buffers,
      variadicStart: start.views,
      variadicEnd: total.views,
    });
  });
  return spans;
}
