import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Text } from '@twilio-paste/core/text';

import { PasteThemeScope } from '../../../../common/PasteThemeScope/PasteThemeScope';
import { useFeatureStore } from '../../../../utils/feature-store';
import type { TransferStore } from '../../state/transfer-store';
import { TaskLike, taskSidOf } from '../../task-kind';

export interface TransferProgressLabels {
  pending: string;
  /** A warm transfer's target has joined; the agent may leave. */
  joined: string;
  cancel: string;
  leave: string;
}

/**
 * Above the conversation while a transfer is in progress: Cancel, or Leave once the other agent
 * joined. Kept out of the task canvas header, where Flex's red End chat sits: leaving and ending
 * are different things and must not be one slip of the mouse apart.
 */
export const TransferProgress = ({
  task,
  store,
  labels,
}: {
  task?: TaskLike;
  store: TransferStore;
  labels: TransferProgressLabels;
}) => {
  useFeatureStore(store);
  const taskSid = taskSidOf(task);
  const current = taskSid ? store.transferOf(taskSid) : undefined;
  if (!taskSid || !current || (current.status !== 'pending' && current.status !== 'accepted')) {
    return null;
  }
  const pending = current.status === 'pending';
  return (
    <PasteThemeScope>
      <Box
        data-testid="fmk-transfer-progress"
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        columnGap="space40"
        backgroundColor="colorBackgroundWeak"
        borderRadius="borderRadius20"
        paddingX="space50"
        paddingY="space30"
        marginBottom="space40"
      >
        <Text as="p" fontWeight="fontWeightSemibold">
          {pending ? labels.pending : labels.joined}
        </Text>
        {pending ? (
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
      </Box>
    </PasteThemeScope>
  );
};
