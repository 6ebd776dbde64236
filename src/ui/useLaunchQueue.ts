import { useEffect } from 'react';

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
    queue?.setConsumer(async ({ files }) => openFiles(await Promise.all(files.map((h) => h.getFile()))));
  }, [openFiles]);
}
