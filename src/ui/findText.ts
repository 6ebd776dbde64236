import type { FindSearch } from '../worker/protocol';
import { count } from './format';

/** How much a find went through: "searched 120,000 rows in 12 chunks (3 decided by statistics, 4 known from before)". */
export function searchedText(s: FindSearch): string {
  const how = [s.chunksSkipped ? `${count(s.chunksSkipped)} decided by statistics` : '', s.chunksKnown ? `${count(s.chunksKnown)} known from before` : ''].filter(Boolean).join(', ');
  return `searched ${count(s.rowsSearched)} ${s.rowsSearched === 1 ? 'row' : 'rows'} in ${count(s.chunksSearched)} ${s.chunksSearched === 1 ? 'chunk' : 'chunks'}${how ? ` (${how})` : ''}`;
}

/** What a find that found nothing says: "No more matches after row 1,234,567 — searched …". */
export function notFoundText(s: FindSearch, filtered: boolean): string {
  if (s.beyondView) return `The ${s.direction} match is past the rows of the filtered view found so far: let the filter scan further, then find again.`;
  const where = filtered ? ' in the filtered view' : '';
  const head =
    s.direction === 'next'
      ? s.fromRow < 0
        ? `No match${where}`
        : `No more matches${where} after row ${count(s.fromRow)}`
      : `No more matches${where} before row ${count(s.fromRow)}`;
  return `${head} — ${searchedText(s)}.`;
}
