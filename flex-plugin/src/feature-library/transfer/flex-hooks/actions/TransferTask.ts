import type { ComponentHook } from '../../../../types/feature';
import { isMessagingTask, TaskLike, taskSidOf } from '../../task-kind';
import { targetTypeOf, TransferMode } from '../../types/transfer';
import { transferStoreFor } from '../../state/transfer-store';
import { stringsOf } from '../../../../utils/strings';
import { TransferNotification } from '../notifications';
import { transferText } from '../strings';

interface TransferTaskPayload {
  task?: TaskLike;
  sid?: string;
  targetSid?: string;
  options?: { mode?: string; note?: string };
}

/**
 * Flex's TransferTask, for messaging tasks only: the backend transfers through an Interactions
 * invite. Voice (and anything not a Conversations task) goes on to Flex's own action untouched.
 */
export const hookTransferTask: ComponentHook = (flex, manager) => {
  flex.Actions.addListener('beforeTransferTask', async (payload: TransferTaskPayload, abort: () => void) => {
    if (!isMessagingTask(payload.task)) {
      return;
    }
    abort();
    const taskSid = taskSidOf(payload.task);
    const targetType = payload.targetSid ? targetTypeOf(payload.targetSid) : undefined;
    const store = transferStoreFor(flex, manager);
    if (!taskSid || !targetType || !payload.targetSid) {
      flex.Notifications.showNotification(TransferNotification.Failed, {
        reason: transferText(stringsOf(manager), 'FMKTransferUnknownTarget', { target: payload.targetSid ?? '' }),
      });
      return;
    }
    const mode: TransferMode = (payload.options?.mode ?? 'COLD').toLowerCase() === 'warm' ? 'warm' : 'cold';
    await store.start({ taskSid, targetType, targetSid: payload.targetSid, mode, note: payload.options?.note });
  });
};

/** The directory's open state in Flex's store (`SetComponentState`): the task it is open for. */
export const DIRECTORY_STATE = 'fmk-transfer-directory';

/**
 * Flex's own Transfer invokes `ShowDirectory {task}` (TaskCanvasHeader's directory button in Flex
 * 2.17), which opens Flex's worker directory; for a messaging task that directory would transfer
 * through `TransferTask` with no note and no workflow tab. For messaging tasks it opens ours
 * instead, so there is one directory whichever button the agent used; anything else goes on to Flex.
 */
export const replaceShowDirectory: ComponentHook = (flex) => {
  flex.Actions.replaceAction('ShowDirectory', async (payload: { task?: TaskLike }, original) => {
    const taskSid = taskSidOf(payload?.task);
    if (!taskSid || !isMessagingTask(payload.task)) {
      return original(payload);
    }
    return flex.Actions.invokeAction('SetComponentState', { name: DIRECTORY_STATE, state: { taskSid } });
  });
};

/** No wrap-up (or completion) while a transfer of the task is pending: the customer would be left alone. */
export const blockWrapupWhilePending: ComponentHook = (flex, manager) => {
  const guard = (payload: { task?: TaskLike; sid?: string }, abort: () => void) => {
    const taskSid = taskSidOf(payload.task) ?? (payload.sid?.startsWith('WT') ? payload.sid : undefined);
    if (taskSid && transferStoreFor(flex, manager).isPending(taskSid)) {
      abort();
      flex.Notifications.showNotification(TransferNotification.WrapupBlocked, {});
    }
  };
  flex.Actions.addListener('beforeWrapupTask', guard);
  flex.Actions.addListener('beforeCompleteTask', guard);
};
