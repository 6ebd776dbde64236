import { useRef } from 'react';
import type { FieldInfo } from '../worker/protocol';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, type ColumnLayout } from './columnLayout';
import { TypeIcon } from './TypeIcon';
import { visibleText } from './visibleText';
import { VisibleText } from './VisibleText';

const DRAG_TYPE = 'application/x-arrowscope-field';

interface Props {
  fields: readonly FieldInfo[];
  layout: ColumnLayout;
  /** Display positions to render. */
  positions: readonly number[];
  gutter: number;
  height: number;
  /** Why a column cannot be read, when it cannot. */
  errorOf: (field: number) => string | undefined;
  isNumeric: (field: number) => boolean;
  onResize: (field: number, width: number) => void;
  onFit: (field: number) => void;
  /** Move `field` just before (or after) `target`. */
  onMove: (field: number, target: number, after: boolean) => void;
  /** Open the column's menu at a point (its ▾ button, or a right click on the header). */
  onMenu?: (field: number, x: number, y: number) => void;
  /** The column's place in the row order (↑, ↓, ↓2…), when it is a sort key. */
  sortMark?: (field: number) => string | undefined;
}

/**
 * The grid's header row, sticky above the rows: the frozen row-number corner, then per column its type,
 * name and error badge. Drag a column's name onto another to move it; drag the edge on its right to
 * resize it, double-click that edge to fit the column to its content (arrow keys on a focused edge
 * resize too).
 */
export function GridHeader({ fields, layout, positions, gutter, height, errorOf, isNumeric, onResize, onFit, onMove, onMenu, sortMark }: Props) {
  const drag = useRef<{ field: number; x: number; width: number } | null>(null);
  return (
    <div className="dg-header" role="row" style={{ width: gutter + layout.total, height }}>
      <div className="dg-rownum dg-corner" role="columnheader" aria-colindex={1} style={{ width: gutter, height }}>
        row
      </div>
      {positions.map((p) => {
        const f = layout.fields[p];
        const field = fields[f];
        const err = errorOf(f);
        const width = layout.widths[p];
        const mark = sortMark?.(f);
        return (
          <div
            key={f}
            role="columnheader"
            aria-colindex={p + 2}
            aria-sort={mark ? (mark.startsWith('↓') ? 'descending' : 'ascending') : undefined}
            className={`grid-cell head dg-head-cell${isNumeric(f) ? ' num' : ''}`}
            style={{ position: 'absolute', left: gutter + layout.lefts[p], width, height }}
            title={`${visibleText(field.name)}: ${field.type}${err ? `\n${err}` : ''}\nDrag the name to move the column; drag its right edge to resize, double-click the edge to fit.`}
            onDragOver={(e) => {
              if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
            }}
            onContextMenu={(e) => {
              if (!onMenu) return;
              e.preventDefault();
              onMenu(f, e.clientX, e.clientY);
            }}
            onDrop={(e) => {
              const moved = Number(e.dataTransfer.getData(DRAG_TYPE));
              if (!e.dataTransfer.types.includes(DRAG_TYPE) || moved === f) return;
              e.preventDefault();
              const box = e.currentTarget.getBoundingClientRect();
              onMove(moved, f, e.clientX > box.left + box.width / 2);
            }}
          >
            <span
              className="dg-grip"
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_TYPE, String(f));
                e.dataTransfer.effectAllowed = 'move';
              }}
            >
              <TypeIcon typeId={field.typeId} /> <VisibleText text={field.name} />
            </span>
            {mark && (
              <span className="dg-sort-mark" title={`Sorted ${mark.startsWith('↓') ? 'descending' : 'ascending'}${mark.length > 1 ? `, key ${mark.slice(1)}` : ''}`} data-testid="sort-mark">
                {mark}
              </span>
            )}
            {err && <span className="badge warn"> !</span>}
            {onMenu && (
              <button
                className="dg-menu-button"
                aria-label={`Menu of ${visibleText(field.name)}`}
                title="Column menu"
                onClick={(e) => {
                  const box = e.currentTarget.getBoundingClientRect();
                  onMenu(f, box.left, box.bottom);
                }}
              >
                ▾
              </button>
            )}
            <div
              className="dg-resize"
              role="separator"
              aria-orientation="vertical"
              aria-label={`Resize ${visibleText(field.name)}`}
              aria-valuenow={width}
              aria-valuemin={MIN_COLUMN_WIDTH}
              aria-valuemax={MAX_COLUMN_WIDTH}
              tabIndex={-1}
              onPointerDown={(e) => {
                e.preventDefault();
                e.stopPropagation();
                e.currentTarget.setPointerCapture(e.pointerId);
                drag.current = { field: f, x: e.clientX, width };
              }}
              onPointerMove={(e) => {
                const d = drag.current;
                if (d && d.field === f) onResize(f, d.width + e.clientX - d.x);
              }}
              onPointerUp={(e) => {
                drag.current = null;
                e.currentTarget.releasePointerCapture(e.pointerId);
              }}
              onDoubleClick={() => onFit(f)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
                  e.preventDefault();
                  e.stopPropagation();
                  onResize(f, width + (e.key === 'ArrowRight' ? 16 : -16));
                }
              }}
            />
          </div>
        );
      })}
    </div>
  );
}
