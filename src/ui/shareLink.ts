/** View state kept in the URL hash, so a link reopens the same remote file and view. */
export interface HashState {
  url?: string;
  view?: string;
  row?: number;
  column?: number;
  sort?: 'count' | 'value';
}

export function readHash(hash: string): HashState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: HashState = {};
  const url = params.get('url');
  if (url && /^https?:\/\//i.test(url)) state.url = url;
  const view = params.get('view');
  if (view) state.view = view;
  const row = Number(params.get('row'));
  if (params.has('row') && Number.isSafeInteger(row) && row >= 0) state.row = row;
  const column = Number(params.get('column'));
  if (params.has('column') && Number.isSafeInteger(column) && column >= 0) state.column = column;
  const sort = params.get('sort');
  if (sort === 'count' || sort === 'value') state.sort = sort;
  return state;
}

export function writeHash(state: HashState): string {
  const params = new URLSearchParams();
  if (state.url) params.set('url', state.url);
  if (state.view) params.set('view', state.view);
  if (state.row !== undefined) params.set('row', String(state.row));
  if (state.column !== undefined) params.set('column', String(state.column));
  if (state.sort) params.set('sort', state.sort);
  return `#${params.toString()}`;
}
