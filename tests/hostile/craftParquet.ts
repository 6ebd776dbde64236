import { parquetWriteBuffer } from 'hyparquet-writer';
import { parquetFooter, withFooter, withFooterSlot } from './parquetFooter';
import { encodeSlot, listHeader, type ThriftSlot } from './thriftFields';

const T_I32 = 5;

/** Three rows of id: int32 and name: string, as hyparquet-writer writes them. */
export function smallParquet(): Uint8Array {
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'id', data: [1, 2, 3], type: 'INT32' },
        { name: 'name', data: ['a', 'b', 'c'], type: 'STRING' },
      ],
    }),
  );
}

/** `columns` int32 columns of two rows. */
export function wideParquet(columns: number): Uint8Array {
  return new Uint8Array(parquetWriteBuffer({ columnData: Array.from({ length: columns }, (_, k) => ({ name: `c${k}`, data: [k, -k], type: 'INT32' as const })) }));
}

/** The small file with the footer number at `path` (field ids and list indexes) set to `value`. */
export function footerNumber(path: number[], kind: ThriftSlot['kind'], value: bigint): Uint8Array {
  const file = smallParquet();
  const footer = parquetFooter(file)!;
  const slot = footer.slots.find((s) => s.kind === kind && s.path.join('.') === path.join('.'));
  if (!slot) throw new Error(`no ${kind} at ${path.join('.')} in the footer`);
  return withFooterSlot(file, footer, slot, encodeSlot(slot, value));
}

/** The small file whose row_groups list says its elements are int32, not structs (what a reader maps over is then numbers). */
export function rowGroupsAsInts(): Uint8Array {
  const file = smallParquet();
  const footer = parquetFooter(file)!;
  const slot = footer.slots.find((s) => s.kind === 'list size' && s.path.join('.') === '4')!;
  return withFooterSlot(file, footer, slot, listHeader(slot.value!, T_I32));
}

/** The small file with its trailer's footer length set to `length`. */
export function footerLength(length: number): Uint8Array {
  const file = smallParquet();
  new DataView(file.buffer).setInt32(file.length - 8, length, true);
  return file;
}

/**
 * A footer of structs nested `depth` deep (field 1 of each a struct; an unknown field, so a reader skips
 * it, by recursion unless bounded), after the small file's own column data.
 */
export function deepThriftFooter(depth: number): Uint8Array {
  const file = smallParquet();
  const footer = parquetFooter(file)!;
  const nested = new Uint8Array(2 * depth + 1);
  nested.fill(0x1c, 0, depth); // field delta 1, type struct
  return withFooter(file, footer, nested);
}
