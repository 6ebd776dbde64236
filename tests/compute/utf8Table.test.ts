import { Binary, Utf8, makeData, makeVector, vectorFromArray, type Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { sameRows, UniqueCounter } from '../../src/compute/uniqueCounter';
import { mergeUnique } from '../../src/compute/uniqueMerge';
import { Utf8Table } from '../../src/compute/utf8Table';

/** The plain count: a Map over every row's decoded value (null included). */
function plainCount(vectors: Vector[], rowsOf?: (Uint32Array | undefined)[]): Map<unknown, number> {
  const m = new Map<unknown, number>();
  vectors.forEach((v, k) => {
    const rows = rowsOf?.[k] ?? Array.from({ length: v.length }, (_, i) => i);
    for (const i of rows) {
      const x = v.get(i);
      m.set(x, (m.get(x) ?? 0) + 1);
    }
  });
  return m;
}

/** Counted through UniqueCounter over `table`, as value -> count. */
function counted(vectors: Vector[], table: Utf8Table, rowsOf?: (Uint32Array | undefined)[]): Map<unknown, number> {
  const c = new UniqueCounter(undefined, undefined, table);
  let at = 0;
  vectors.forEach((v, k) => {
    c.add(v, at, rowsOf?.[k]);
    at += v.length;
  });
  const r = mergeUnique([c.partial()]);
  expect(r.exact).toBe(true);
  return new Map(r.values.map((v) => [v.value, v.count]));
}

/** Deterministic pseudo-random words, with runs, nulls, empty strings, non-ASCII, and values that differ in one byte only. */
function words(n: number, seed: number): (string | null)[] {
  const base = ['', 'a', 'ab', 'abc', 'abcd', 'abcde', 'abcdefgh', 'abcdefghi', 'abcdefghijklmnop', 'abcdefghijklmnopq', 'é', 'éé', '日本', '日本語のテキスト', 'Smith, John A', 'SMITH, JOHN A'];
  // The same length as a base word, one byte changed at every position: only a full compare tells them apart.
  for (const w of ['abcdefghijklmnopqrstu', 'abcdefgh', 'abcdefg', 'abcde']) {
    for (let p = 0; p < w.length; p++) base.push(w.slice(0, p) + 'Z' + w.slice(p + 1));
  }
  let x = seed;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8;
  const out: (string | null)[] = [];
  while (out.length < n) {
    const r = next() % 100;
    const w = r < 8 ? null : r < 30 ? `v${next() % 500}` : base[next() % base.length];
    const run = next() % 4 === 0 ? 1 + (next() % 6) : 1;
    for (let k = 0; k < run && out.length < n; k++) out.push(w);
  }
  return out;
}

describe('Utf8Table through UniqueCounter', () => {
  const tables = {
    'full hashes': () => new Utf8Table(),
    'hashes cut to 2 bits (every value collides with a quarter of the others)': () => new Utf8Table(0x3),
    'hashes cut to 0 bits (one probe chain)': () => new Utf8Table(0),
  };

  for (const [name, table] of Object.entries(tables)) {
    it(`counts as a plain Map of the decoded strings: ${name}`, () => {
      const a = vectorFromArray(words(5000, 1), new Utf8());
      const b = vectorFromArray(words(3000, 2), new Utf8());
      const noNulls = vectorFromArray(
        words(4000, 3).map((w) => w ?? 'was null'),
        new Utf8(),
      );
      const sliced = a.slice(17, 4001);
      for (const vectors of [[a], [noNulls], [sliced], [a, b, noNulls, sliced]]) {
        expect(counted(vectors, table())).toEqual(plainCount(vectors));
      }
      // A filter's selection: every third row, and rows picked at random.
      const every3 = (v: Vector) => Uint32Array.from({ length: Math.ceil(v.length / 3) }, (_, i) => i * 3);
      const some = (v: Vector) => Uint32Array.from(new Set(words(v.length, 9).map((w, i) => (w && w.length % 2 ? i : -1)).filter((i) => i >= 0)));
      for (const pick of [every3, some]) {
        const vectors = [a, noNulls, sliced];
        const rows = vectors.map(pick);
        expect(counted(vectors, table(), rows)).toEqual(plainCount(vectors, rows));
      }
    });
  }

  it('binary values and a dictionary of strings count the same as a plain Map', () => {
    const texts = words(3000, 4);
    const encoder = new TextEncoder();
    const binary = vectorFromArray(
      texts.map((w) => (w === null ? null : encoder.encode(w))),
      new Binary(),
    );
    const hex = (b: Uint8Array | null) => (b === null ? null : Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(''));
    const expected = new Map<unknown, number>();
    for (const [k, n] of plainCount([binary])) expected.set(hex(k as Uint8Array | null), (expected.get(hex(k as Uint8Array | null)) ?? 0) + n);
    expect(counted([binary], new Utf8Table(0x1))).toEqual(expected);
  });

  it('grows past many slots and keeps every count and first row', () => {
    const values = Array.from({ length: 60_000 }, (_, i) => `value ${i % 20_011} ${'x'.repeat(i % 7)}`);
    const v = vectorFromArray(values, new Utf8());
    const c = new UniqueCounter(undefined, undefined, new Utf8Table(0xffff0000 | 0));
    c.add(v, 100);
    const r = mergeUnique([c.partial()]);
    expect(new Map(r.values.map((x) => [x.value, x.count]))).toEqual(plainCount([v]));
    const first = new Map<string, number>();
    values.forEach((x, i) => first.has(x) || first.set(x, 100 + i));
    for (const x of r.values) expect(x.firstRow).toBe(first.get(x.value as string));
  });

  it('a count past 2^31 rows for one value is kept whole', () => {
    const t = new Utf8Table();
    const bytes = new TextEncoder().encode('many');
    t.add(bytes, 0, 4, 0x7000_0000, 5);
    t.add(bytes, 0, 4, 0x7000_0000, 9);
    const slot = t.add(bytes, 0, 4, 3, 2);
    expect(t.count(slot)).toBe(2 * 0x7000_0000 + 3);
    expect(t.firstRow(slot)).toBe(5);
    expect(new TextDecoder().decode(t.key(slot))).toBe('many');
  });

  it('a value the table has no room for is not inserted, and its hash is the one a tracked value gets', () => {
    const t = new Utf8Table();
    const data = new TextEncoder().encode('keptnew');
    const kept = t.add(data, 0, 4, 1, 0);
    expect(t.add(data, 4, 7, 1, 1, false)).toBe(-1);
    const refused = t.lastHash;
    const other = new Utf8Table();
    expect(other.hashOf(other.add(data, 4, 7, 1, 1))).toBe(refused);
    expect(t.count(kept)).toBe(1);
    expect(t.size).toBe(1);
  });

  it('rows sharing a values buffer at odd offsets (a sliced Data) count as the plain Map', () => {
    const v = vectorFromArray(words(2000, 7), new Utf8());
    const d = v.data[0];
    // The same rows over a values buffer that starts one byte into a bigger one.
    const shifted = new Uint8Array(d.values.length + 1);
    shifted.set(d.values, 1);
    const offsets = Int32Array.from(d.valueOffsets, (o) => o + 1);
    const moved = makeVector(makeData({ type: new Utf8(), length: d.length, nullCount: d.nullCount, nullBitmap: d.nullBitmap, valueOffsets: offsets, data: shifted.subarray(0) }));
    expect(counted([moved], new Utf8Table(0x7))).toEqual(plainCount([v]));
  });
});

describe('runs of equal values compared as one range (sameRows)', () => {
  it('counts how many values after the first equal it, for a difference at every byte of every value', () => {
    for (const length of [0, 1, 3, 4, 5, 8, 9, 13]) {
      for (const rows of [2, 3, 7]) {
        const value = Uint8Array.from({ length }, (_, i) => 97 + (i % 26));
        const bytes = new Uint8Array(length * rows + 3); // room after the last value, as in a real buffer
        for (let r = 0; r < rows; r++) bytes.set(value, 1 + r * length);
        const view = new DataView(bytes.buffer);
        expect(sameRows(view, 1, length, rows)).toBe(rows - 1);
        for (let r = 1; r < rows; r++) {
          for (let b = 0; b < length; b++) {
            const changed = bytes.slice();
            changed[1 + r * length + b] ^= 0x20;
            expect(sameRows(new DataView(changed.buffer), 1, length, rows), `length ${length}, row ${r}, byte ${b}`).toBe(r - 1);
          }
        }
      }
    }
  });

  it('long runs with a value changed inside them count as a plain Map', () => {
    const values: string[] = [];
    for (let k = 0; k < 40; k++) {
      const w = `Candidate ${k % 5}, Name`;
      for (let r = 0; r < 300; r++) values.push(r === 150 ? w.slice(0, 10) + 'X' + w.slice(11) : w);
    }
    const v = vectorFromArray(values, new Utf8());
    expect(counted([v], new Utf8Table())).toEqual(plainCount([v]));
  });
});

describe('Utf8Table.text', () => {
  it('reads ASCII values as slices of the arena and others through the decoder, before and after more inserts', () => {
    const t = new Utf8Table();
    const encoder = new TextEncoder();
    const decoder = new TextDecoder();
    const texts = ['Smith, John', '', 'é', 'a', '日本語', 'x'.repeat(40)];
    const raw = [Uint8Array.of(0x41, 0xff, 0x42), Uint8Array.of(0x80), Uint8Array.of(0x7f, 0x00, 0x9f)];
    const slots = new Map<number, string>();
    const add = (bytes: Uint8Array, expected: string) => slots.set(t.add(bytes, 0, bytes.length, 1, 0), expected);
    for (const s of texts.slice(0, 3)) add(encoder.encode(s), s);
    for (const b of raw) add(b, decoder.decode(b));
    const read = () => new Map([...slots.keys()].map((slot) => [slot, t.text(slot, (b) => decoder.decode(b))]));
    expect(read()).toEqual(slots);
    for (const s of texts.slice(3)) add(encoder.encode(s), s);
    for (let i = 0; i < 5000; i++) add(encoder.encode(`value ${i}`), `value ${i}`); // grows the table and its arena
    const again = new Map<number, string>();
    for (const [, s] of slots) {
      const bytes = texts.includes(s) || s.startsWith('value ') ? encoder.encode(s) : raw.find((b) => decoder.decode(b) === s)!;
      again.set(t.add(bytes, 0, bytes.length, 0, 0), s);
    }
    expect(new Map([...again.keys()].map((slot) => [slot, t.text(slot, (b) => decoder.decode(b))]))).toEqual(again);
  });
});
