/**
 * What the engine keeps per dataset under a request key (a tab's): a filter's matches, a sorted view.
 * Each stays until replaced under its key, dropped, or its dataset closes.
 */
export class KeptPerKey<T> {
  private readonly byDataset = new Map<number, Map<string, T>>();

  set(id: number, key: string, kept: T): void {
    let m = this.byDataset.get(id);
    if (!m) this.byDataset.set(id, (m = new Map()));
    m.set(key, kept);
  }

  get(id: number, key: string): T | undefined {
    return this.byDataset.get(id)?.get(key);
  }

  /** Forgets what is under `key`, unless another (newer) one replaced `kept` meanwhile. */
  drop(id: number, key: string, kept?: T): void {
    const m = this.byDataset.get(id);
    if (m && (!kept || m.get(key) === kept)) m.delete(key);
  }

  dropDataset(id: number): void {
    this.byDataset.delete(id);
  }
}
