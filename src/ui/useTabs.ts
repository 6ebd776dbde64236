import { useSyncExternalStore } from 'react';
import type { TabStore, TabsState } from './tabStore';

/** The store's current tabs; the component renders again on every change. */
export function useTabs(store: TabStore): TabsState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
