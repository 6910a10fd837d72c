import * as React from 'react';

import type { PluginManager } from '../types/feature';

type StoreLike = NonNullable<PluginManager['store']>;

/**
 * A component's state kept in Flex's Redux store, as Flex's own `SetComponentState` action keeps it
 * (`flex.view.componentViewStates[name]`, merged by the VIEW_SET_COMPONENT_STATE reducer in
 * @twilio/flex-ui's bundle): other plugins and Flex itself can read and set it.
 */
export const componentStateOf = (store: StoreLike | undefined, name: string): Record<string, unknown> | undefined =>
  (
    store?.getState() as
      | { flex?: { view?: { componentViewStates?: Record<string, Record<string, unknown>> } } }
      | undefined
  )?.flex?.view?.componentViewStates?.[name];

/** `componentStateOf`, re-read on every store change. */
export const useComponentState = (store: StoreLike | undefined, name: string): Record<string, unknown> | undefined => {
  const [state, setState] = React.useState(() => componentStateOf(store, name));
  React.useEffect(() => {
    if (!store) {
      return undefined;
    }
    setState(componentStateOf(store, name));
    return store.subscribe(() => setState(componentStateOf(store, name)));
  }, [store, name]);
  return state;
};
