/** File System Access handles of recently opened files, kept in IndexedDB so they can be reopened. */
export interface RecentFile {
  name: string;
  size: number;
  openedAt: number;
  handle: FileSystemFileHandle;
}

const DB = 'arrowscope';
const STORE = 'recent-files';
const KEEP = 12;

function db(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'name' });
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

export async function listRecent(): Promise<RecentFile[]> {
  if (typeof indexedDB === 'undefined') return [];
  const all = await done((await db()).transaction(STORE).objectStore(STORE).getAll() as IDBRequest<RecentFile[]>);
  return all.sort((a, b) => b.openedAt - a.openedAt);
}

export async function rememberRecent(handle: FileSystemFileHandle, size: number): Promise<void> {
  const store = (await db()).transaction(STORE, 'readwrite').objectStore(STORE);
  await done(store.put({ name: handle.name, size, openedAt: Date.now(), handle } satisfies RecentFile));
  const all = (await done(store.getAll() as IDBRequest<RecentFile[]>)).sort((a, b) => b.openedAt - a.openedAt);
  for (const old of all.slice(KEEP)) await done(store.delete(old.name));
}

type PermissionHandle = FileSystemFileHandle & {
  queryPermission?(d: { mode: 'read' }): Promise<PermissionState>;
  requestPermission?(d: { mode: 'read' }): Promise<PermissionState>;
};

/** The file behind a remembered handle, asking for permission again when the browser requires it. */
export async function reopenRecent(recent: RecentFile): Promise<File> {
  const handle = recent.handle as PermissionHandle;
  if (handle.queryPermission && (await handle.queryPermission({ mode: 'read' })) !== 'granted') {
    if ((await handle.requestPermission?.({ mode: 'read' })) !== 'granted') throw new Error(`Permission to read ${recent.name} was not given.`);
  }
  return handle.getFile();
}
