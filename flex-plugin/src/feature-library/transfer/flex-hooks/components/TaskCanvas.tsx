import * as React from 'react';

import type { ComponentHook } from '../../../../types/feature';
import { TransferContext, TransferContextLabels } from '../../custom-components/TransferContext/TransferContext';
import { TransferProgress, TransferProgressLabels } from '../../custom-components/TransferProgress/TransferProgress';
import { transferStoreFor } from '../../state/transfer-store';
import type { TaskLike } from '../../task-kind';
import { describeReason } from '../../types/transfer';
import { stringsOf } from '../../../../utils/strings';
import { transferText } from '../strings';

export const TRANSFER_CONTEXT_KEY = 'fmk-transfer-context';

/** Shows the receiving agent who transferred the conversation and their note (or why it came back). */
export const addTransferContextToTaskCanvas: ComponentHook = (flex, manager) => {
  const strings = stringsOf(manager);
  const labels: TransferContextLabels = {
    received: transferText(strings, 'FMKTransferReceived'),
    returned: transferText(strings, 'FMKTransferReturned'),
    reason: (code) => describeReason(strings, code),
  };
  const Context = ({ task }: { task?: TaskLike }) => <TransferContext task={task} labels={labels} />;
  const options = {
    sortOrder: -1,
    key: TRANSFER_CONTEXT_KEY,
    if: (props: { task?: TaskLike }) => typeof props.task?.attributes?.transferId === 'string',
  };
  flex.TaskCanvas.Content.add(
    <Context key={TRANSFER_CONTEXT_KEY} />,
    options as Parameters<typeof flex.TaskCanvas.Content.add>[1],
  );
};

export const TRANSFER_PROGRESS_KEY = 'fmk-transfer-progress';

/** Cancel or Leave of a transfer in progress, above the conversation (see TransferProgress). */
export const addTransferProgressToTaskCanvas: ComponentHook = (flex, manager) => {
  const strings = stringsOf(manager);
  const labels: TransferProgressLabels = {
    pending: transferText(strings, 'FMKTransferPending'),
    joined: transferText(strings, 'FMKTransferJoined'),
    cancel: transferText(strings, 'FMKTransferCancel'),
    leave: transferText(strings, 'FMKTransferLeave'),
  };
  const store = transferStoreFor(flex, manager);
  const Progress = ({ task }: { task?: TaskLike }) => <TransferProgress task={task} store={store} labels={labels} />;
  flex.TaskCanvas.Content.add(<Progress key={TRANSFER_PROGRESS_KEY} />, {
    sortOrder: -2,
    key: TRANSFER_PROGRESS_KEY,
  } as Parameters<typeof flex.TaskCanvas.Content.add>[1]);
};
