import type * as FlexUI from '@twilio/flex-ui';

import type { HarnessActions } from './flex-contract.js';
import { flexError, isFlexError } from './flex-error.js';

type Listener = (...args: any[]) => unknown;
type ActionFunction = FlexUI.ActionFunction;

/** Flex's `addListener` returns its internal emitter for chaining; ours is this object. */
type ListenerChain = ReturnType<HarnessActions['addListener']>;

/**
 * Flex's action framework, as Flex 2.17.1 runs it (`ActionsImpl.invokeAction` in
 * @twilio/flex-ui/bundle/twilio-flex.prod.js; harness/src/__tests__/flex-actions-contract.test.ts
 * runs the same cases against that code):
 * - an unknown action rejects with a FlexError "Action does not exist";
 * - `before<Action>` listeners run together; one that throws or rejects is logged and the action
 *   still runs;
 * - `abort()` makes the invocation reject with `Error("Action <name> cancelled by before event")`;
 * - an error thrown by the action body (or a replacement) rejects as a FlexError whose message is
 *   the original's and whose `content.wrappedError` is the original error (a FlexError is rethrown
 *   as it is);
 * - `after<Action>` listeners run after the body; their errors are logged, the result stands.
 */
export class HarnessActionsImpl implements HarnessActions {
  private readonly actions = new Map<string, ActionFunction>();

  private readonly payloadUpdates = new Map<string, FlexUI.PayloadUpdateFunction>();

  private readonly listeners = new Map<string | symbol, Listener[]>();

  registerAction(name: string, action: ActionFunction, payloadUpdateFunction?: FlexUI.PayloadUpdateFunction): void {
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
      throw flexError('Action does not exist', { description: `Action ${name} does not exist!`, context: 'Actions' });
    }
    const update = this.payloadUpdates.get(name);
    const actionPayload = update ? update(payload) : payload;

    let cancelled = false;
    const abort = () => {
      cancelled = true;
    };
    try {
      await this.emit(`before${name}`, actionPayload, abort);
    } catch (error) {
      console.error(
        flexError('Error on before event', { description: `Error on "before${name}":`, wrappedError: error }),
      );
    }
    if (cancelled) {
      throw new Error(`Action ${name} cancelled by before event`);
    }
    let result: unknown;
    try {
      result = await action(actionPayload);
    } catch (error) {
      if (isFlexError(error)) {
        throw error;
      }
      const message = typeof error === 'string' ? error : (error as Error)?.message;
      throw flexError(message, {
        description: `Error in action ${name} body: ${message}`,
        context: 'Actions',
        wrappedError: error,
      });
    }
    try {
      await this.emit(`after${name}`, actionPayload, abort);
    } catch (error) {
      console.error(`[harness] Error on after${name}:`, error);
    }
    return result;
  }

  /** Like Flex's `customEmit`: listeners run together; a rejected promise is logged, not thrown. */
  private emit(event: string, ...args: unknown[]): Promise<unknown[]> {
    return Promise.all(
      (this.listeners.get(event) ?? []).map((listener) => {
        const returned = listener(...args) as Promise<unknown> | undefined;
        return returned && typeof returned.catch === 'function'
          ? returned.catch((error: unknown) => console.error(`[harness] Error on ${event}:`, error))
          : returned;
      }),
    );
  }
}
