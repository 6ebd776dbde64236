import { useEffect, useRef, useState } from 'react';
import { bytes } from './format';
import { clearRecent, reopenRecent, type RecentFile } from './recentFiles';
import { useRecentFiles } from './useRecentFiles';

interface Props {
  onFile: (file: File) => void;
  /** Opens the file chooser, for a file remembered without a handle. */
  onChooseAgain: () => void;
}

/** A "Recent" menu in the top bar, there whether or not files are open. */
export function RecentMenu({ onFile, onChooseAgain }: Props) {
  const recent = useRecentFiles();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const choose = (r: RecentFile) => {
    setOpen(false);
    if (!r.handle) {
      onChooseAgain();
      return;
    }
    reopenRecent(r).then(onFile, (e: Error) => setError(e.message));
  };

  // Arrow keys move between items, Escape closes and gives focus back to the button.
  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      setOpen(false);
      root.current?.querySelector<HTMLElement>('button')?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      items[e.key === 'Home' ? 0 : items.length - 1]?.focus();
    }
  };

  return (
    <div className="recent-menu" ref={root}>
      <button aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} title="Local files opened before">
        Recent ▾
      </button>
      {open && (
        <div className="menu" role="menu" aria-label="Recent files" ref={menu} onKeyDown={onKeyDown} data-testid="recent-menu">
          {recent.length === 0 && (
            <button role="menuitem" className="menu-item menu-empty" aria-disabled="true" onClick={() => setOpen(false)}>
              No local file opened yet
            </button>
          )}
          {recent.map((r) => (
            <button key={r.key} role="menuitem" className="menu-item" onClick={() => choose(r)} title={r.handle ? `Reopen ${r.name}` : `${r.name} was opened without a file handle: choose it again`}>
              <span className="menu-name">{r.name}</span>
              <span className="muted">
                {bytes(r.size)} · {new Date(r.openedAt).toLocaleString()}
                {r.handle ? '' : ' · choose again…'}
              </span>
            </button>
          ))}
          {recent.length > 0 && (
            <button
              role="menuitem"
              className="menu-item menu-clear"
              onClick={() => {
                setOpen(false);
                void clearRecent();
              }}
            >
              Clear this list
            </button>
          )}
        </div>
      )}
      {error && (
        <div className="error menu-error" role="alert">
          {error}{' '}
          <button className="link" onClick={() => setError(null)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
