import type { Reducer } from 'redux';

import type { DesktopStateStore } from './desktop-state.js';
import type { HarnessManager, HarnessReduxState } from './flex-contract.js';
import { vendor } from './globals.js';

const TOKEN_STORAGE_KEY = 'fmk.sandbox.token';

/** Until the sandbox issues real agent tokens (POST /sandbox/api/tokens), the backend sees this. */
export const PLACEHOLDER_TOKEN = 'sandbox-placeholder-token';

/** `?token=` wins (and is remembered for this tab), then the remembered one, then the placeholder. */
export const agentToken = (location: Location, storage: Storage): string => {
  const fromQuery = new URLSearchParams(location.search).get('token');
  if (fromQuery) {
    storage.setItem(TOKEN_STORAGE_KEY, fromQuery);
    return fromQuery;
  }
  return storage.getItem(TOKEN_STORAGE_KEY) ?? PLACEHOLDER_TOKEN;
};

const flexSliceReducer =
  (desktop: DesktopStateStore): Reducer<HarnessReduxState['flex']> =>
  () => {
    const { agent, selectedTaskSid, activeView, componentViewStates } = desktop.getState();
    return {
      worker: { sid: agent.workerSid, activityName: agent.activity.name, available: agent.activity.available },
      view: { selectedTaskSid, activeView, componentViewStates },
    };
  };

/** Redux store shaped like Flex's: a `flex` slice plus whatever plugins add with addReducer. */
const createStore = (desktop: DesktopStateStore): HarnessManager['store'] => {
  const { Redux } = vendor();
  const reducers: Record<string, Reducer> = { flex: flexSliceReducer(desktop) };
  const store = Redux.createStore(Redux.combineReducers(reducers)) as unknown as Omit<
    HarnessManager['store'],
    'addReducer'
  >;
  // Keep the flex slice in step with the desktop (activity, selection).
  desktop.subscribe(() => store.dispatch({ type: 'harness/desktopChanged' }));
  return {
    getState: store.getState,
    dispatch: store.dispatch,
    subscribe: store.subscribe,
    replaceReducer: store.replaceReducer,
    addReducer: (name, reducer) => {
      reducers[name] = reducer;
      store.replaceReducer(Redux.combineReducers(reducers) as never);
    },
  };
};

type WorkerListener = (...args: any[]) => void;

/** The worker client's events, as a tiny emitter; the worker client calls `emit`. */
export class WorkerEvents {
  private readonly listeners = new Map<string | symbol, WorkerListener[]>();

  on(event: string | symbol, listener: WorkerListener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  removeListener(event: string | symbol, listener: WorkerListener): void {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
  }

  emit(event: string, ...args: unknown[]): void {
    (this.listeners.get(event) ?? []).forEach((listener) => listener(...args));
  }
}

export interface ManagerOptions {
  desktop: DesktopStateStore;
  token: string;
  localeTag: string;
  backendUrl: string;
  accountSid: string;
  senders?: { sms: string[]; whatsapp: string[] };
  events?: WorkerEvents;
}

export const createManager = ({
  desktop,
  token,
  localeTag,
  backendUrl,
  accountSid,
  senders,
  events = new WorkerEvents(),
}: ManagerOptions): HarnessManager => {
  const { agent } = desktop.getState();
  type WorkerClient = HarnessManager['workerClient'];
  const manager: HarnessManager = {
    serviceConfiguration: {
      account_sid: accountSid,
      ui_language: 'en-US',
      ui_version: '2.17.1',
      ui_attributes: { flexMessagingKit: { backendUrl, ...(senders ? { outbound: { senders } } : {}) } },
    },
    user: {
      identity: agent.identity,
      token,
      roles: ['agent'],
      tokenExpirationDate: new Date(Date.now() + 60 * 60 * 1000),
    },
    store: createStore(desktop),
    strings: {},
    localization: { localeTag },
    workerClient: {
      sid: agent.workerSid,
      name: agent.identity,
      attributes: { full_name: agent.fullName, contact_uri: `client:${agent.identity}` },
      activity: agent.activity,
      on: ((event: string | symbol, listener: WorkerListener) => {
        events.on(event, listener);
        return manager.workerClient;
      }) as WorkerClient['on'],
      removeListener: ((event: string | symbol, listener: WorkerListener) => {
        events.removeListener(event, listener);
        return manager.workerClient;
      }) as WorkerClient['removeListener'],
    },
  };
  // The worker's activity follows the desktop, as Flex's worker client follows TaskRouter.
  desktop.subscribe(({ agent: current }) => {
    const changed = manager.workerClient.activity.name !== current.activity.name;
    manager.workerClient.activity = current.activity;
    if (changed) {
      events.emit('activityUpdated', manager.workerClient);
    }
  });
  return manager;
};
