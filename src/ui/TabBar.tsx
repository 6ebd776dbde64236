import type { TabState } from './tabStore';
import { visibleText } from './visibleText';
import { VisibleText } from './VisibleText';

interface Props {
  tabs: readonly TabState[];
  active: number | null;
  onActivate: (id: number) => void;
  onClose: (id: number) => void;
}

/**
 * The open files, in the order they were chosen. The tab list holds only tabs (as the ARIA pattern
 * wants); each close button follows its tab on screen through CSS order, not inside it.
 */
export function TabBar({ tabs, active, onActivate, onClose }: Props) {
  if (!tabs.length) return null;
  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -1;
    if (e.key === 'Delete') {
      e.preventDefault();
      onClose(tabs[i].id);
    } else if (to >= 0 && to < tabs.length) {
      e.preventDefault();
      onActivate(tabs[to].id);
      document.getElementById(`file-tab-${tabs[to].id}`)?.focus();
    }
  };
  return (
    <nav className="tabs file-tabs" aria-label="Open files">
      <div role="tablist" aria-label="Open files" className="file-tablist">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            id={`file-tab-${t.id}`}
            role="tab"
            aria-selected={t.id === active}
            tabIndex={t.id === active ? 0 : -1}
            className={`file-tab${t.id === active ? ' active' : ''}`}
            style={{ order: 2 * i }}
            title={t.summary ? visibleText(t.name) : `${visibleText(t.name)}: opening…`}
            onClick={() => onActivate(t.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            <VisibleText text={t.name} />
            {!t.summary && <span className="muted"> (opening…)</span>}
          </button>
        ))}
      </div>
      <div className="file-tab-closers">
        {tabs.map((t, i) => (
          <button key={t.id} className={`file-tab-close${t.id === active ? ' active' : ''}`} style={{ order: 2 * i + 1 }} aria-label={`Close ${visibleText(t.name)}`} title={`Close ${visibleText(t.name)}`} onClick={() => onClose(t.id)}>
            ×
          </button>
        ))}
      </div>
    </nav>
  );
}
