import { useEffect } from 'react';
import { rememberFile } from './recentFiles';

interface LaunchParams {
  files: FileSystemFileHandle[];
}

/** The File Handling API's queue (Chromium only, hence not in the DOM typings). */
interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

/** Opens the files handed over by the installed PWA (manifest file_handlers). */
export function useLaunchQueue(openFiles: (files: Iterable<File>) => void): void {
  useEffect(() => {
    const queue = (window as unknown as { launchQueue?: LaunchQueue }).launchQueue;
    queue?.setConsumer(async ({ files: handles }) => {
      const files = await Promise.all(handles.map((h) => h.getFile()));
      openFiles(files);
      files.forEach((f, i) => void rememberFile(f, handles[i]));
    });
  }, [openFiles]);
}
