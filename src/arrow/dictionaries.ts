import { DataType, Field, Type, makeVector, type Data, type Vector } from 'apache-arrow';
import { type DictionaryBatchHeader } from '../adapters/apacheArrowInternals';
import { BatchLoader } from './batchLoader';
import { physicalChildren, RunEndEncodedType } from './decodedTypes';
import type { ByteSource } from '../model/byteSource';
import { DatasetError } from '../model/errors';
import { decodeMetadataAt, messageHeader } from './readMessage';
import { readBuffers } from './readBuffers';
import { ColumnPlace, columnLayout, type LayoutBuffer } from './columnLayout';
import { validateData } from './validateData';
import { checkContents, checkHeader, checkSizes } from './validateLayout';
import type { DictionaryState, IpcIndex } from './ipcIndex';

/** Dictionary ids used anywhere inside `type` (nested dictionaries included). */
export function dictionaryIds(type: DataType, into = new Set<number>()): Set<number> {
  if (type.typeId === Type.Dictionary && !(type instanceof RunEndEncodedType)) {
    const dict = type as unknown as { id: number; dictionary: DataType };
    into.add(dict.id);
    dictionaryIds(dict.dictionary, into);
  }
  for (const child of physicalChildren(type)) dictionaryIds(child.type, into);
  return into;
}

/** Loads and caches dictionary vectors for a given dictionary state (deltas concatenated). */
export class DictionaryLoader {
  private readonly cache = new Map<string, Vector>();

  constructor(
    private readonly source: ByteSource,
    private readonly index: IpcIndex,
  ) {}

  async forIds(ids: Iterable<number>, state: DictionaryState, signal?: AbortSignal): Promise<Map<number, Vector>> {
    const out = new Map<number, Vector>();
    for (const id of ids) out.set(id, await this.load(id, state, out, signal));
    return out;
  }

  private async load(id: number, state: DictionaryState, loaded: Map<number, Vector>, signal?: AbortSignal): Promise<Vector> {
    const entries = state.get(id);
    const valueType = this.index.schema.dictionaries.get(id);
    if (!valueType) throw new DatasetError(`Dictionary ${id} is used but not declared in the schema.`, {});
    if (!entries || entries.length === 0) throw new DatasetError(`Dictionary ${id} is used before any dictionary batch defines it.`, {});
    const key = `${id}:${entries.join(',')}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    // Nested dictionaries inside the dictionary's own values.
    const nested = await this.forIds(dictionaryIds(valueType), state, signal);
    for (const [k, v] of nested) loaded.set(k, v);
    let vector: Vector | undefined;
    for (const e of entries) {
      const entry = this.index.dictionaries[e];
      const where = { offset: entry.offset, column: `dictionary ${id}` };
      const message = await decodeMetadataAt(this.source, entry.metadataOffset, entry.metadataLength, signal);
      const header = messageHeader<DictionaryBatchHeader>(message, entry.offset);
      const { bytes, regions } = await readBuffers(this.source, entry.bodyOffset, entry.bodyLength, header.data.buffers, header.data.compression, where, signal);
      // The same checks as a column of a record batch: the values are shown in every batch using them.
      const place = ColumnPlace.ofDictionary(id, entry.offset, entry.bodyOffset);
      const lists = { nodes: header.nodes, buffers: header.data.buffers, variadicCounts: header.data.variadicBufferCounts };
      const arrays = columnLayout(new Field('values', valueType, true), lists, { node: 0, buffer: 0, variadic: 0 }, this.index.metadataVersion, place);
      const regionOf = (b: LayoutBuffer) => regions[b.index];
      checkHeader(arrays, place, entry.bodyLength, header.data.length, header.data.compression === null);
      if (header.data.compression) checkSizes(arrays, place, regionOf);
      checkContents(arrays, place, bytes, regionOf, this.index.bigEndian);
      let data: Data;
      try {
        const options = { metadataVersion: this.index.metadataVersion, bigEndian: this.index.bigEndian };
        data = new BatchLoader(bytes, header.nodes, regions, nested, header.data.variadicBufferCounts, options).visit(valueType);
      } catch (err) {
        throw new DatasetError(`Dictionary ${id} could not be decoded: ${(err as Error).message}.`, where);
      }
      const problem = validateData(data);
      if (problem) throw place.error(`its data is inconsistent: ${problem}`);
      const part = makeVector(data);
      vector = vector ? vector.concat(part) : part;
    }
    if (this.cache.size > 64) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, vector!);
    return vector!;
  }
}
