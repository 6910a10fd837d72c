import * as React from 'react';

import type { ComponentHook } from '../../../../types/feature';
import { createBackendClient } from '../../../../utils/backend-client';
import { listTargets } from '../../api/transfer-api';
import { TransferButton, TransferButtonLabels } from '../../custom-components/TransferButton/TransferButton';
import type { TaskLike } from '../../task-kind';
import type { TargetType } from '../../types/transfer';
import { useComponentState } from '../../../../utils/component-state';
import { showsOwnButton } from '../../config';
import { DIRECTORY_STATE } from '../actions/TransferTask';
import { transferStoreFor } from '../../state/transfer-store';
import { stringsOf } from '../../../../utils/strings';
import { transferText } from '../strings';

export const TRANSFER_BUTTON_KEY = 'fmk-transfer-button';

/** Adds the Transfer button to the task canvas header, beside Flex's own buttons. */
export const addTransferButtonToTaskCanvasHeader: ComponentHook = (flex, manager) => {
  const strings = stringsOf(manager);
  const labels: TransferButtonLabels = {
    button: transferText(strings, 'FMKTransferButton'),
    pending: transferText(strings, 'FMKTransferPending'),
    joined: transferText(strings, 'FMKTransferJoined'),
    cancel: transferText(strings, 'FMKTransferCancel'),
    leave: transferText(strings, 'FMKTransferLeave'),
    title: transferText(strings, 'FMKTransferDirectoryTitle'),
    agents: transferText(strings, 'FMKTransferAgents'),
    queues: transferText(strings, 'FMKTransferQueues'),
    workflows: transferText(strings, 'FMKTransferWorkflows'),
    search: transferText(strings, 'FMKTransferSearch'),
    mode: transferText(strings, 'FMKTransferMode'),
    cold: transferText(strings, 'FMKTransferCold'),
    warm: transferText(strings, 'FMKTransferWarm'),
    note: transferText(strings, 'FMKTransferNote'),
    submit: transferText(strings, 'FMKTransferSubmit'),
    close: transferText(strings, 'FMKTransferClose'),
    available: transferText(strings, 'FMKTransferAvailable'),
    unavailable: transferText(strings, 'FMKTransferUnavailable'),
    noTargets: transferText(strings, 'FMKTransferNoTargets'),
    loading: transferText(strings, 'FMKTransferLoading'),
    queueAvailable: transferText(strings, 'FMKTransferQueueAvailable'),
  };
  const client = createBackendClient(manager);
  const loadTargets = (type: TargetType, q: string, taskSid: string) => listTargets(client, type, q, taskSid);
  const store = transferStoreFor(flex, manager);
  const options: Parameters<typeof flex.TaskCanvasHeader.Content.add>[1] & { key: string } = {
    sortOrder: 1,
    key: TRANSFER_BUTTON_KEY,
  };
  const showButton = showsOwnButton(manager);
  const closeDirectory = () =>
    flex.Actions.invokeAction('SetComponentState', { name: DIRECTORY_STATE, state: { taskSid: null } }).catch(
      () => undefined,
    );
  /** One directory for Flex's Transfer and ours: both go through `ShowDirectory` (see TransferTask.ts). */
  const TransferEntry = ({ task }: { task?: TaskLike }) => {
    const openFor = useComponentState(manager.store, DIRECTORY_STATE)?.taskSid;
    const directory = {
      openFor: typeof openFor === 'string' ? openFor : undefined,
      open: () => {
        flex.Actions.invokeAction('ShowDirectory', { task }).catch(() => undefined);
      },
      close: () => void closeDirectory(),
    };
    return (
      <TransferButton
        task={task}
        store={store}
        labels={labels}
        loadTargets={loadTargets}
        directory={directory}
        showButton={showButton}
      />
    );
  };
  flex.TaskCanvasHeader.Content.add(<TransferEntry key={TRANSFER_BUTTON_KEY} />, options);
};
