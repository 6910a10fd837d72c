import * as React from 'react';

import type { ComponentHook } from '../../../../types/feature';
import { createBackendClient } from '../../../../utils/backend-client';
import { listTargets } from '../../api/transfer-api';
import { TransferButton, TransferButtonLabels } from '../../custom-components/TransferButton/TransferButton';
import type { TargetType } from '../../types/transfer';
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
  flex.TaskCanvasHeader.Content.add(
    <TransferButton key={TRANSFER_BUTTON_KEY} store={store} labels={labels} loadTargets={loadTargets} />,
    options,
  );
};
