/**
 * A minimal reader of flatbuffer tables by position, for finding where a field's bytes lie in a file
 * (apache-arrow's readers give values, not positions). Positions are absolute in the bytes given.
 */
export class FlatbufferReader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The root table of a flatbuffer starting at `base`. */
  root(base: number): number {
    return base + this.view.getUint32(base, true);
  }

  /** Where field `index` of the table at `table` lies, or null when it is absent (its default). */
  field(table: number, index: number): number | null {
    const vtable = table - this.view.getInt32(table, true);
    const size = this.view.getUint16(vtable, true);
    const slot = 4 + 2 * index;
    if (slot + 2 > size) return null;
    const offset = this.view.getUint16(vtable + slot, true);
    return offset ? table + offset : null;
  }

  /** The table, vector or string an offset field points to. */
  deref(at: number): number {
    return at + this.view.getUint32(at, true);
  }

  /** A vector or string a field points to: where its u32 length lies, its length and its first element. */
  vector(field: number): { lengthAt: number; length: number; first: number } {
    const lengthAt = this.deref(field);
    return { lengthAt, length: this.view.getUint32(lengthAt, true), first: lengthAt + 4 };
  }

  u8(at: number): number {
    return this.view.getUint8(at);
  }
}
