import { useEffect, useState } from 'react';
import { listRecent, RECENT_CHANGED, type RecentFile } from './recentFiles';

/** The recent-files list, kept current as files are opened. */
export function useRecentFiles(): RecentFile[] {
  const [recent, setRecent] = useState<RecentFile[]>([]);
  useEffect(() => {
    let live = true;
    const load = () => listRecent().then((r) => live && setRecent(r), () => live && setRecent([]));
    void load();
    window.addEventListener(RECENT_CHANGED, load);
    return () => {
      live = false;
      window.removeEventListener(RECENT_CHANGED, load);
    };
  }, []);
  return recent;
}
