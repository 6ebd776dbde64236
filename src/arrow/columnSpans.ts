import { DataType, Type, UnionMode, type Field } from 'apache-arrow';
import { DICTIONARY_INDICES, ownBuffers } from './bufferLayout';

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
  into.buffers += ownBuffers(type.typeId === Type.Dictionary ? DICTIONARY_INDICES : type.typeId, metadataVersion, dense);
  if (type.typeId === Type.Utf8View || type.typeId === Type.BinaryView) {
    into.buffers += variadicCounts[into.views] ?? 0; // the data buffers this batch's views point into
    into.views += 1;
  }
  if (type.typeId === Type.Dictionary) return; // the dictionary's values live in dictionary batches
  for (const child of type.children ?? []) count(child.type, metadataVersion, variadicCounts, into);
}

/** True when spans depend on each batch's variadic buffer counts (view types present). */
export function hasViewTypes(fields: readonly Field[]): boolean {
  const visit = (type: DataType): boolean =>
    type.typeId === Type.Utf8View || type.typeId === Type.BinaryView || (type.children ?? []).some((c: Field) => visit(c.type));
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
