/** What one chunk is known to hold for a find expression: no match, every row, or these rows (chunk-relative, ascending). */
export type KnownMatches = 'none' | 'all' | Uint32Array;

const UNKNOWN = 0;
const NONE = 1;
const ALL = 2;
const SOME = 3;

/** Match indices kept per expression at most (4 bytes each): past it, chunks with some matches are read again when searched. */
const MAX_KEPT_INDICES = 1 << 22;
/** Expressions remembered per dataset (the most recently used). */
const MAX_EXPRESSIONS = 8;

/**
 * The chunks of one dataset already evaluated for one find expression: a state byte per chunk, and the
 * matching rows of the chunks holding some, so that a second "next" (or "previous") answers from here
 * and reads no chunk twice. Valid for the dataset's life: its chunks never change (a stream only adds some).
 */
export class FindMemory {
  private state = new Uint8Array(64);
  private readonly indices = new Map<number, Uint32Array>();
  private keptIndices = 0;

  constructor(private readonly maxIndices = MAX_KEPT_INDICES) {}

  known(chunk: number): KnownMatches | undefined {
    switch (chunk < this.state.length ? this.state[chunk] : UNKNOWN) {
      case NONE:
        return 'none';
      case ALL:
        return 'all';
      case SOME:
        return this.indices.get(chunk);
      default:
        return undefined;
    }
  }

  /** Keeps what evaluating `chunk` gave (`indices` when some but not all of its `rows` matched). */
  remember(chunk: number, rows: number, matched: number, indices?: Uint32Array): void {
    if (matched > 0 && matched < rows && (!indices || this.keptIndices + indices.length > this.maxIndices)) return;
    if (chunk >= this.state.length) {
      const grown = new Uint8Array(Math.max(chunk + 1, this.state.length * 2));
      grown.set(this.state);
      this.state = grown;
    }
    if (this.state[chunk] === SOME) return;
    if (matched === 0) this.state[chunk] = NONE;
    else if (matched >= rows) this.state[chunk] = ALL;
    else {
      this.state[chunk] = SOME;
      this.indices.set(chunk, indices!);
      this.keptIndices += indices!.length;
    }
  }
}

/** Find memories per dataset and expression, the most recently used few of each dataset, until it closes. */
export class FindMemories {
  private readonly byDataset = new Map<number, Map<string, FindMemory>>();

  /** The memory of `expression` over dataset `id` (a new one when none is kept). */
  of(id: number, expression: string): FindMemory {
    let m = this.byDataset.get(id);
    if (!m) this.byDataset.set(id, (m = new Map()));
    let memory = m.get(expression);
    if (memory) m.delete(expression);
    else memory = new FindMemory();
    m.set(expression, memory); // the most recent last
    while (m.size > MAX_EXPRESSIONS) m.delete(m.keys().next().value!);
    return memory;
  }

  dropDataset(id: number): void {
    this.byDataset.delete(id);
  }
}
