import { useState } from 'react';
import { rememberFile } from './recentFiles';

type HandleItem = DataTransferItem & { getAsFileSystemHandle?(): Promise<FileSystemHandle | null> };

export interface FileDrop {
  /** A drag is over the drop target (for styling). */
  dragging: boolean;
  /** Spread onto the drop target. */
  dropProps: {
    onDragOver(e: React.DragEvent): void;
    onDragLeave(e: React.DragEvent): void;
    onDrop(e: React.DragEvent): void;
  };
}

/** Files dropped anywhere on the target are opened. */
export function useFileDrop(openFiles: (files: Iterable<File>) => void): FileDrop {
  const [dragging, setDragging] = useState(false);
  const dropProps: FileDrop['dropProps'] = {
    onDragOver(e) {
      e.preventDefault();
      setDragging(true);
    },
    onDragLeave(e) {
      // Leaving for a child element is not leaving the target.
      if (e.currentTarget === e.target) setDragging(false);
    },
    onDrop(e) {
      e.preventDefault();
      setDragging(false);
      const files = Array.from(e.dataTransfer.files);
      // Handles (Chromium) must be asked for during the drop event; they let the Recent menu reopen the file.
      const handles = Array.from(e.dataTransfer.items)
        .filter((item) => item.kind === 'file')
        .map((item) => (item as HandleItem).getAsFileSystemHandle?.().catch(() => null) ?? Promise.resolve(null));
      if (files.length) openFiles(files);
      files.forEach((f, i) => void (handles[i] ?? Promise.resolve(null)).then((h) => rememberFile(f, h?.kind === 'file' ? (h as FileSystemFileHandle) : null)));
    },
  };
  return { dragging, dropProps };
}
