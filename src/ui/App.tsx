import { useCallback, useEffect, useState } from 'react';
import { EngineError } from '../worker/client';
import type { ErrorInfo, SourceSpec } from '../worker/protocol';
import { DatasetView } from './DatasetView';
import { ErrorBox } from './ErrorBox';
import { FontWarmup } from './FontWarmup';
import { inlineFavicon } from './inlineFavicon';
import { bytes } from './format';
import { ThemeButton } from './ThemeButton';
import { OpenBar } from './OpenBar';
import { RecentFiles } from './RecentFiles';
import { readHash, writeHash, type HashState } from './shareLink';
import { TabBar } from './TabBar';
import { linkOf, stateFromLink, TabStore } from './tabStore';
import { EngineContext } from './useEngine';
import { useEngineLifecycle } from './useEngineLifecycle';
import { useFileDrop } from './useFileDrop';
import { useLaunchQueue } from './useLaunchQueue';
import { useTabs } from './useTabs';
import { visibleText } from './visibleText';
import { VisibleText } from './VisibleText';

type LocalLink = HashState & { file: { name: string; size: number } };

export function App() {
  const [store] = useState(() => new TabStore());
  const { tabs, active } = useTabs(store);
  const [error, setError] = useState<ErrorInfo | null>(null);
  // The link the page was opened with: a remote file opens at once; a local file's view waits for that file.
  const [startLink] = useState(() => readHash(location.hash));
  const [localLink, setLocalLink] = useState<LocalLink | null>(() => (startLink.file ? (startLink as LocalLink) : null));
  const [linkNote, setLinkNote] = useState<string | null>(null);
  const { host, notice, dismissNotice } = useEngineLifecycle(store, tabs.length > 0);

  const open = useCallback(
    async (spec: SourceSpec, link?: HashState) => {
      setError(null);
      let initial = link ? stateFromLink(link) : {};
      // A local file's link applies to the first file opened with the same name and size.
      if (!link && spec.kind === 'blob' && localLink && localLink.file.name === spec.name && localLink.file.size === spec.blob.size) {
        initial = stateFromLink(localLink);
        setLocalLink(null);
        setLinkNote(`${spec.name} opened at the view of the link it matches by name and size.`);
      }
      const id = store.add(spec, initial);
      try {
        store.opened(id, await host.open(id, spec));
      } catch (e) {
        if (!store.tab(id)) return; // closed while opening: never reopened, nothing to say
        store.remove(id);
        setError(e instanceof EngineError ? e.info : { message: String(e), where: {} });
      }
    },
    [host, store, localLink],
  );

  const openFiles = useCallback(
    (files: Iterable<File>) => {
      for (const file of files) void open({ kind: 'blob', blob: file, name: file.name });
    },
    [open],
  );

  const closeTab = useCallback(
    (id: number) => {
      store.remove(id);
      void host.close(id);
    },
    [host, store],
  );

  // A share link (#url=...) reopens the remote file it names, once.
  useEffect(() => {
    void inlineFavicon();
    if (startLink.url) void open({ kind: 'url', url: startLink.url }, startLink);
    // Only the link the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const current = tabs.find((t) => t.id === active) ?? null;

  // The address bar always shows the active tab's link; with no tab, a local file's link that still waits.
  const hash = current ? writeHash(linkOf(current)) : localLink ? writeHash(localLink) : '';
  useEffect(() => {
    // A moment late, so that scrolling does not rewrite the URL every frame (browsers throttle that).
    const timer = setTimeout(() => {
      if (hash !== location.hash && !(hash === '' && location.hash === '#')) history.replaceState(null, '', hash || location.pathname + location.search);
    }, 150);
    return () => clearTimeout(timer);
  }, [hash]);

  useLaunchQueue(openFiles);
  const { dragging, dropProps } = useFileDrop(openFiles);

  return (
    <EngineContext.Provider value={host.client}>
      <div className={`app${dragging ? ' dragging' : ''}`} {...dropProps} data-testid="app">
        <header className="topbar">
          <h1 className="brand">
            <img src="./icon.svg" alt="" width={22} height={22} /> Arrowscope
          </h1>
          <OpenBar onFiles={openFiles} onOpen={(spec) => void open(spec)} />
          <ThemeButton />
        </header>
        <TabBar tabs={tabs} active={active} onActivate={(id) => store.activate(id)} onClose={closeTab} />
        {tabs
          .filter((t) => !t.summary)
          .map((t) => (
            <div key={t.id} className="status" role="status" data-testid="opening">
              Opening <VisibleText text={t.name} />…{' '}
              <button className="link" onClick={() => closeTab(t.id)} aria-label={`Cancel opening ${visibleText(t.name)}`}>
                Cancel
              </button>
            </div>
          ))}
        {error && <ErrorBox info={error} onClose={() => setError(null)} />}
        {(localLink || linkNote) && (
          <div className="status" role="status" data-testid="link-notice">
            {localLink
              ? `This link shows a view of the local file ${localLink.file.name} (${bytes(localLink.file.size)}): open that file and its view opens.`
              : linkNote}{' '}
            <button
              className="link"
              onClick={() => {
                setLocalLink(null);
                setLinkNote(null);
              }}
            >
              Dismiss
            </button>
          </div>
        )}
        {notice && (
          <div className="status" role="status" data-testid="notice">
            {notice}{' '}
            <button className="link" onClick={dismissNotice}>
              Dismiss
            </button>
          </div>
        )}
        <main className="main">
          {current?.summary ? (
            <DatasetView key={`${current.id}:${current.generation}`} tab={current} store={store} />
          ) : current ? null : (
            <div className="welcome">
              <p>Drop an Arrow IPC stream or file (.arrow, .arrows, .feather, .ipc) or a Parquet file anywhere on this page.</p>
              <p>Files are read lazily in your browser, never uploaded: opening a 10 GB file reads a few kilobytes.</p>
              <RecentFiles onFile={(f) => openFiles([f])} onError={(message) => setError({ message, where: {} })} />
            </div>
          )}
        </main>
        <FontWarmup />
      </div>
    </EngineContext.Provider>
  );
}
