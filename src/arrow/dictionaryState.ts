import type { DictionaryState } from './ipcIndex';

/** Applies one dictionary message: a delta appends to the id's list, a replacement starts it anew. */
export function applyDictionary(state: DictionaryState, id: number, entryIndex: number, isDelta: boolean): DictionaryState {
  const next = new Map(state);
  const current = state.get(id) ?? [];
  next.set(id, isDelta ? [...current, entryIndex] : [entryIndex]);
  return next;
}
