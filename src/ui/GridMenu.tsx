import { useEffect, useRef } from 'react';

export interface MenuItem {
  label: string;
  run: () => void;
}

/** Where a menu opens (page coordinates) and what it offers. */
export interface OpenMenu {
  x: number;
  y: number;
  label: string;
  items: MenuItem[];
}

/** A small menu at a point (a column header's or a cell's): a click on an item runs it; Esc, a click elsewhere or a scroll closes it. */
export function GridMenu({ menu, onClose }: { menu: OpenMenu; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const away = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    const key = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('pointerdown', away, true);
    document.addEventListener('keydown', key);
    return () => {
      document.removeEventListener('pointerdown', away, true);
      document.removeEventListener('keydown', key);
    };
  }, [onClose]);
  return (
    <div ref={ref} className="grid-menu" role="menu" aria-label={menu.label} style={{ position: 'fixed', left: menu.x, top: menu.y }}>
      {menu.items.map((item) => (
        <button
          key={item.label}
          role="menuitem"
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
