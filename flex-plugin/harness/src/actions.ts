import type * as FlexUI from '@twilio/flex-ui';

import type { HarnessActions } from './flex-contract.js';

type Listener = (...args: any[]) => void;
type ActionFunction = FlexUI.ActionFunction;

/** Flex's `addListener` returns its internal emitter for chaining; ours is this object. */
type ListenerChain = ReturnType<HarnessActions['addListener']>;

/**
 * Flex's action framework, reduced to its contract: `before<Action>` listeners may change the
 * payload or cancel, then the (possibly replaced) action runs, then `after<Action>` listeners.
 */
export class HarnessActionsImpl implements HarnessActions {
  private readonly actions = new Map<string, ActionFunction>();

  private readonly payloadUpdates = new Map<string, FlexUI.PayloadUpdateFunction>();

  private readonly listeners = new Map<string | symbol, Listener[]>();

  registerAction(name: string, action: ActionFunction, payloadUpdateFunction?: FlexUI.PayloadUpdateFunction): void {
    if (this.actions.has(name)) {
      console.warn(`[harness] Action "${name}" is already registered; replacing it`);
    }
    this.actions.set(name, action);
    if (payloadUpdateFunction) {
      this.payloadUpdates.set(name, payloadUpdateFunction);
    }
  }

  replaceAction(name: string, action: FlexUI.ReplacedActionFunction): void {
    const original = this.actions.get(name);
    if (!original) {
      throw new Error(`Cannot replace unknown action "${name}"`);
    }
    this.actions.set(name, (payload) => action(payload, original));
  }

  addListener(event: string | symbol, listener: Listener): ListenerChain {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this as unknown as ListenerChain;
  }

  removeListener(event: string | symbol, listener: Listener): ListenerChain {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((existing) => existing !== listener),
    );
    return this as unknown as ListenerChain;
  }

  async invokeAction(name: string, payload: FlexUI.ActionPayload = {}): Promise<any> {
    const action = this.actions.get(name);
    if (!action) {
      throw new Error(`Unknown action "${name}"`);
    }
    const update = this.payloadUpdates.get(name);
    const actionPayload = update ? update(payload) : payload;

    let cancelled = false;
    const abort = () => {
      cancelled = true;
    };
    for (const listener of this.listeners.get(`before${name}`) ?? []) {
      await listener(actionPayload, abort);
    }
    if (cancelled) {
      return undefined;
    }
    const result = await action(actionPayload);
    for (const listener of this.listeners.get(`after${name}`) ?? []) {
      await listener(actionPayload, abort);
    }
    return result;
  }
}
