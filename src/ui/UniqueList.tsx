import { useEffect, useState } from 'react';
import { EngineError } from '../worker/client';
import type { ErrorInfo, ValueCount } from '../worker/protocol';
import { count } from './format';
import { ShareBar } from './ShareBar';
import type { KeptUniqueResult } from './tabStore';
import { useEngine } from './useEngine';
import { useScaledScroll } from './useScaledScroll';

const ROW = 26;
const PAGE = 200;
const OVERSCAN = 12;

interface Props {
  datasetId: number;
  result: KeptUniqueResult;
  sort: 'count' | 'value';
  search: string;
  /** Show `row` in the data view with the cell of the counted `column` selected. */
  onJump: (row: number, column: number) => void;
  /** Show the rows holding a value in the Data view, as a filter (within the filter it was counted in). */
  onFilterValue?: (column: number, firstRow: number, within?: string) => void;
  onError: (info: ErrorInfo) => void;
}

/**
 * The values of a unique result, sorted and searched as asked, read from the engine a page at a time
 * as they scroll into view. Scaled like the data grid (useScaledScroll): 5M values of 26 px would pass
 * the browsers' element height limits (a plain virtual list stops near 1.29M values in Chromium).
 */
export function UniqueList({ datasetId, result, sort, search, onJump, onFilterValue, onError }: Props) {
  const engine = useEngine();
  const [pages, setPages] = useState<{ key: string; total: number; pages: Map<number, ValueCount[]> }>({ key: '', total: 0, pages: new Map() });
  const viewKey = `${result.columnIndex}|${result.ms}|${sort}|${search}`;
  const total = pages.key === viewKey ? pages.total : result.valueCount;
  const { scroller, scale, viewport, firstRow, lastRow, topRow, rowTop, moveTo, showRowAtTop } = useScaledScroll(total, ROW, OVERSCAN, 0, 0);
  const firstPage = Math.floor(firstRow / PAGE);
  const lastPage = Math.max(firstPage, Math.floor(lastRow / PAGE));

  useEffect(() => {
    for (let p = firstPage; p <= lastPage; p++) {
      if (pages.key === viewKey && pages.pages.has(p)) continue;
      engine.uniqueValues(datasetId, result.columnIndex, p * PAGE, (p + 1) * PAGE, sort, search).then(
        ({ total: n, values }) =>
          setPages((old) => {
            const base = old.key === viewKey ? old.pages : new Map<number, ValueCount[]>();
            return { key: viewKey, total: n, pages: new Map(base).set(p, values) };
          }),
        (e: unknown) => onError(e instanceof EngineError ? e.info : { message: String(e), where: {} }),
      );
    }
  }, [engine, datasetId, result.columnIndex, viewKey, sort, search, firstPage, lastPage, pages, onError]);

  // Keys move by exact rows (the canvas may be scaled: the browser's own key scrolling would move by its factor).
  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor(viewport / ROW) - 1);
    const moves: Record<string, () => void> = {
      ArrowDown: () => showRowAtTop(topRow + 1),
      ArrowUp: () => showRowAtTop(topRow - 1),
      PageDown: () => showRowAtTop(topRow + page),
      PageUp: () => showRowAtTop(Math.max(0, topRow - page)),
      Home: () => moveTo(0),
      End: () => moveTo(Infinity),
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    moves[e.key]();
  };

  const shown: number[] = [];
  for (let i = firstRow; i <= lastRow; i++) shown.push(i);
  return (
    <div className="unique-table" role="grid" aria-label={`Unique values of ${result.column}`} aria-rowcount={total + 1}>
      <div role="rowgroup">
        <div className="unique-head" role="row" aria-rowindex={1}>
          <span role="columnheader">Value</span>
          <span role="columnheader">Count</span>
          <span role="columnheader">Share</span>
        </div>
      </div>
      <div ref={scroller} className="unique-scroll" role="rowgroup" tabIndex={0} aria-label="Values (click one to show its first row)" data-testid="unique-list" onKeyDown={onKeyDown}>
        <div style={{ height: scale.canvas, position: 'relative' }}>
          {shown.map((index) => {
            const v = pages.key === viewKey ? pages.pages.get(Math.floor(index / PAGE))?.[index % PAGE] : undefined;
            const style = { position: 'absolute', top: rowTop(index), left: 0, right: 0, height: ROW } as const;
            if (!v) {
              return (
                <div key={index} role="row" aria-rowindex={index + 2} className="unique-row" style={style}>
                  <span role="gridcell">…</span>
                </div>
              );
            }
            return (
              <div key={index} role="row" aria-rowindex={index + 2} className="unique-row" style={style} onClick={() => onJump(v.firstRow, result.columnIndex)} title={`First at row ${count(v.firstRow)}: click to show it`}>
                <span role="gridcell" className={v.value === null ? 'null' : ''}>
                  {v.value === null ? 'null' : String(v.value)}
                </span>
                <span role="gridcell">{count(v.count)}</span>
                <span role="gridcell" className="unique-share">
                  <ShareBar part={v.count} whole={result.rows} />
                  {onFilterValue && v.firstRow >= 0 && (
                    <button
                      className="link unique-filter"
                      aria-label="Filter rows with this value"
                      title="Filter rows with this value (Data view)"
                      onClick={(e) => {
                        e.stopPropagation();
                        onFilterValue(result.columnIndex, v.firstRow, result.filter?.text);
                      }}
                    />
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
