import type { Field } from 'apache-arrow';
import type { RecordBatchHeader } from '../adapters/apacheArrowInternals';
import { ColumnPlace, columnLayout } from './columnLayout';
import type { ColumnSpan } from './columnSpans';

/**
 * What each buffer of a column's span in a batch holds, as the column's type lays them out: the
 * field it belongs to (the column, or a nested field's dotted path: "x.item") and its role (validity,
 * offsets, data, values, views, variadic data, sizes, type ids, indices). Empty when the batch does
 * not hold the layout (a damaged batch: reading the column says what is wrong).
 */
export function bufferRoles(field: Field, header: RecordBatchHeader, span: ColumnSpan, metadataVersion: number, batch: number): { field: string; role: string }[] {
  try {
    const lists = { nodes: header.nodes, buffers: header.buffers, variadicCounts: header.variadicBufferCounts };
    const arrays = columnLayout(field, lists, { node: span.nodeStart, buffer: span.bufferStart, variadic: span.variadicStart }, metadataVersion, ColumnPlace.ofBatch(batch, field.name, 0, 0));
    const roles: { field: string; role: string }[] = [];
    for (const array of arrays) for (const b of array.buffers) roles[b.index - span.bufferStart] = { field: array.path || field.name, role: b.role };
    return roles;
  } catch {
    return [];
  }
}
