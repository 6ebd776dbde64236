/**
 * Local files opened recently, kept in IndexedDB: with the File System Access handle where the browser
 * gives one (picker, drop in Chromium, the installed app's launch queue), so it reopens in one click;
 * otherwise as a hint (name, size, date) of a file to choose again.
 */
export interface RecentFile {
  /** Name and size: the same name with another size is another file. */
  key: string;
  name: string;
  size: number;
  lastModified?: number;
  openedAt: number;
  handle?: FileSystemFileHandle;
}

const DB = 'arrowscope';
const STORE = 'recent-files';
const KEEP = 20;
/** Dispatched on window when the list changes, so every list on the page shows it. */
export const RECENT_CHANGED = 'arrowscope-recent-changed';

function db(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 2);
    request.onupgradeneeded = () => {
      // Version 1 kept entries by name only (picker files); they are dropped rather than re-keyed.
      const d = request.result;
      if (d.objectStoreNames.contains(STORE)) d.deleteObjectStore(STORE);
      d.createObjectStore(STORE, { keyPath: 'key' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const available = () => typeof indexedDB !== 'undefined';

export async function listRecent(): Promise<RecentFile[]> {
  if (!available()) return [];
  const all = await done((await db()).transaction(STORE).objectStore(STORE).getAll() as IDBRequest<RecentFile[]>);
  return all.sort((a, b) => b.openedAt - a.openedAt);
}

async function put(entry: RecentFile): Promise<void> {
  const store = (await db()).transaction(STORE, 'readwrite').objectStore(STORE);
  await done(store.put(entry));
  const all = (await done(store.getAll() as IDBRequest<RecentFile[]>)).sort((a, b) => b.openedAt - a.openedAt);
  for (const old of all.slice(KEEP)) await done(store.delete(old.key));
}

/** Remembers a local file just opened, with its handle when there is one. Never throws. */
export async function rememberFile(file: File, handle?: FileSystemFileHandle | null): Promise<void> {
  if (!available()) return;
  const entry: RecentFile = { key: `${file.name}\u0000${file.size}`, name: file.name, size: file.size, lastModified: file.lastModified, openedAt: Date.now() };
  try {
    // A handle the browser cannot store (not a real FileSystemFileHandle) leaves a hint instead.
    await put(handle ? { ...entry, handle } : entry).catch(() => put(entry));
    window.dispatchEvent(new Event(RECENT_CHANGED));
  } catch {
    /* no IndexedDB (private mode): nothing is remembered */
  }
}

export async function clearRecent(): Promise<void> {
  if (!available()) return;
  await done((await db()).transaction(STORE, 'readwrite').objectStore(STORE).clear());
  window.dispatchEvent(new Event(RECENT_CHANGED));
}

type PermissionHandle = FileSystemFileHandle & {
  queryPermission?(d: { mode: 'read' }): Promise<PermissionState>;
  requestPermission?(d: { mode: 'read' }): Promise<PermissionState>;
};

/** The file behind a remembered handle, asking for permission again when the browser requires it. */
export async function reopenRecent(recent: RecentFile): Promise<File> {
  const handle = recent.handle as PermissionHandle | undefined;
  if (!handle) throw new Error(`${recent.name} was opened without a file handle: choose it again with Open file… or drop it on the page.`);
  if (handle.queryPermission && (await handle.queryPermission({ mode: 'read' })) !== 'granted') {
    if ((await handle.requestPermission?.({ mode: 'read' })) !== 'granted') throw new Error(`Permission to read ${recent.name} was not given.`);
  }
  const file = await handle.getFile();
  void rememberFile(file, handle);
  return file;
}
