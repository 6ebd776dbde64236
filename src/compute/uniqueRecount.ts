import { addCounts, overBudgetNote } from './uniqueMerge';
import type { UniquePartial, UniqueResult, UniqueValue, ValueCount } from './uniqueTypes';

/**
 * The result of a count past the budget, once its candidates have been counted exactly (the
 * partials of a second pass with `only: first.recount`): the most frequent values, exact.
 */
export function finishRecount(first: UniqueResult, recounted: UniquePartial[]): UniqueResult {
  const exactCounts = new Map<UniqueValue, ValueCount>();
  for (const p of recounted) addCounts(exactCounts, p.values);
  const values = [...exactCounts.values()];
  const nullEntry = first.values.find((v) => v.value === null);
  if (nullEntry) values.push(nullEntry);
  values.sort((a, b) => b.count - a.count || a.firstRow - b.firstRow);
  return { ...first, values, recount: undefined, note: overBudgetNote(first.untrackedRows ?? 0, true) };
}
