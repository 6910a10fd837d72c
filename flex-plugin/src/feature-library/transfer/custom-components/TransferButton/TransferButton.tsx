import * as React from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Button } from '@twilio-paste/core/button';
import { Stack } from '@twilio-paste/core/stack';

import { PasteThemeScope } from '../../../../common/PasteThemeScope/PasteThemeScope';
import { isMessagingTask, TaskLike, taskSidOf } from '../../task-kind';
import { useFeatureStore } from '../../../../utils/feature-store';
import type { TransferStore } from '../../state/transfer-store';
import type { TargetType, TransferRequest, TransferTargets } from '../../types/transfer';
import { TransferDirectory, TransferDirectoryLabels } from '../TransferDirectory/TransferDirectory';

export interface TransferButtonLabels extends TransferDirectoryLabels {
  button: string;
  pending: string;
  /** A warm transfer's target has joined; the agent may leave. */
  joined: string;
  cancel: string;
  leave: string;
}

export interface TransferButtonProps {
  /** Flex passes the task to every TaskCanvasHeader child. */
  task?: TaskLike;
  store: TransferStore;
  labels: TransferButtonLabels;
  loadTargets: (type: TargetType, q: string, taskSid: string) => Promise<TransferTargets>;
}

/** The Transfer button of a messaging task's header; while a transfer is pending, its state and Cancel. */
export const TransferButton = ({ task, store, labels, loadTargets }: TransferButtonProps) => {
  useFeatureStore(store);
  const [open, setOpen] = React.useState(false);
  const taskSid = taskSidOf(task);
  const load = React.useCallback(
    (type: TargetType, q: string) => loadTargets(type, q, taskSid ?? ''),
    [loadTargets, taskSid],
  );
  const transfer = (request: TransferRequest) => store.start(request);
  if (!taskSid || !isMessagingTask(task)) {
    return null;
  }
  const current = store.transferOf(taskSid);
  if (current && (current.status === 'pending' || current.status === 'accepted')) {
    return (
      <PasteThemeScope>
        <Stack orientation="horizontal" spacing="space30">
          <Badge
            as="span"
            variant={current.status === 'pending' ? 'warning' : 'success'}
            data-testid="fmk-transfer-pending"
          >
            {current.status === 'pending' ? labels.pending : labels.joined}
          </Badge>
          {current.status === 'pending' ? (
            <Button
              variant="secondary"
              size="small"
              onClick={() => void store.cancel(taskSid)}
              data-testid="fmk-transfer-cancel"
            >
              {labels.cancel}
            </Button>
          ) : (
            <Button
              variant="primary"
              size="small"
              onClick={() => void store.leave(taskSid)}
              data-testid="fmk-transfer-leave"
            >
              {labels.leave}
            </Button>
          )}
        </Stack>
      </PasteThemeScope>
    );
  }
  if (task?.status !== 'assigned' && task?.status !== 'accepted') {
    return null;
  }
  return (
    <PasteThemeScope>
      <Button variant="secondary" size="small" onClick={() => setOpen(true)} data-testid="fmk-transfer-button">
        {labels.button}
      </Button>
      {open ? (
        <TransferDirectory
          isOpen={open}
          taskSid={taskSid}
          labels={labels}
          loadTargets={load}
          onTransfer={transfer}
          onDismiss={() => setOpen(false)}
        />
      ) : null}
    </PasteThemeScope>
  );
};
