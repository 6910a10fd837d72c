import { fakeFlex, fakeManager, jsonResponse } from '../../../test-support/flex-doubles';
import { createBackendClient } from '../../../utils/backend-client';
import { blockWrapupWhilePending, hookTransferTask } from '../flex-hooks/actions/TransferTask';
import { addTransferContextToTaskCanvas } from '../flex-hooks/components/TaskCanvas';
import { transferStoreFor } from '../state/transfer-store';
import { TransferNotification } from '../flex-hooks/notifications';
import { TransferStore } from '../state/transfer-store';

const fetchMock = jest.fn();

const smsTask = {
  taskSid: 'WT00000000000000000000000000000001',
  sid: 'WR00000000000000000000000000000001',
  taskChannelUniqueName: 'sms',
  status: 'accepted',
  attributes: { flexInteractionChannelSid: 'UO1', conversationSid: 'CH1' },
};
const voiceTask = { taskSid: 'WT00000000000000000000000000000002', taskChannelUniqueName: 'voice', attributes: {} };

const pending = (extra: Record<string, unknown> = {}) => ({
  transferId: 'TR1',
  taskSid: smsTask.taskSid,
  status: 'pending',
  targetType: 'worker',
  targetSid: 'WK2',
  mode: 'cold',
  ...extra,
});

const listenerFor = (flex: ReturnType<typeof fakeFlex>['flex'], event: string) =>
  flex.Actions.addListener.mock.calls.find(([name]) => name === event)?.[1] as (
    payload: unknown,
    abort: () => void,
  ) => Promise<void> | void;

beforeEach(() => {
  fetchMock.mockReset();
  (global as unknown as { fetch: unknown }).fetch = fetchMock;
});

describe('Flex TransferTask', () => {
  it('transfers a messaging task through the backend instead of Flex, warm when asked', async () => {
    const { flex, asFlexGlobal } = fakeFlex();
    const manager = fakeManager({
      token: 'alice-jwt',
      uiAttributes: { flexMessagingKit: { backendUrl: 'http://kit.test' } },
    });
    hookTransferTask(asFlexGlobal, manager);
    fetchMock.mockResolvedValueOnce(jsonResponse(201, pending({ mode: 'warm' })));
    const abort = jest.fn();

    await listenerFor(flex, 'beforeTransferTask')(
      { task: smsTask, targetSid: 'WQ0000000000000000000000000000001', options: { mode: 'WARM' } },
      abort,
    );

    expect(abort).toHaveBeenCalled();
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('http://kit.test/api/transfers');
    expect(init.headers.Authorization).toBe('Bearer alice-jwt');
    expect(JSON.parse(init.body)).toEqual({
      taskSid: smsTask.taskSid,
      targetType: 'queue',
      targetSid: 'WQ0000000000000000000000000000001',
      mode: 'warm',
    });
    transferStoreFor(asFlexGlobal, manager).stop();
  });

  it('leaves voice transfers to Flex untouched', async () => {
    const { flex, asFlexGlobal } = fakeFlex();
    hookTransferTask(asFlexGlobal, fakeManager());
    const abort = jest.fn();

    await listenerFor(flex, 'beforeTransferTask')(
      { task: voiceTask, targetSid: 'WK1', options: { mode: 'COLD' } },
      abort,
    );

    expect(abort).not.toHaveBeenCalled();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('refuses to wrap up while a transfer of the task is pending, and says why', async () => {
    const { flex, asFlexGlobal } = fakeFlex();
    const manager = fakeManager();
    blockWrapupWhilePending(asFlexGlobal, manager);
    fetchMock.mockResolvedValueOnce(jsonResponse(201, pending()));
    await transferStoreFor(asFlexGlobal, manager).start({
      taskSid: smsTask.taskSid,
      targetType: 'worker',
      targetSid: 'WK2',
      mode: 'cold',
    });
    const abort = jest.fn();

    listenerFor(flex, 'beforeWrapupTask')({ task: smsTask }, abort);

    expect(abort).toHaveBeenCalled();
    expect(flex.Notifications.showNotification).toHaveBeenCalledWith(TransferNotification.WrapupBlocked, {});
    transferStoreFor(asFlexGlobal, manager).stop();
  });
});

describe('pending transfers', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('polls a pending transfer and tells the agent why it was rolled back', async () => {
    const notify = jest.fn();
    const store = new TransferStore(createBackendClient(fakeManager()), notify, 1_000);
    fetchMock
      .mockResolvedValueOnce(jsonResponse(201, pending()))
      .mockResolvedValueOnce(jsonResponse(200, pending({ status: 'rolled_back', reason: 'target_rejected' })));

    await store.start({ taskSid: smsTask.taskSid, targetType: 'worker', targetSid: 'WK2', mode: 'cold' });
    expect(store.isPending(smsTask.taskSid)).toBe(true);
    expect(jest.getTimerCount()).toBe(1);
    await store.refreshTask(smsTask.taskSid);

    expect(store.isPending(smsTask.taskSid)).toBe(false);
    expect(jest.getTimerCount()).toBe(0);
    expect(notify).toHaveBeenCalledWith(TransferNotification.RolledBack, {
      reason: 'the target declined',
      target: 'WK2',
    });
    store.stop();
  });

  it('turns a refusal from the backend into a notification with its reason', async () => {
    const notify = jest.fn();
    const store = new TransferStore(createBackendClient(fakeManager()), notify, 1_000);
    fetchMock.mockResolvedValueOnce(
      jsonResponse(409, {
        error: { code: 'target_unavailable', message: 'Carol Supervisor is Offline and cannot take transfers' },
      }),
    );

    const result = await store.start({
      taskSid: smsTask.taskSid,
      targetType: 'worker',
      targetSid: 'WK3',
      mode: 'cold',
    });

    expect(result).toBeUndefined();
    expect(notify).toHaveBeenCalledWith(TransferNotification.Failed, {
      reason: 'Carol Supervisor is Offline and cannot take transfers',
    });
  });
});

describe('transfer context in the task canvas', () => {
  it('is added to the canvas of transferred tasks only', () => {
    const { flex, asFlexGlobal } = fakeFlex();
    addTransferContextToTaskCanvas(asFlexGlobal, fakeManager());

    const [[element, options]] = flex.TaskCanvas.Content.add.mock.calls as unknown as Array<
      [{ key: string }, { key: string; if: (props: { task?: unknown }) => boolean }]
    >;
    expect(element.key).toBe('fmk-transfer-context');
    expect(options.key).toBe('fmk-transfer-context');
    expect(options.if({ task: { ...smsTask, attributes: { ...smsTask.attributes, transferId: 'TR1' } } })).toBe(true);
    expect(options.if({ task: smsTask })).toBe(false);
  });
});
