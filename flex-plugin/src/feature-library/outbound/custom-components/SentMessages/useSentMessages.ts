import * as React from 'react';

import { useFeatureStore } from '../../../../utils/feature-store';
import type { SentSnapshot, SentStore } from '../../state/sent-store';

/** The store's rows; while `visible`, loaded at once and then every `intervalMs`. */
export const useSentMessages = (store: SentStore, visible: boolean, intervalMs: number): SentSnapshot => {
  const snapshot = useFeatureStore(store);
  React.useEffect(() => {
    if (!visible) {
      return undefined;
    }
    store.refresh();
    return store.poll(intervalMs);
  }, [store, visible, intervalMs]);
  return snapshot;
};
