/**
 * The dictionary messages in effect for one id: `entries[0..count)` (indices into `IpcIndex.dictionaries`),
 * an initial or replacement message followed by its deltas in file order. States along one scan share
 * one `entries` list that only grows, so a delta costs O(1) however many came before it.
 */
export class DictionaryPieces {
  constructor(
    private readonly entries: number[],
    readonly count: number,
  ) {}

  /** The same for every state built on one initial or replacement message: piece k is the same message in each. */
  get chain(): object {
    return this.entries;
  }

  /** The dictionary message of piece k (0 ≤ k < count). */
  entry(k: number): number {
    return this.entries[k];
  }

  list(): number[] {
    return this.entries.slice(0, this.count);
  }

  /** These pieces and one more delta. */
  extended(entry: number): DictionaryPieces {
    // Appending in place is safe while no longer state shares the list (always so for a scan in file order).
    const entries = this.entries.length === this.count ? this.entries : this.entries.slice(0, this.count);
    entries.push(entry);
    return new DictionaryPieces(entries, this.count + 1);
  }
}

/** For each dictionary id, the dictionary messages in effect. */
export type DictionaryState = ReadonlyMap<number, DictionaryPieces>;

/** Applies one dictionary message: a delta appends to the id's pieces, a replacement starts them anew. */
export function applyDictionary(state: DictionaryState, id: number, entryIndex: number, isDelta: boolean): DictionaryState {
  const next = new Map(state);
  const current = state.get(id);
  next.set(id, isDelta && current ? current.extended(entryIndex) : new DictionaryPieces([entryIndex], 1));
  return next;
}
