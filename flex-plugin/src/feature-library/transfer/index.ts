import type { FeatureRegistration } from '../../types/feature';
import { FEATURE_NAME, isFeatureEnabled } from './config';
import { blockWrapupWhilePending, hookTransferTask, replaceShowDirectory } from './flex-hooks/actions/TransferTask';
import { addTransferContextToTaskCanvas, addTransferProgressToTaskCanvas } from './flex-hooks/components/TaskCanvas';
import { addTransferButtonToTaskCanvasHeader } from './flex-hooks/components/TaskCanvasHeader';
import { registerTransferNotifications } from './flex-hooks/notifications';
import { transferStrings } from './flex-hooks/strings';

/** The backend's `transfer` capability: chat, SMS and WhatsApp transfers to an agent, queue or workflow. */
export const register: FeatureRegistration = (manager) => ({
  name: FEATURE_NAME,
  enabled: isFeatureEnabled(manager),
  hooks: {
    strings: transferStrings,
    notifications: [registerTransferNotifications],
    actions: [hookTransferTask, replaceShowDirectory, blockWrapupWhilePending],
    components: [addTransferButtonToTaskCanvasHeader, addTransferProgressToTaskCanvas, addTransferContextToTaskCanvas],
  },
});
