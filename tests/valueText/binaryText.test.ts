import { describe, expect, it } from 'vitest';
import { Binary, BinaryView, Field, FixedSizeBinary, LargeBinary, LargeUtf8, List, Utf8, Utf8View, vectorFromArray } from 'apache-arrow';
import { binaryText, binaryTextNested, escapedTextBytes, uuidText, valueText, vectorText } from '../../src/valueText';
import { bitmap, offsetsOf, utf8Column, vectorOf } from './build';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('binary', () => {
  it.each([
    [utf8('DreamMaker'), 'DreamMaker'],
    [utf8('naïve ☃ 𝄞'), 'naïve ☃ 𝄞'],
    [utf8('back\\slash'), 'back\\slash'],
    [bytes(), ''],
    [bytes(0x00, 0xff, 0x61, 0x62), '\\x00\\xffab'],
    [bytes(0x61, 0x0a), 'a\\x0a'],
    [bytes(0x7f), '\\x7f'],
    [bytes(0x5c, 0x00), '\\\\\\x00'],
    [bytes(0xc3, 0x28), '\\xc3('], // invalid UTF-8
    [bytes(0xed, 0xa0, 0x80), '\\xed\\xa0\\x80'], // an encoded surrogate is not UTF-8
    [bytes(0xc2, 0x85), '\\xc2\\x85'], // U+0085, a C1 control
    [bytes(0xef, 0xbb, 0xbf, 0x61), '\ufeffa'], // a BOM is text
  ])('%s -> %s', (b, text) => {
    expect(binaryText(b)).toBe(text);
  });

  it('is quoted inside nested values, escaped or not', () => {
    expect(binaryTextNested(utf8('a"b'))).toBe('"a\\"b"');
    expect(binaryTextNested(bytes(0x00))).toBe('"\\x00"');
  });

  it('binary, large_binary and fixed_size_binary columns', () => {
    const { data, valueOffsets } = utf8Column(['DreamMaker', '', 'x']);
    const b = vectorOf({ type: new Binary(), data, valueOffsets, nullBitmap: bitmap([true, true, false]) });
    expect(vectorText(b)).toEqual(['DreamMaker', '', null]);
    expect(valueText(b.get(0), b.type)).toBe('DreamMaker');
    const lb = vectorOf({ type: new LargeBinary(), data: bytes(0, 0xff, 0x61, 0x62), valueOffsets: new BigInt64Array([0n, 4n]) });
    expect(vectorText(lb)).toEqual(['\\x00\\xffab']);
    expect(valueText(lb.get(0), lb.type)).toBe('\\x00\\xffab');
    const fsb = vectorOf({ type: new FixedSizeBinary(2), data: bytes(0x68, 0x69, 0x00, 0x01) });
    expect(vectorText(fsb)).toEqual(['hi', '\\x00\\x01']);
  });

  it('binary_view columns, inline and in variadic buffers', () => {
    const long = utf8('a value longer than twelve bytes');
    const views = new Uint8Array(32);
    const dv = new DataView(views.buffer);
    dv.setInt32(0, 3, true);
    views.set(bytes(0x00, 0x41, 0xff), 4);
    dv.setInt32(16, long.length, true);
    views.set(long.subarray(0, 4), 20);
    dv.setInt32(24, 0, true);
    dv.setInt32(28, 0, true);
    const v = vectorOf({ type: new BinaryView(), views, variadicBuffers: [long], length: 2 });
    expect(vectorText(v)).toEqual(['\\x00A\\xff', 'a value longer than twelve bytes']);
    expect(valueText(v.get(0), v.type)).toBe('\\x00A\\xff');
  });
});

describe('strings', () => {
  it('are the text as is at top level, JSON-quoted inside nested values', () => {
    const texts = ['plain', 'a"b', 'tab\there', '\ufeffBOM kept', 'ünï ☃'];
    const v = vectorOf({ type: new Utf8(), ...utf8Column(texts) });
    expect(vectorText(v)).toEqual(texts);
    const large = vectorOf({ type: new LargeUtf8(), data: utf8('xyz'), valueOffsets: new BigInt64Array([0n, 1n, 3n]) });
    expect(vectorText(large)).toEqual(['x', 'yz']);
    const list = vectorFromArray([texts], new List(new Field('item', new Utf8(), true)));
    expect(vectorText(list)).toEqual(['["plain", "a\\"b", "tab\\there", "\ufeffBOM kept", "ünï ☃"]']);
  });

  it('string_view columns', () => {
    const long = utf8('longer than twelve bytes, in a buffer');
    const views = new Uint8Array(32);
    const dv = new DataView(views.buffer);
    dv.setInt32(0, 5, true);
    views.set(utf8('short'), 4);
    dv.setInt32(16, long.length, true);
    views.set(long.subarray(0, 4), 20);
    dv.setInt32(24, 0, true);
    dv.setInt32(28, 0, true);
    const v = vectorOf({ type: new Utf8View(), views, variadicBuffers: [long], length: 2, nullBitmap: bitmap([true, true]) });
    expect(vectorText(v)).toEqual(['short', 'longer than twelve bytes, in a buffer']);
    expect(valueText(v.get(1), v.type)).toBe('longer than twelve bytes, in a buffer');
  });

  it('top-level strings are not cut', () => {
    const s = 'x'.repeat(5000);
    expect(valueText(s, new Utf8())).toBe(s);
  });
});

describe('uuid', () => {
  const raw = bytes(0x12, 0x3e, 0x45, 0x67, 0xe8, 0x9b, 0x12, 0xd3, 0xa4, 0x56, 0x42, 0x66, 0x14, 0x17, 0x40, 0x00);
  it('is 8-4-4-4-12 lowercase hex', () => {
    expect(uuidText(raw)).toBe('123e4567-e89b-12d3-a456-426614174000');
  });

  it('applies to fixed_size_binary[16] columns of the arrow.uuid extension', () => {
    const v = vectorOf({ type: new FixedSizeBinary(16), data: raw, nullBitmap: bitmap([true]) });
    expect(vectorText(v, 'arrow.uuid')).toEqual(['123e4567-e89b-12d3-a456-426614174000']);
    expect(valueText(v.get(0), v.type, 'arrow.uuid')).toBe('123e4567-e89b-12d3-a456-426614174000');
    expect(vectorText(v)).toEqual(['\\x12>Eg\\xe8\\x9b\\x12\\xd3\\xa4VBf\\x14\\x17@\\x00']);
  });

  it('applies to nested fields carrying the extension in their metadata', () => {
    const field = new Field('item', new FixedSizeBinary(16), true, new Map([['ARROW:extension:name', 'arrow.uuid']]));
    const child = vectorOf({ type: new FixedSizeBinary(16), data: raw }).data[0];
    const list = vectorOf({ type: new List(field), valueOffsets: offsetsOf([1]), child });
    expect(vectorText(list)).toEqual(['[123e4567-e89b-12d3-a456-426614174000]']);
  });
});

describe("an escaped binary cell's text read back as its bytes (what Find looks for)", () => {
  it('gives back every escaped value, and nothing for text without an escape', () => {
    let seed = 7;
    for (let n = 0; n < 500; n++) {
      const value = Uint8Array.from({ length: 1 + (n % 12) }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
      const text = binaryText(value);
      if (/\\(?:\\|x[0-9a-f]{2})/.test(text)) expect(escapedTextBytes(text), text).toEqual(value);
    }
    expect(escapedTextBytes(binaryText(bytes(0, 0xff, 0x61, 0x5c)))).toEqual(bytes(0, 0xff, 0x61, 0x5c));
    expect(escapedTextBytes('DreamMaker')).toBeUndefined();
  });
});
