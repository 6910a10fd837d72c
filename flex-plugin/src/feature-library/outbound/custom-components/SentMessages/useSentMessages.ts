import * as React from 'react';

import type { SentSnapshot, SentStore } from '../../utils/sent-store';

/** The store's rows; while `visible`, loaded at once and then every `intervalMs`. */
export const useSentMessages = (store: SentStore, visible: boolean, intervalMs: number): SentSnapshot => {
  const [snapshot, setSnapshot] = React.useState(store.snapshot());
  React.useEffect(() => store.subscribe(() => setSnapshot(store.snapshot())), [store]);
  React.useEffect(() => {
    if (!visible) {
      return undefined;
    }
    store.refresh();
    return store.poll(intervalMs);
  }, [store, visible, intervalMs]);
  return snapshot;
};
