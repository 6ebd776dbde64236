import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { FieldInfo } from '../worker/protocol';
import { count } from './format';
import { fullOrder, shiftField } from './columnLayout';
import type { GridState } from './tabStore';

interface Props {
  fields: readonly FieldInfo[];
  state: GridState;
  onChange: (patch: Partial<GridState>) => void;
}

const ITEM = 26;

/**
 * Show or hide each column, move it left or right, or show it alone; "Show all" undoes hiding. The
 * list is built only while the menu is open, filtered by name and rendered a screenful at a time
 * (a file may have 100,000 columns).
 */
export function ColumnsMenu({ fields, state, onChange }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <details className="columns-menu" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Columns{state.hidden.length ? ` (${count(state.hidden.length)} hidden)` : ''}</summary>
      {open && <ColumnsList fields={fields} state={state} onChange={onChange} />}
    </details>
  );
}

function ColumnsList({ fields, state, onChange }: Props) {
  const [filter, setFilter] = useState('');
  const scroller = useRef<HTMLDivElement>(null);
  const hidden = useMemo(() => new Set(state.hidden), [state.hidden]);
  const order = useMemo(() => {
    const all = fullOrder(fields.length, state.order);
    const needle = filter.trim().toLowerCase();
    return needle ? all.filter((f) => fields[f].name.toLowerCase().includes(needle)) : all;
  }, [fields, state.order, filter]);
  const virtualizer = useVirtualizer({ count: order.length, getScrollElement: () => scroller.current, estimateSize: () => ITEM, overscan: 10 });
  const toggle = (f: number) => onChange({ hidden: hidden.has(f) ? state.hidden.filter((h) => h !== f) : [...state.hidden, f] });
  const move = (f: number, delta: -1 | 1) => onChange({ order: shiftField(fields.length, state.order, state.hidden, f, delta) });
  return (
    <div className="columns-menu-list" role="group" aria-label="Columns" ref={scroller}>
      <div className="columns-menu-actions" style={{ marginTop: 0, marginBottom: 6 }}>
        <input type="search" placeholder={`Find among ${count(fields.length)} columns`} aria-label="Find a column" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <button onClick={() => onChange({ hidden: [] })} disabled={!hidden.size}>
          Show all
        </button>
        <button onClick={() => onChange({ order: null, widths: {} })}>Reset order and widths</button>
      </div>
      {filter && order.length === 0 && <div className="muted">No column name contains “{filter}”.</div>}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const f = order[item.index];
          const name = fields[f].name;
          return (
            <div key={f} className="columns-menu-item" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ITEM, transform: `translateY(${item.start}px)` }}>
              <label title={name}>
                <input type="checkbox" checked={!hidden.has(f)} onChange={() => toggle(f)} aria-label={`Show ${name}`} /> {name}
              </label>
              <button aria-label={`Move ${name} left`} title="Move left" onClick={() => move(f, -1)} disabled={hidden.has(f)}>
                ←
              </button>
              <button aria-label={`Move ${name} right`} title="Move right" onClick={() => move(f, 1)} disabled={hidden.has(f)}>
                →
              </button>
              <button aria-label={`Show only ${name}`} title="Show this column alone" onClick={() => onChange({ only: f })}>
                only
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
