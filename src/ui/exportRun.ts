import { EngineError, type EngineClient } from '../worker/client';
import type { ExportProgress, ExportResult, ExportTarget, ViewExport } from '../worker/protocol';

/** The cancellation key of a tab's export (the engine host makes it the tab's: `export@3`). */
export const EXPORT_KEY = 'export';
/** Downloads are written here in the origin private file system first, then handed to the browser's downloads. */
const OPFS_FOLDER = 'arrowscope-exports';
/** Files left there (downloaded long ago, or by a page that went away) are removed by the next export after this long. */
const STALE_MS = 60 * 60 * 1000;

export const FORMATS = [
  { format: 'csv', label: 'CSV', ext: 'csv', mime: 'text/csv' },
  { format: 'arrows', label: 'Arrow IPC stream', ext: 'arrows', mime: 'application/vnd.apache.arrow.stream' },
  { format: 'arrow', label: 'Arrow IPC file', ext: 'arrow', mime: 'application/vnd.apache.arrow.file' },
  { format: 'parquet', label: 'Parquet', ext: 'parquet', mime: 'application/vnd.apache.parquet' },
] as const satisfies readonly { format: ViewExport['format']; label: string; ext: string; mime: string }[];

/** Where a tab's export stands, for the menu (kept outside the view, so a switch of view or tab loses nothing). */
export interface ExportState {
  run: number;
  fileName: string;
  /** 'download': written to the browser's storage, then downloaded; 'page': collected in the page, then downloaded; 'file': a file the user chose. */
  how: 'file' | 'download' | 'page';
  running: boolean;
  progress: ExportProgress | null;
  result: ExportResult | null;
  cancelled: boolean;
  error: string | null;
}

type SavePicker = (options: object) => Promise<FileSystemFileHandle>;

/** The save dialog of File System Access, where the browser has one (Chromium). */
export const savePicker = (): SavePicker | undefined => (window as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;

/** True where exports can be written to the origin private file system and downloaded from there (bounded memory). */
const hasOpfs = () => typeof navigator.storage?.getDirectory === 'function';

/** Every tab's export, by tab id. */
class ExportRuns {
  private readonly states = new Map<number, ExportState>();
  private readonly listeners = new Set<() => void>();
  private nextRun = 1;
  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  get = (tab: number): ExportState | undefined => this.states.get(tab);
  start(tab: number, fileName: string, how: ExportState['how']): number {
    const run = this.nextRun++;
    this.set(tab, { run, fileName, how, running: true, progress: null, result: null, cancelled: false, error: null });
    return run;
  }
  update(tab: number, run: number, patch: Partial<ExportState>): void {
    const s = this.states.get(tab);
    if (s?.run === run) this.set(tab, { ...s, ...patch });
  }
  dismiss(tab: number): void {
    const s = this.states.get(tab);
    if (s && !s.running) {
      this.states.delete(tab);
      for (const l of this.listeners) l();
    }
  }
  private set(tab: number, s: ExportState): void {
    this.states.set(tab, s);
    for (const l of this.listeners) l();
  }
}

export const exportRuns = new ExportRuns();

/** Hands a file or Blob to the browser's downloads under `name`. */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download reads the blob after the click: the URL goes later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Removes exports older than STALE_MS from the private folder (each one's download has long started). */
async function removeStale(folder: FileSystemDirectoryHandle): Promise<void> {
  const now = Date.now();
  for await (const [name, handle] of (folder as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
    if (handle.kind !== 'file') continue;
    const file = await (handle as FileSystemFileHandle).getFile().catch(() => null);
    if (file && now - file.lastModified > STALE_MS) await folder.removeEntry(name).catch(() => {});
  }
}

const progressEvery = 150;

/**
 * Exports what tab `tab` shows (`request`; `viewKey`: the key its rows are kept under, its sort's or its filter's) under `fileName`: to a
 * file chosen in the save dialog when `save` (the engine worker writes it with createWritable), else
 * as a download, written first to the origin private file system by the worker (memory stays bounded)
 * or, where that is missing, collected in the page as a Blob of parts (the whole file in memory).
 * Progress and the result go to `exportRuns`; a cancel or failure leaves no file behind.
 */
export async function runExport(engine: EngineClient, tab: number, request: ViewExport, viewKey: string | undefined, fileName: string, save: boolean): Promise<void> {
  let target: ExportTarget;
  let how: ExportState['how'];
  const parts: Uint8Array[] = [];
  let folder: FileSystemDirectoryHandle | null = null;
  const opfsName = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}-${fileName.replace(/[/\\]/g, '_')}`;
  const type = FORMATS.find((f) => f.format === request.format)!;
  if (save && savePicker()) {
    let handle: FileSystemFileHandle;
    try {
      handle = await savePicker()!({ suggestedName: fileName, types: [{ description: type.label, accept: { [type.mime]: [`.${type.ext}`] } }] });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return; // the dialog was closed
      throw e;
    }
    target = { kind: 'handle', handle };
    how = 'file';
    fileName = handle.name;
  } else if (hasOpfs()) {
    folder = await (await navigator.storage.getDirectory()).getDirectoryHandle(OPFS_FOLDER, { create: true });
    await removeStale(folder).catch(() => {});
    target = { kind: 'opfs', folder: OPFS_FOLDER, name: opfsName };
    how = 'download';
  } else {
    target = { kind: 'page' };
    how = 'page';
  }
  const run = exportRuns.start(tab, fileName, how);
  let last = 0;
  const onProgress = (p: ExportProgress) => {
    const now = performance.now();
    if (now - last < progressEvery && p.rowsWritten !== p.rowsTotal) return;
    last = now;
    exportRuns.update(tab, run, { progress: p });
  };
  try {
    const result = await engine.exportView(tab, request, EXPORT_KEY, viewKey, target, onProgress, how === 'page' ? (b: Uint8Array) => void parts.push(b) : undefined);
    if (folder) download(await (await folder.getFileHandle(opfsName)).getFile(), fileName);
    else if (how === 'page') download(new Blob(parts as BlobPart[], { type: type.mime }), fileName);
    exportRuns.update(tab, run, { running: false, result });
  } catch (e) {
    const message = e instanceof EngineError ? e.info.message : e instanceof Error ? e.message : String(e);
    const cancelled = message === 'Cancelled.' || (e instanceof DOMException && e.name === 'AbortError');
    exportRuns.update(tab, run, { running: false, cancelled, error: cancelled ? null : message });
  } finally {
    parts.length = 0;
  }
}

/** Stops the tab's export: the engine discards the partial file. */
export function cancelExport(engine: EngineClient, tab: number): Promise<void> {
  return engine.cancelFor(tab, EXPORT_KEY);
}
