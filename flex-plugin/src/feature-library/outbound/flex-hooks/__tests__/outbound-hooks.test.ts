import { fakeManager, jsonResponse } from '../../../../test-support/flex-doubles';
import type { FlexGlobal, PluginManager } from '../../../../types/feature';
import { PANEL_STATE, registerOutboundActions, SEND_ACTION, TOGGLE_ACTION } from '../actions';
import { autoAcceptOutboundTasks } from '../events/auto-accept';

const fakeFlexActions = () => {
  const registered = new Map<string, (payload: any) => Promise<unknown>>();
  const invoked: Array<[string, unknown]> = [];
  const flex = {
    Actions: {
      registerAction: (name: string, fn: (payload: any) => Promise<unknown>) => registered.set(name, fn),
      invokeAction: jest.fn(async (name: string, payload: unknown) => {
        invoked.push([name, payload]);
      }),
    },
    Notifications: { showNotification: jest.fn() },
    NotificationType: { success: 'success', error: 'error' },
  };
  return { flex, asFlex: flex as unknown as FlexGlobal, registered, invoked };
};

const manager = () => fakeManager({ uiAttributes: { flexMessagingKit: { backendUrl: 'http://kit.test' } } });

describe('outbound actions', () => {
  afterEach(() => jest.restoreAllMocks());

  it("keeps the panel's open state in Flex's store through SetComponentState, flipping it or setting it", async () => {
    const { asFlex, registered, invoked } = fakeFlexActions();
    registerOutboundActions(asFlex, manager());
    await registered.get(TOGGLE_ACTION)!({});
    await registered.get(TOGGLE_ACTION)!({ open: false });
    expect(invoked).toEqual([
      ['SetComponentState', { name: PANEL_STATE, state: { isOpen: true } }],
      ['SetComponentState', { name: PANEL_STATE, state: { isOpen: false } }],
    ]);
  });

  it('posts the seed payload as our request, with its idempotency key, and confirms', async () => {
    const fetchMock = jest.fn(async () =>
      jsonResponse(201, { conversationSid: 'CH1', messageSid: 'IM1', reused: false }),
    );
    window.fetch = fetchMock as unknown as typeof fetch;
    const { flex, asFlex, registered } = fakeFlexActions();
    registerOutboundActions(asFlex, manager());
    await registered.get(SEND_ACTION)!({
      destination: '+14155550100',
      callerId: '+15005550006',
      routeToMe: true,
      openChat: false,
      body: 'Hi',
      idempotencyKey: 'k1',
    });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://kit.test/api/outbound/messages');
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toBe('k1');
    expect(JSON.parse(init.body as string)).toMatchObject({
      to: '+14155550100',
      channel: 'sms',
      from: '+15005550006',
      body: 'Hi',
      mode: 'wait-for-reply',
      routeTo: 'me',
    });
    expect(flex.Notifications.showNotification).toHaveBeenCalledWith('FMKOutboundSent', {
      destination: '+14155550100',
    });
  });

  it('shows field errors as a notification, but leaves a conflict to the caller', async () => {
    const { flex, asFlex, registered } = fakeFlexActions();
    registerOutboundActions(asFlex, manager());
    window.fetch = jest.fn(async () =>
      jsonResponse(400, {
        error: {
          code: 'invalid_request',
          message: '2 fields',
          errors: [
            { field: 'to', message: 'bad to' },
            { field: 'from', message: 'bad from' },
          ],
        },
      }),
    ) as unknown as typeof fetch;
    const payload = { destination: '+1', routeToMe: true, openChat: true, body: 'x' };
    await expect(registered.get(SEND_ACTION)!(payload)).rejects.toMatchObject({ status: 400 });
    expect(flex.Notifications.showNotification).toHaveBeenCalledWith('FMKOutboundFailed', {
      message: 'bad to; bad from',
    });

    flex.Notifications.showNotification.mockClear();
    window.fetch = jest.fn(async () =>
      jsonResponse(409, { error: { code: 'conversation_exists', message: 'exists', conversationSid: 'CH9' } }),
    ) as unknown as typeof fetch;
    await expect(registered.get(SEND_ACTION)!(payload)).rejects.toMatchObject({ status: 409 });
    expect(flex.Notifications.showNotification).not.toHaveBeenCalled();
  });
});

describe('outbound actions on a busy conversation', () => {
  it('shows the busy notification naming the owner, not the generic failure nor a conflict', async () => {
    const { flex, asFlex, registered } = fakeFlexActions();
    registerOutboundActions(asFlex, manager());
    window.fetch = jest.fn(async () =>
      jsonResponse(409, {
        error: {
          code: 'conversation_busy',
          message: 'busy',
          conversationSid: 'CH9',
          ownerIdentity: 'bob@example.com',
          taskStatus: 'assigned',
        },
      }),
    ) as unknown as typeof fetch;
    const payload = {
      destination: '+14155550100',
      routeToMe: true,
      openChat: true,
      body: 'x',
      onExisting: 'close' as const,
    };
    await expect(registered.get(SEND_ACTION)!(payload)).rejects.toMatchObject({
      status: 409,
      code: 'conversation_busy',
    });
    expect(flex.Notifications.showNotification).toHaveBeenCalledTimes(1);
    expect(flex.Notifications.showNotification).toHaveBeenCalledWith('FMKOutboundBusy', {
      owner: 'bob@example.com',
      status: 'assigned',
    });
  });

  it('falls back to the generic failure for any other 409', async () => {
    const { flex, asFlex, registered } = fakeFlexActions();
    registerOutboundActions(asFlex, manager());
    window.fetch = jest.fn(async () =>
      jsonResponse(409, { error: { code: 'request_in_progress', message: 'still being processed' } }),
    ) as unknown as typeof fetch;
    await expect(
      registered.get(SEND_ACTION)!({ destination: '+1', routeToMe: true, openChat: true, body: 'x' }),
    ).rejects.toBeTruthy();
    expect(flex.Notifications.showNotification).toHaveBeenCalledWith('FMKOutboundFailed', {
      message: 'still being processed',
    });
  });
});

describe('auto-accept', () => {
  it('accepts and selects reservations whose task asks for autoAnswer, and nothing else', async () => {
    const handlers: Array<(reservation: unknown) => void> = [];
    const { asFlex, invoked } = fakeFlexActions();
    const withWorker = { ...manager(), workerClient: { on: (_: string, h: (r: unknown) => void) => handlers.push(h) } };
    autoAcceptOutboundTasks(asFlex, withWorker as unknown as PluginManager);
    handlers[0]({ sid: 'WR1', task: { attributes: { autoAnswer: true } } });
    handlers[0]({ sid: 'WR2', task: { attributes: {} } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(invoked).toEqual([
      ['AcceptTask', { sid: 'WR1' }],
      ['SelectTask', { sid: 'WR1' }],
    ]);
  });
});
