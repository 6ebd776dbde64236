import { useCallback, useEffect, useRef, useState } from 'react';
import { EngineError, startEngine } from '../worker/client';
import type { DatasetSummary, ErrorInfo, SourceSpec } from '../worker/protocol';
import { DatasetView } from './DatasetView';
import { ErrorBox } from './ErrorBox';
import { ThemeButton } from './ThemeButton';
import { OpenBar } from './OpenBar';
import { RecentFiles } from './RecentFiles';
import { readHash } from './shareLink';
import { EngineContext } from './useEngine';

interface Tab {
  summary: DatasetSummary;
  /** How to open the file again (a fresh engine worker reopens every tab). */
  spec: SourceSpec;
}

/** Parquet's wasm memory never shrinks; past this the engine worker is replaced. `?wasmBudgetMiB=` overrides. */
function wasmBudgetBytes(): number {
  const mib = Number(new URLSearchParams(location.search).get('wasmBudgetMiB'));
  return (Number.isFinite(mib) && mib > 0 ? mib : 1536) * 1024 * 1024;
}

export function App() {
  const [engine, setEngine] = useState(() => startEngine());
  const [notice, setNotice] = useState<string | null>(null);
  const [tabs, setTabs] = useState<Tab[]>([]);
  const [active, setActive] = useState<number | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [dragging, setDragging] = useState(false);

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

  // Replace the engine worker once its wasm memory passes the budget, reopening every tab in the new one.
  useEffect(() => {
    if (!tabs.length) return;
    let busy = false;
    const timer = setInterval(async () => {
      if (busy) return;
      busy = true;
      try {
        const held = await engine.wasmBytes();
        if (held <= wasmBudgetBytes()) return;
        const next = startEngine();
        const reopened = await Promise.all(tabs.map(async (t) => ({ spec: t.spec, summary: await next.open(t.spec), old: t.summary.id })));
        engine.terminate();
        setEngine(next);
        setTabs(reopened.map(({ spec, summary }) => ({ spec, summary })));
        setActive((a) => reopened.find((r) => r.old === a)?.summary.id ?? null);
        setNotice(`The engine worker was restarted to give back ${(held / 2 ** 20).toFixed(0)} MiB of Parquet decoder memory (WebAssembly memory never shrinks); open files were reopened.`);
      } finally {
        busy = false;
      }
    }, 2000);
    return () => clearInterval(timer);
  }, [engine, tabs]);

  // A share link (#url=...) reopens the remote file it names (once, not again for a new engine).
  const sharedOpened = useRef(false);
  useEffect(() => {
    if (sharedOpened.current) return;
    sharedOpened.current = true;
    const state = readHash(location.hash);
    if (state.url) void open({ kind: 'url', url: state.url });
  }, [open]);

  // Files handed over by the installed PWA (manifest file_handlers).
  useEffect(() => {
    const queue = (window as unknown as { launchQueue?: { setConsumer(f: (p: { files: FileSystemFileHandle[] }) => void): void } }).launchQueue;
    queue?.setConsumer(async ({ files }) => openFiles(await Promise.all(files.map((h) => h.getFile()))));
  }, [openFiles]);

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) openFiles(Array.from(e.dataTransfer.files));
  };

  const current = tabs.find((t) => t.summary.id === active) ?? tabs[tabs.length - 1];

  return (
    <EngineContext.Provider value={engine}>
      <div
        className={`app${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(e) => {
          if (e.currentTarget === e.target) setDragging(false);
        }}
        onDrop={onDrop}
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
            <button className="link" onClick={() => setNotice(null)}>
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
