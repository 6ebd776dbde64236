import { useEffect, useState } from 'react';

type Theme = 'auto' | 'light' | 'dark';
const NEXT: Record<Theme, Theme> = { auto: 'light', light: 'dark', dark: 'auto' };
const LABEL: Record<Theme, string> = { auto: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

function saved(): Theme {
  const t = localStorage.getItem('arrowscope-theme');
  return t === 'light' || t === 'dark' ? t : 'auto';
}

/** Cycles the colour theme: the system's, light, dark; remembered in this browser. */
export function ThemeButton() {
  const [theme, setTheme] = useState<Theme>(saved);
  useEffect(() => {
    if (theme === 'auto') {
      document.documentElement.removeAttribute('data-theme');
      localStorage.removeItem('arrowscope-theme');
    } else {
      document.documentElement.setAttribute('data-theme', theme);
      localStorage.setItem('arrowscope-theme', theme);
    }
  }, [theme]);
  return (
    <button className="theme-button" onClick={() => setTheme(NEXT[theme])} aria-label={`${LABEL[theme]} (click to change)`} title={LABEL[theme]}>
      {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}
    </button>
  );
}
