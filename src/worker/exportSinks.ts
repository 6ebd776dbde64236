import type { ExportSink } from '../compute/export';
import type { ExportTarget } from './protocol';

/** A sink that can also be thrown away: a cancelled or failed export leaves no partial file. */
export interface DiscardableSink extends ExportSink {
  discard(): Promise<void>;
}

type RemovableHandle = FileSystemFileHandle & { remove?: () => Promise<void> };
type SyncHandle = { write(b: Uint8Array, o: { at: number }): number; flush(): void; close(): void };
type SyncCapable = FileSystemFileHandle & { createSyncAccessHandle?: () => Promise<SyncHandle> };

/**
 * A file written through File System Access `createWritable()`: the browser writes a swap file and
 * moves it over the file only on close, so `discard` (abort) leaves the file as it was; a file the
 * save picker created for this export (`created`) is then removed where the browser can (Chromium's
 * FileSystemHandle.remove()), else it stays empty.
 */
async function writableSink(handle: FileSystemFileHandle, created: boolean, remove?: () => Promise<void>): Promise<DiscardableSink> {
  const writable = await handle.createWritable({ keepExistingData: false });
  let closed = false;
  return {
    write: (bytes) => writable.write(bytes as Uint8Array<ArrayBuffer>),
    close: async () => {
      closed = true;
      await writable.close();
    },
    discard: async () => {
      if (!closed) await writable.abort().catch(() => {});
      if (remove) await remove().catch(() => {});
      else if (created) await (handle as RemovableHandle).remove?.().catch(() => {});
    },
  };
}

/** A file of the origin private file system written with a sync access handle (browsers whose OPFS files have no createWritable). */
async function syncSink(handle: SyncCapable, remove: () => Promise<void>): Promise<DiscardableSink> {
  const access = await handle.createSyncAccessHandle!();
  let at = 0;
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    access.flush();
    access.close();
  };
  return {
    write: async (bytes) => {
      at += access.write(bytes, { at });
    },
    close: async () => close(),
    discard: async () => {
      try {
        close();
      } finally {
        await remove().catch(() => {});
      }
    },
  };
}

const plainName = (name: string) => /^[^/\\]+$/.test(name) && name !== '..' && name !== '.';

/**
 * The sink for an export's target: the chosen file, an OPFS file (the page downloads it when done),
 * or the page itself (`onChunk` hears each piece of the file in order, and the page keeps them).
 */
export async function targetSink(target: ExportTarget, onChunk?: (bytes: Uint8Array) => unknown): Promise<DiscardableSink> {
  // The save dialog makes an empty file for a new name: that one goes on cancel; a file chosen to be replaced stays as it was.
  if (target.kind === 'handle') return writableSink(target.handle, (await target.handle.getFile()).size === 0);
  if (target.kind === 'opfs') {
    if (!plainName(target.name) || !plainName(target.folder)) throw new Error(`"${target.folder}/${target.name}" is not a file name in a folder.`);
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle(target.folder, { create: true });
    const handle = (await folder.getFileHandle(target.name, { create: true })) as SyncCapable;
    const remove = () => folder.removeEntry(target.name);
    return typeof handle.createWritable === 'function' ? writableSink(handle, true, remove) : syncSink(handle, remove);
  }
  if (!onChunk) throw new Error('An export to the page needs a callback for its bytes.');
  return {
    // A copy: the writer may reuse its buffer once the write resolves, and the copy crosses to the page.
    write: async (bytes) => {
      await onChunk(bytes.slice());
    },
    close: async () => {},
    discard: async () => {},
  };
}
