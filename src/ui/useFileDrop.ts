import { useState } from 'react';

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
      if (e.dataTransfer.files.length) openFiles(Array.from(e.dataTransfer.files));
    },
  };
  return { dragging, dropProps };
}
