import { useRef, useState } from 'react';
import type { SourceSpec } from '../worker/protocol';
import { rememberFile } from './recentFiles';
import { RecentMenu } from './RecentMenu';

const ACCEPT = '.arrow,.arrows,.feather,.ipc,.parquet,.stream,.arrow_file';

interface Props {
  onFiles: (files: File[]) => void;
  onOpen: (spec: SourceSpec) => void;
}

/** Seconds a URL's server may go without answering (or without sending body bytes) before its request is given up. */
const DEFAULT_TIMEOUT_S = 30;

type Picker = (options: object) => Promise<FileSystemFileHandle[]>;

/**
 * Open a file (picker where the browser has one, else <input type=file>), a URL, or the sample. Never
 * disabled while a file opens: another can be opened meanwhile, and each open has its own Cancel.
 */
export function OpenBar({ onFiles, onOpen }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState('');
  const [timeoutText, setTimeoutText] = useState(String(DEFAULT_TIMEOUT_S));
  const timeoutS = Number(timeoutText) > 0 ? Number(timeoutText) : DEFAULT_TIMEOUT_S;

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
      <button onClick={openFile}>
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
      <button onClick={openSample}>
        Open sample
      </button>
      <form
        className="urlform"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) onOpen({ kind: 'url', url: url.trim(), timeoutMs: timeoutS * 1000 });
        }}
      >
        <input type="url" placeholder="https://… file URL (HTTP Range)" value={url} onChange={(e) => setUrl(e.target.value)} aria-label="File URL" />
        <label title="Give a request up when the server sends nothing for this long">
          Timeout{' '}
          <input
            type="number"
            min={1}
            max={3600}
            value={timeoutText}
            onChange={(e) => setTimeoutText(e.target.value)}
            aria-label="Timeout in seconds"
            style={{ width: '4.5em', flex: 'none' }}
          />{' '}
          s
        </label>
        <button type="submit" disabled={!url.trim()}>
          Open URL
        </button>
      </form>
    </div>
  );
}
