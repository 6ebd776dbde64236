import { MetadataVersion, Type, UnionMode, type DataType, type Field } from 'apache-arrow';
import type { BufferRegion, FieldNode } from '../adapters/apacheArrowInternals';
import { DatasetError, type FileLocation } from '../model/errors';
import { LargeListViewType, ListViewType, RunEndEncodedType, physicalChildren } from './decodedTypes';

/** What a buffer of an array holds, as said in error sentences. */
export type BufferRole = 'validity' | 'values' | 'offsets' | 'data' | 'sizes' | 'type ids' | 'views' | 'variadic data' | 'indices' | 'union validity' | 'run-end validity';

export interface LayoutBuffer {
  /** Position in the batch's buffer list (as the message metadata lists them). */
  index: number;
  role: BufferRole;
  region: BufferRegion;
}

/** One array of a column (the column itself or a nested child) with its field node and own buffers. */
export interface LayoutArray {
  /** Dotted path of a nested field, from the column's name ("x.item"); '' for the column itself. */
  path: string;
  type: DataType;
  /** Position in the batch's field node list. */
  nodeIndex: number;
  node: FieldNode;
  buffers: LayoutBuffer[];
  /** Indices into the layout's array list. */
  children: number[];
}

/** Names what is read (a column of a batch, a dictionary) and where in it, for every sentence about its layout. */
export class ColumnPlace {
  constructor(
    /** "Batch 3, column "x"" or "Dictionary 0 (the message at byte 1,234)". */
    private readonly subject: string,
    private readonly where: FileLocation,
    /** Where the message starts (the location of errors about the whole array). */
    readonly offset: number,
    /** Where the message body starts (buffer offsets count from there). */
    readonly bodyOffset: number,
  ) {}

  static ofBatch(batch: number, column: string, offset: number, bodyOffset: number): ColumnPlace {
    return new ColumnPlace(`Batch ${batch}, column "${column}"`, { chunk: batch, column }, offset, bodyOffset);
  }

  static ofDictionary(id: number, offset: number, bodyOffset: number): ColumnPlace {
    return new ColumnPlace(`Dictionary ${id} (the message at byte ${offset.toLocaleString('en-US')})`, { column: `dictionary ${id}` }, offset, bodyOffset);
  }

  private prefix(path = ''): string {
    return `${this.subject}${path ? `, field ${path}` : ''}`;
  }

  error(detail: string, offset = this.offset): DatasetError {
    return new DatasetError(`${this.prefix()}: ${detail}.`, { ...this.where, offset }, STILL_WORKS);
  }

  nodeError(array: LayoutArray, detail: string): DatasetError {
    return new DatasetError(`${this.prefix(array.path)}, field node ${array.nodeIndex}: ${detail}.`, { ...this.where, offset: this.offset }, STILL_WORKS);
  }

  bufferError(array: LayoutArray, buffer: LayoutBuffer, detail: string): DatasetError {
    const offset = this.bodyOffset + Math.max(0, Number.isSafeInteger(buffer.region.offset) ? buffer.region.offset : 0);
    return new DatasetError(`${this.prefix(array.path)}, buffer ${buffer.index} (${buffer.role}): ${detail}.`, { ...this.where, offset }, STILL_WORKS);
  }
}

const plural = (k: number, one: string): string => `${k.toLocaleString('en-US')} ${k === 1 ? one : `${one}s`}`;

export const STILL_WORKS = 'No values of this column are shown for this batch; other columns and batches may still be readable.';

/**
 * Levels of nesting read from a record batch. Arrow C++ (and so pyarrow) refuses batches nested
 * deeper (IpcReadOptions.max_recursion_depth), and apache-arrow's loader recurses per level.
 */
export const MAX_VALUE_DEPTH = 64;

/** Nesting depth of a type (1 for a flat type), measured without recursion; stops counting past `limit`. */
export function typeDepth(type: DataType, limit = Infinity): number {
  let deepest = 0;
  const stack: [DataType, number][] = [[type, 1]];
  while (stack.length) {
    const [t, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of physicalChildren(t)) stack.push([child.type, depth + 1]);
  }
  return deepest;
}

/** The buffers an array of this type owns itself (children excluded), in the order the IPC format lists them. */
function ownRoles(type: DataType, metadataVersion: number): BufferRole[] {
  // Before metadata V5 (Arrow 1.0) every type but null had a validity buffer, these two included.
  if (type instanceof RunEndEncodedType) return metadataVersion < MetadataVersion.V5 ? ['run-end validity'] : [];
  if (type instanceof ListViewType || type instanceof LargeListViewType) return ['validity', 'offsets', 'sizes'];
  switch (type.typeId) {
    case Type.Null:
      return [];
    case Type.Dictionary:
      return ['validity', 'indices'];
    case Type.Utf8:
    case Type.Binary:
    case Type.LargeUtf8:
    case Type.LargeBinary:
      return ['validity', 'offsets', 'data'];
    case Type.Utf8View:
    case Type.BinaryView:
      return ['validity', 'views'];
    case Type.List:
    case Type.LargeList:
    case Type.Map:
      return ['validity', 'offsets'];
    case Type.FixedSizeList:
    case Type.Struct:
      return ['validity'];
    case Type.Union: {
      const roles: BufferRole[] = metadataVersion < MetadataVersion.V5 ? ['union validity', 'type ids'] : ['type ids'];
      if ((type as unknown as { mode: UnionMode }).mode === UnionMode.Dense) roles.push('offsets');
      return roles;
    }
    default:
      return ['validity', 'values'];
  }
}

export interface BatchLists {
  nodes: readonly FieldNode[];
  buffers: readonly BufferRegion[];
  variadicCounts: readonly number[];
}

/** Where the column starts in the batch's lists. */
export interface LayoutStart {
  node: number;
  buffer: number;
  variadic: number;
}

/**
 * Pairs the column's type tree (depth-first, as the IPC format lays arrays out) with the batch's
 * field nodes, buffers and variadic buffer counts, refusing a batch that lists fewer than the
 * schema needs. The type's depth is checked first (MAX_VALUE_DEPTH), so this never recurses deeply.
 */
export function columnLayout(field: Field, lists: BatchLists, start: LayoutStart, metadataVersion: number, place: ColumnPlace): LayoutArray[] {
  const depth = typeDepth(field.type, MAX_VALUE_DEPTH);
  if (depth > MAX_VALUE_DEPTH) {
    throw place.error(`nesting deeper than ${MAX_VALUE_DEPTH} levels is not read (Arrow C++ and pyarrow stop there too); its schema is still shown`);
  }
  if (!Number.isFinite(start.node) || !Number.isFinite(start.buffer)) {
    throw place.error(`it cannot be found in the batch: a column before it has too many nested fields to be laid out`);
  }
  const arrays: LayoutArray[] = [];
  let node = start.node;
  let buffer = start.buffer;
  let variadic = start.variadic;
  const visit = (type: DataType, path: string): number => {
    if (node >= lists.nodes.length) {
      throw place.error(`field nodes are missing: the batch lists ${plural(lists.nodes.length, 'field node')}, and this column's ${path ? `field ${path}` : 'own node'} would be node ${node}`);
    }
    const array: LayoutArray = { path, type, nodeIndex: node, node: lists.nodes[node++], buffers: [], children: [] };
    const at = arrays.push(array) - 1;
    const roles = ownRoles(type, metadataVersion);
    if (type.typeId === Type.Utf8View || type.typeId === Type.BinaryView) {
      const count = lists.variadicCounts[variadic];
      if (count === undefined) {
        throw place.error(`a variadic buffer count is missing: the batch lists ${plural(lists.variadicCounts.length, 'count')}, and this column${path ? `'s field ${path}` : ''} would use count ${variadic}`);
      }
      if (!Number.isSafeInteger(count) || count < 0) throw place.error(`the batch gives an invalid variadic buffer count (${count})`);
      // Checked before the roles are listed: a count of 2^31-1 would fill the heap.
      const left = lists.buffers.length - buffer - roles.length;
      if (count > 0 && count > left) {
        throw place.error(`buffers are missing: the batch gives ${plural(count, 'variadic buffer')} for this column${path ? `'s field ${path}` : ''}, but lists ${plural(Math.max(0, left), 'buffer')} after its ${roles.length === 1 ? 'own buffer' : `${roles.length} own buffers`}`);
      }
      variadic++;
      for (let k = 0; k < count; k++) roles.push('variadic data');
    }
    for (const role of roles) {
      if (buffer >= lists.buffers.length) {
        throw place.error(`buffers are missing: the batch lists ${plural(lists.buffers.length, 'buffer')}, and this column's ${role} buffer${path ? ` of ${path}` : ''} would be buffer ${buffer}`);
      }
      array.buffers.push({ index: buffer, role, region: lists.buffers[buffer++] });
    }
    for (const child of physicalChildren(type)) array.children.push(visit(child.type, `${path || field.name}.${child.name}`));
    return at;
  };
  visit(field.type, '');
  return arrays;
}
