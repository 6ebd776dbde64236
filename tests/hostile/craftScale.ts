import { Field, Int32, Null, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import { readFileSync } from 'node:fs';
import { ipcMessages, ipcStream } from '../arrow/support/ipcMessages';
import { deepStructFile } from '../cli/support/fixtures';
import { rewriteBatch, schemaOf, streamOf } from './craftIpc';

const int32 = (values: number[]) => makeData({ type: new Int32(), length: values.length, nullCount: 0, data: Int32Array.from(values) });

/** A struct nested `depth` levels (apache-arrow writes it in a worker with a large stack). */
export const deepStruct = async (depth: number): Promise<Uint8Array> => Uint8Array.from(readFileSync(await deepStructFile(depth)));

/** A schema of `fields` int32 columns (c0, c1, …) and two rows. */
export function wideSchema(fields: number): Uint8Array {
  const schema = schemaOf(...Array.from({ length: fields }, (_, k) => new Field(`c${k}`, new Int32(), false)));
  return streamOf(schema, [Array.from({ length: fields }, (_, k) => int32([k, -k]))]);
}

/** One Null column of `rows` rows in one batch: the file stays ~240 bytes whatever the count. */
export function nullRows(rows: number): Uint8Array {
  const stream = streamOf(schemaOf(new Field('n', new Null(), true)), [[makeData({ type: new Null(), length: 1 })]]);
  return rewriteBatch(stream, 0, (p) => ({ ...p, length: rows, nodes: [{ length: rows, nullCount: rows }] }));
}

/** `empty` record batches of no rows, then one batch of three rows: the rows are found past every empty chunk. */
export function manyEmptyBatches(empty: number): Uint8Array {
  const schema = schemaOf(new Field('id', new Int32(), false), new Field('name', new Utf8(), false));
  const stream = streamOf(schema, [
    [int32([]), vectorFromArray([] as string[], new Utf8()).data[0]],
    [int32([1, 2, 3]), vectorFromArray(['one', 'two', 'three'], new Utf8()).data[0]],
  ]);
  const [head, none, three] = ipcMessages(stream);
  return ipcStream([head, ...Array.from({ length: empty }, () => none), three]);
}
