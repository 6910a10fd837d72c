import * as React from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Button } from '@twilio-paste/core/button';

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
  /**
   * Where the directory's open state lives: in Flex, `flex.view.componentViewStates`, opened through
   * the `ShowDirectory` action (so Flex's own Transfer and ours open the same dialog). Without it the
   * button keeps the state itself.
   */
  directory?: { openFor: string | undefined; open: () => void; close: () => void };
  /** False hides our button (Flex's own Transfer is the entry point); the directory still opens. */
  showButton?: boolean;
}

/**
 * The Transfer button of a messaging task's header; while a transfer is in progress, its state only
 * (Cancel and Leave are in TransferProgress, away from Flex's End chat).
 */
export const TransferButton = ({
  task,
  store,
  labels,
  loadTargets,
  directory,
  showButton = true,
}: TransferButtonProps) => {
  useFeatureStore(store);
  const [openHere, setOpenHere] = React.useState(false);
  const taskSid = taskSidOf(task);
  const open = directory ? taskSid !== undefined && directory.openFor === taskSid : openHere;
  const show = () => (directory ? directory.open() : setOpenHere(true));
  const hide = () => (directory ? directory.close() : setOpenHere(false));
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
        <Badge
          as="span"
          variant={current.status === 'pending' ? 'warning' : 'success'}
          data-testid="fmk-transfer-pending"
        >
          {current.status === 'pending' ? labels.pending : labels.joined}
        </Badge>
      </PasteThemeScope>
    );
  }
  if (task?.status !== 'assigned' && task?.status !== 'accepted') {
    return null;
  }
  return (
    <PasteThemeScope>
      {showButton ? (
        <Button variant="secondary" size="small" onClick={show} data-testid="fmk-transfer-button">
          {labels.button}
        </Button>
      ) : null}
      {open ? (
        <TransferDirectory
          isOpen={open}
          taskSid={taskSid}
          labels={labels}
          loadTargets={load}
          onTransfer={transfer}
          onDismiss={hide}
        />
      ) : null}
    </PasteThemeScope>
  );
};
