/** One key of a sort written as text: `name` or `name:desc` (`:asc` also taken). */
export interface SortSpecKey {
  name: string;
  descending: boolean;
}

/** `cand_nm,contb_receipt_amt:desc` -> its keys; null when a key is empty or its direction unknown. */
export function parseSortSpec(text: string): SortSpecKey[] | null {
  const keys: SortSpecKey[] = [];
  for (const part of text.split(',')) {
    const m = /^(.*?)(?::(asc|desc))?$/i.exec(part.trim());
    if (!m || m[1] === '') return null;
    keys.push({ name: m[1], descending: (m[2] ?? '').toLowerCase() === 'desc' });
  }
  return keys;
}
