import * as React from 'react';

import type { FlexGlobal, PluginManager } from '../types/feature';

/**
 * The one shape of a feature's polled state (`<feature>/state/<noun>-store.ts`): what the backend
 * last said, shared by every component and hook of the feature on the page. Components read
 * `snapshot()` (or the store's own queries) and re-render on `subscribe`; nothing else mutates it.
 */
export interface FeatureStore<Snapshot> {
  /** The current state; replaced (never mutated) on every change. */
  snapshot(): Snapshot;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Asks the backend again now; never rejects (a failed poll keeps the last state). */
  refresh(): Promise<void>;
  /** Stops every timer the store runs. */
  stop(): void;
}

/** The listeners of one store. */
export class StoreListeners {
  private readonly listeners = new Set<() => void>();

  get size(): number {
    return this.listeners.size;
  }

  add(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  notify(): void {
    this.listeners.forEach((listener) => listener());
  }
}

/**
 * One store per Flex manager (so per agent session): `<noun>StoreFor(flex, manager)` is how a
 * feature's hooks and components reach it.
 */
export const onePerManager = <Store>(
  create: (flex: FlexGlobal, manager: PluginManager) => Store,
): ((flex: FlexGlobal, manager: PluginManager) => Store) => {
  const made = new WeakMap<object, Store>();
  return (flex, manager) => {
    let store = made.get(manager);
    if (store === undefined) {
      store = create(flex, manager);
      made.set(manager, store);
    }
    return store;
  };
};

/** Re-renders the component on every change of `store`; returns its snapshot. */
export const useFeatureStore = <Snapshot>(store: FeatureStore<Snapshot>): Snapshot => {
  const [, setVersion] = React.useState(0);
  React.useEffect(() => store.subscribe(() => setVersion((v) => v + 1)), [store]);
  return store.snapshot();
};
