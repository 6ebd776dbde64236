/**
 * View state kept in the URL hash. A remote file's link (`url=`) reopens the file and the view; a
 * local file's link (`file=` and `size=`) cannot open the file, so it reopens the view once a file of
 * the same name and size is opened.
 */
export interface HashState {
  url?: string;
  /** A local file, matched by name and size when one is opened. */
  file?: { name: string; size: number };
  view?: string;
  /** The first row shown in the data grid. */
  row?: number;
  /** The Unique view's column. */
  column?: number;
  sort?: 'count' | 'value';
  /** The Data view's filter (the WHERE text as applied): opening the link applies it. */
  where?: string;
  /** The Data view's row order, in the CLI's `--sort` syntax (`sort=` is the Unique view's). */
  order?: string;
}

const index = (params: URLSearchParams, name: string): number | undefined => {
  const n = Number(params.get(name));
  return params.has(name) && params.get(name) !== '' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
};

export function readHash(hash: string): HashState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: HashState = {};
  const url = params.get('url');
  if (url && /^https?:\/\//i.test(url)) state.url = url;
  const file = params.get('file');
  const size = index(params, 'size');
  if (!state.url && file && size !== undefined) state.file = { name: file, size };
  const view = params.get('view');
  if (view) state.view = view;
  const row = index(params, 'row');
  if (row !== undefined) state.row = row;
  const column = index(params, 'column');
  if (column !== undefined) state.column = column;
  const sort = params.get('sort');
  if (sort === 'count' || sort === 'value') state.sort = sort;
  const where = params.get('where');
  if (where && where.trim()) state.where = where;
  const order = params.get('order');
  if (order && order.trim()) state.order = order;
  return state;
}

export function writeHash(state: HashState): string {
  const params = new URLSearchParams();
  if (state.url) params.set('url', state.url);
  else if (state.file) {
    params.set('file', state.file.name);
    params.set('size', String(state.file.size));
  }
  if (state.view) params.set('view', state.view);
  if (state.row !== undefined) params.set('row', String(state.row));
  if (state.column !== undefined) params.set('column', String(state.column));
  if (state.sort) params.set('sort', state.sort);
  if (state.where) params.set('where', state.where);
  if (state.order) params.set('order', state.order);
  return `#${params.toString()}`;
}

/** The whole link: this page with the state in its hash. */
export const shareUrl = (state: HashState, page: { origin: string; pathname: string; search: string }): string => `${page.origin}${page.pathname}${page.search}${writeHash(state)}`;
