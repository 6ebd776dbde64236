import { useEffect, useState } from 'react';
import { bytes } from './format';
import { listRecent, reopenRecent, type RecentFile } from './recentFiles';

/** Files opened before with the picker, reopenable from their handles (permission asked again if needed). */
export function RecentFiles({ onFile, onError }: { onFile: (file: File) => void; onError: (message: string) => void }) {
  const [recent, setRecent] = useState<RecentFile[]>([]);
  useEffect(() => {
    listRecent().then(setRecent, () => setRecent([]));
  }, []);
  if (!recent.length) return null;
  return (
    <section className="recent" aria-label="Recent files">
      <h2>Recent files</h2>
      <ul>
        {recent.map((r) => (
          <li key={r.name}>
            <button className="link" onClick={() => reopenRecent(r).then(onFile, (e: Error) => onError(e.message))}>
              {r.name}
            </button>{' '}
            <span className="muted">
              {bytes(r.size)} · {new Date(r.openedAt).toLocaleString()}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
