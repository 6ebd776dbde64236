import { useRef, useState } from 'react';
import type { SourceSpec } from '../worker/protocol';
import { rememberFile } from './recentFiles';
import { RecentMenu } from './RecentMenu';

const ACCEPT = '.arrow,.arrows,.feather,.ipc,.parquet,.stream,.arrow_file';

interface Props {
  onFiles: (files: File[]) => void;
  onOpen: (spec: SourceSpec) => void;
  busy: boolean;
}

type Picker = (options: object) => Promise<FileSystemFileHandle[]>;

/** Open a file (picker where the browser has one, else <input type=file>), a URL, or the sample. */
export function OpenBar({ onFiles, onOpen, busy }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState('');

  const openFile = async () => {
    const picker = (window as unknown as { showOpenFilePicker?: Picker }).showOpenFilePicker;
    if (!picker) {
      input.current?.click();
      return;
    }
    try {
      const handles = await picker({ multiple: true });
      const files = await Promise.all(handles.map((h) => h.getFile()));
      onFiles(files);
      // Remembered for the Recent menu, with the handle that reopens them.
      handles.forEach((h, i) => void rememberFile(files[i], h));
    } catch (e) {
      if ((e as DOMException).name !== 'AbortError') input.current?.click();
    }
  };

  const openSample = async () => {
    const response = await fetch('./sample.arrow');
    const blob = await response.blob();
    onOpen({ kind: 'blob', blob, name: 'sample.arrow' });
  };

  return (
    <div className="openbar">
      <button onClick={openFile} disabled={busy}>
        Open file…
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        data-testid="file-input"
        onChange={(e) => {
          if (e.target.files) {
            const files = Array.from(e.target.files);
            onFiles(files);
            // No handle from <input type=file>: remembered as a hint to choose the file again.
            files.forEach((f) => void rememberFile(f));
          }
          e.target.value = '';
        }}
      />
      <RecentMenu onFile={(f) => onFiles([f])} onChooseAgain={() => void openFile()} />
      <button onClick={openSample} disabled={busy}>
        Open sample
      </button>
      <form
        className="urlform"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) onOpen({ kind: 'url', url: url.trim() });
        }}
      >
        <input type="url" placeholder="https://… file URL (HTTP Range)" value={url} onChange={(e) => setUrl(e.target.value)} aria-label="File URL" />
        <button type="submit" disabled={busy || !url.trim()}>
          Open URL
        </button>
      </form>
    </div>
  );
}
