import { bytes } from './format';
import { reopenRecent } from './recentFiles';
import { useRecentFiles } from './useRecentFiles';

/** Local files opened before: those with a handle reopen in one click (permission asked again if needed). */
export function RecentFiles({ onFile, onError }: { onFile: (file: File) => void; onError: (message: string) => void }) {
  const recent = useRecentFiles();
  if (!recent.length) return null;
  return (
    <section className="recent" aria-label="Recent files">
      <h2>Recent files</h2>
      <ul>
        {recent.map((r) => (
          <li key={r.key}>
            {r.handle ? (
              <button className="link" onClick={() => reopenRecent(r).then(onFile, (e: Error) => onError(e.message))}>
                {r.name}
              </button>
            ) : (
              <span className="recent-hint" title="Opened without a file handle: choose it again with Open file… or drop it here">
                {r.name}
              </span>
            )}{' '}
            <span className="muted">
              {bytes(r.size)} · {new Date(r.openedAt).toLocaleString()}
              {r.handle ? '' : ' · choose again to reopen'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
