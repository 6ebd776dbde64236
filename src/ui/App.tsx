import { useCallback, useEffect, useRef, useState } from 'react';
import { EngineError } from '../worker/client';
import type { ErrorInfo, SourceSpec } from '../worker/protocol';
import { DatasetView } from './DatasetView';
import { ErrorBox } from './ErrorBox';
import { ThemeButton } from './ThemeButton';
import { OpenBar } from './OpenBar';
import { RecentFiles } from './RecentFiles';
import { readHash } from './shareLink';
import { EngineContext } from './useEngine';
import { useEngineLifecycle, type OpenTab, type ReopenedTab } from './useEngineLifecycle';
import { useFileDrop } from './useFileDrop';
import { useLaunchQueue } from './useLaunchQueue';

export function App() {
  const [tabs, setTabs] = useState<OpenTab[]>([]);
  const [active, setActive] = useState<number | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);

  // A restarted engine gave every tab a new dataset id: the active tab stays the same file.
  const onEngineRestarted = useCallback((reopened: ReopenedTab[]) => {
    setTabs(reopened.map(({ spec, summary }) => ({ spec, summary })));
    setActive((a) => reopened.find((r) => r.old === a)?.summary.id ?? null);
  }, []);
  const { engine, notice, dismissNotice } = useEngineLifecycle(tabs, onEngineRestarted);

  const open = useCallback(
    async (spec: SourceSpec) => {
      setOpening(spec.kind === 'blob' ? spec.name : spec.url);
      setError(null);
      try {
        const summary = await engine.open(spec);
        setTabs((t) => [...t, { summary, spec }]);
        setActive(summary.id);
      } catch (e) {
        setError(e instanceof EngineError ? e.info : { message: String(e), where: {} });
      } finally {
        setOpening(null);
      }
    },
    [engine],
  );

  const openFiles = useCallback(
    (files: Iterable<File>) => {
      for (const file of files) void open({ kind: 'blob', blob: file, name: file.name });
    },
    [open],
  );

  const closeTab = useCallback(
    (id: number) => {
      void engine.close(id);
      setTabs((t) => t.filter((x) => x.summary.id !== id));
      setActive((a) => (a === id ? null : a));
    },
    [engine],
  );

  // A share link (#url=...) reopens the remote file it names (once, not again for a new engine).
  const sharedOpened = useRef(false);
  useEffect(() => {
    if (sharedOpened.current) return;
    sharedOpened.current = true;
    const state = readHash(location.hash);
    if (state.url) void open({ kind: 'url', url: state.url });
  }, [open]);

  useLaunchQueue(openFiles);
  const { dragging, dropProps } = useFileDrop(openFiles);

  const current = tabs.find((t) => t.summary.id === active) ?? tabs[tabs.length - 1];

  return (
    <EngineContext.Provider value={engine}>
      <div
        className={`app${dragging ? ' dragging' : ''}`}
        {...dropProps}
        data-testid="app"
      >
        <header className="topbar">
          <h1 className="brand">
            <img src="./icon.svg" alt="" width={22} height={22} /> Arrowscope
          </h1>
          <OpenBar onFiles={openFiles} onOpen={open} busy={opening !== null} />
          <ThemeButton />
        </header>
        {tabs.length > 0 && (
          <nav className="tabs" role="tablist" aria-label="Open files">
            {tabs.map((t) => (
              <div key={t.summary.id} className={`tab${t === current ? ' active' : ''}`} role="tab" aria-selected={t === current}>
                <button className="tab-name" onClick={() => setActive(t.summary.id)} title={t.summary.name}>
                  {t.summary.name}
                </button>
                <button className="tab-close" aria-label={`Close ${t.summary.name}`} onClick={() => closeTab(t.summary.id)}>
                  ×
                </button>
              </div>
            ))}
          </nav>
        )}
        {opening && (
          <div className="status" role="status">
            Opening {opening}…
          </div>
        )}
        {error && <ErrorBox info={error} onClose={() => setError(null)} />}
        {notice && (
          <div className="status" role="status" data-testid="notice">
            {notice}{' '}
            <button className="link" onClick={dismissNotice}>
              Dismiss
            </button>
          </div>
        )}
        <main className="main">
          {current ? (
            <DatasetView key={current.summary.id} initial={current.summary} />
          ) : (
            <div className="welcome">
              <p>Drop an Arrow IPC stream or file (.arrow, .arrows, .feather, .ipc) or a Parquet file anywhere on this page.</p>
              <p>Files are read lazily in your browser, never uploaded: opening a 10 GB file reads a few kilobytes.</p>
              <RecentFiles onFile={(f) => openFiles([f])} onError={(message) => setError({ message, where: {} })} />
            </div>
          )}
        </main>
      </div>
    </EngineContext.Provider>
  );
}
