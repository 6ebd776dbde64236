import { duckdbClose, duckdbCopyToParquet, duckdbOpen, duckdbQuery, duckdbRowsText } from './duckdbPeer';
import { arrowCount, arrowFirstMatches, arrowOpen, arrowOpenUrl, arrowReadAll, arrowRow, arrowRowOfChunk, arrowRows, arrowTopK, arrowUnique } from './arrowPeer';
import { hyparquetOpen, hyparquetRows } from './hyparquetPeer';

function chosenFile(): File {
  const file = document.querySelector<HTMLInputElement>('[data-testid=file-input]')?.files?.[0];
  if (!file) throw new Error('no file chosen');
  return file;
}

/**
 * Each call returns its result and its own duration measured in the page. It starts from a timer
 * task: work run straight from the DevTools protocol's evaluate is not reported as a long task.
 */
async function timed<T>(f: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  const t0 = performance.now();
  const result = await f();
  return { ms: performance.now() - t0, result };
}

const longest = { ms: 0 };
new PerformanceObserver((list) => list.getEntries().forEach((e) => (longest.ms = Math.max(longest.ms, e.duration)))).observe({ type: 'longtask', buffered: true });

Object.assign(window, {
  peers: {
    longestTask: () => longest.ms,
    resetLongestTask: () => (longest.ms = 0),
    duckdbOpen: (url?: string, threads?: boolean) => timed(() => duckdbOpen(url ?? chosenFile(), threads)),
    duckdbQuery: (sql: string, keepRows?: boolean) => timed(() => duckdbQuery(sql, keepRows)),
    duckdbRowsText: (sql: string) => timed(() => duckdbRowsText(sql)),
    duckdbCopyToParquet: (sql: string) => timed(() => duckdbCopyToParquet(sql)),
    duckdbClose: () => timed(duckdbClose),
    hyparquetOpen: (url?: string) => timed(() => hyparquetOpen(url ?? chosenFile())),
    hyparquetRows: (rowStart: number, rowEnd: number, columns?: string[]) => timed(() => hyparquetRows(rowStart, rowEnd, columns)),
    arrowOpen: (url?: string) => timed(() => (url ? arrowOpenUrl(url) : arrowOpen(chosenFile()))),
    arrowReadAll: () => timed(arrowReadAll),
    arrowRowOfChunk: (chunk: number, row: number) => timed(() => arrowRowOfChunk(chunk, row)),
    arrowRow: (row: number) => timed(() => arrowRow(row)),
    arrowRows: (start: number, end: number) => timed(() => arrowRows(start, end)),
    arrowTopK: (column: string, k: number) => timed(() => arrowTopK(column, k)),
    arrowUnique: (column: string) => timed(() => arrowUnique(column)),
    arrowCount: (column: string, value: string) => timed(() => arrowCount(column, value)),
    arrowFirstMatches: (column: string, value: string, n: number) => timed(() => arrowFirstMatches(column, value, n)),
  },
});
