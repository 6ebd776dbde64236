/**
 * A minimal Thrift compact-protocol writer for generated Parquet footers and page headers: fields are
 * written as they come, so a footer with a million row groups is streamed out without a million objects.
 */
export const T = { I32: 5, I64: 6, BINARY: 8, LIST: 9, STRUCT: 12 } as const;

export class CompactWriter {
  private buf = new Uint8Array(1 << 16);
  length = 0;
  private last: number[] = [0];

  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.length++] = b;
  }

  varint(n: number): void {
    // Numbers up to 2^53: split with division, not bit operators (which stop at 32 bits).
    while (n >= 0x80) {
      this.byte((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    this.byte(n);
  }

  zigzag(n: number): void {
    this.varint(n >= 0 ? n * 2 : -n * 2 - 1);
  }

  field(id: number, type: number): void {
    const delta = id - this.last[this.last.length - 1];
    if (delta > 0 && delta <= 15) this.byte((delta << 4) | type);
    else {
      this.byte(type);
      this.zigzag(id);
    }
    this.last[this.last.length - 1] = id;
  }

  int(id: number, value: number, type: number = T.I32): void {
    this.field(id, type);
    this.zigzag(value);
  }

  string(id: number, value: string): void {
    this.field(id, T.BINARY);
    const bytes = new TextEncoder().encode(value);
    this.varint(bytes.length);
    this.ensure(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** A list header; its `size` elements follow (structs with beginStruct/endStruct). */
  list(id: number, elementType: number, size: number): void {
    this.field(id, T.LIST);
    this.listHeader(elementType, size);
  }

  listHeader(elementType: number, size: number): void {
    if (size < 15) this.byte((size << 4) | elementType);
    else {
      this.byte(0xf0 | elementType);
      this.varint(size);
    }
  }

  beginStruct(id?: number): void {
    if (id !== undefined) this.field(id, T.STRUCT);
    this.last.push(0);
  }

  endStruct(): void {
    this.byte(0);
    this.last.pop();
  }

  /** The bytes written so far, handed out to be written while the same struct goes on. */
  drain(): Uint8Array {
    const out = this.buf.slice(0, this.length);
    this.length = 0;
    return out;
  }

  /** The bytes written so far; the writer starts over. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.length);
    this.length = 0;
    this.last = [0];
    return out;
  }
}
