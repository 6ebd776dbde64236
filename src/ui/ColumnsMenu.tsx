import type { FieldInfo } from '../worker/protocol';
import { fullOrder, shiftField } from './columnLayout';
import type { GridState } from './tabStore';

interface Props {
  fields: readonly FieldInfo[];
  state: GridState;
  onChange: (patch: Partial<GridState>) => void;
}

/** Show or hide each column and move it left or right; "Show all" undoes hiding. */
export function ColumnsMenu({ fields, state, onChange }: Props) {
  const order = fullOrder(fields.length, state.order);
  const hidden = new Set(state.hidden);
  const toggle = (f: number) => onChange({ hidden: hidden.has(f) ? state.hidden.filter((h) => h !== f) : [...state.hidden, f] });
  const move = (f: number, delta: -1 | 1) => onChange({ order: shiftField(fields.length, state.order, state.hidden, f, delta) });
  return (
    <details className="columns-menu">
      <summary>Columns{hidden.size ? ` (${hidden.size} hidden)` : ''}</summary>
      <div className="columns-menu-list" role="group" aria-label="Columns">
        {order.map((f) => (
          <div key={f} className="columns-menu-item">
            <label>
              <input type="checkbox" checked={!hidden.has(f)} onChange={() => toggle(f)} aria-label={`Show ${fields[f].name}`} /> {fields[f].name}
            </label>
            <button aria-label={`Move ${fields[f].name} left`} title="Move left" onClick={() => move(f, -1)} disabled={hidden.has(f)}>
              ←
            </button>
            <button aria-label={`Move ${fields[f].name} right`} title="Move right" onClick={() => move(f, 1)} disabled={hidden.has(f)}>
              →
            </button>
          </div>
        ))}
        <div className="columns-menu-actions">
          <button onClick={() => onChange({ hidden: [] })} disabled={!hidden.size}>
            Show all
          </button>
          <button onClick={() => onChange({ order: null, widths: {} })}>Reset order and widths</button>
        </div>
      </div>
    </details>
  );
}
