import { ipcLengthFields, type LengthField } from './ipcFields';
import { pageHeaderOffsets, parquetFooter, withFooterSlot, type ParquetFooter } from './parquetFooter';
import { Prng } from './prng';
import { encodeSlot, splice, thriftSlots, type ThriftSlot } from './thriftFields';

export type MutatedEngine = 'arrow stream' | 'arrow file' | 'parquet';

export interface Seed {
  name: string;
  bytes: Uint8Array;
}

export interface Mutant {
  /** Seed and mutation, enough to make the same bytes again. */
  id: string;
  bytes: Uint8Array;
}

/** The values the issue asks length fields to be set to: 0, -1, 2^31-1 and 2^53 (-2^31 in 4-byte fields). */
const SPECIAL_64 = [0n, -1n, 2n ** 31n - 1n, 2n ** 53n];
const SPECIAL_32 = [0, -1, 2 ** 31 - 1, -(2 ** 31)];
const NUMBER_SLOTS = new Set(['int', 'binary length', 'list size']);

/** What a seed offers to mutate: its length fields and the positions structure lies at. */
interface SeedMap {
  seed: Seed;
  ipc: LengthField[];
  footer: ParquetFooter | null;
  pages: ThriftSlot[];
  /** Positions of headers and footers, where a flipped byte changes structure rather than a value. */
  structure: number[];
}

function mapSeed(seed: Seed, engine: MutatedEngine): SeedMap {
  if (engine !== 'parquet') {
    const ipc = ipcLengthFields(seed.bytes, engine === 'arrow file');
    return { seed, ipc, footer: null, pages: [], structure: ipc.map((f) => f.at) };
  }
  const footer = parquetFooter(seed.bytes);
  const pages = footer ? pageHeaderOffsets(footer, seed.bytes.length).flatMap((at) => thriftSlots(seed.bytes, at).slots) : [];
  const structure = [...(footer ? footer.slots.map((s) => footer.start + s.at) : []), ...pages.map((s) => s.at), seed.bytes.length - 8];
  return { seed, ipc: [], footer, pages, structure };
}

function flip(rng: Prng, map: SeedMap): Mutant {
  const bytes = Uint8Array.from(map.seed.bytes);
  const near = map.structure.length > 0 && rng.next() < 0.6;
  const centre = near ? rng.pick(map.structure) : rng.below(bytes.length);
  const count = 1 + rng.below(4);
  const at: number[] = [];
  for (let k = 0; k < count; k++) {
    const p = Math.min(bytes.length - 1, Math.max(0, centre + (near ? rng.below(24) - 8 : rng.below(64))));
    bytes[p] = rng.next() < 0.5 ? bytes[p] ^ (1 << rng.below(8)) : rng.below(256);
    at.push(p);
  }
  return { id: `${map.seed.name} flip bytes ${at.join(',')}`, bytes };
}

function truncate(rng: Prng, map: SeedMap): Mutant {
  const n = map.seed.bytes.length;
  const end = rng.next() < 0.5 ? rng.below(n) : Math.max(0, n - 1 - rng.below(Math.min(n, 64)));
  return { id: `${map.seed.name} cut at ${end} of ${n}`, bytes: map.seed.bytes.slice(0, end) };
}

function ipcLength(rng: Prng, map: SeedMap): Mutant | null {
  if (!map.ipc.length) return null;
  const field = rng.pick(map.ipc);
  const bytes = Uint8Array.from(map.seed.bytes);
  const view = new DataView(bytes.buffer);
  let value: string;
  if (field.width === 4) {
    const v = rng.pick(SPECIAL_32);
    view.setInt32(field.at, v, true);
    value = String(v);
  } else {
    const v = rng.pick(SPECIAL_64);
    view.setBigInt64(field.at, v, true);
    value = String(v);
  }
  return { id: `${map.seed.name} ${field.label} = ${value}`, bytes };
}

function parquetLength(rng: Prng, map: SeedMap): Mutant | null {
  const { footer, seed } = map;
  const roll = rng.next();
  const value = rng.pick(SPECIAL_64);
  if (!footer || roll < 0.1) {
    const bytes = Uint8Array.from(seed.bytes);
    if (bytes.length < 8) return null;
    const v = rng.pick(SPECIAL_32);
    new DataView(bytes.buffer).setInt32(bytes.length - 8, v, true);
    return { id: `${seed.name} footer length = ${v}`, bytes };
  }
  const numbers = (slots: ThriftSlot[]) => slots.filter((s) => NUMBER_SLOTS.has(s.kind));
  const pageSlots = numbers(map.pages);
  if (roll < 0.35 && pageSlots.length) {
    const slot = rng.pick(pageSlots);
    return { id: `${seed.name} page header at ${slot.at} ${slot.kind} [${slot.path.join('.')}] = ${value}`, bytes: splice(seed.bytes, slot.at, slot.end, encodeSlot(slot, value)) };
  }
  const footerSlots = numbers(footer.slots);
  if (!footerSlots.length) return null;
  const slot = rng.pick(footerSlots);
  return { id: `${seed.name} footer ${slot.kind} [${slot.path.join('.')}] = ${value}`, bytes: withFooterSlot(seed.bytes, footer, slot, encodeSlot(slot, value)) };
}

/**
 * `count` mutants of the seeds, seeds taken in turn: byte flips (most near headers and footers),
 * truncations, and length fields set to 0, -1, 2^31-1 or 2^53. The same seed number gives the same mutants.
 */
export function* mutants(engine: MutatedEngine, seeds: Seed[], count: number, seed: number): Generator<Mutant> {
  const rng = new Prng(seed);
  const maps = seeds.map((s) => mapSeed(s, engine));
  for (let i = 0; i < count; i++) {
    const map = maps[i % maps.length];
    const roll = rng.next();
    let mutant: Mutant | null = null;
    if (roll < 0.45) mutant = engine === 'parquet' ? parquetLength(rng, map) : ipcLength(rng, map);
    else if (roll < 0.8) mutant = flip(rng, map);
    mutant ??= truncate(rng, map);
    yield { id: `#${i} ${mutant.id}`, bytes: mutant.bytes };
  }
}
