import * as React from 'react';

import type { ComponentHook } from '../../../../types/feature';
import { createBackendClient } from '../../../../utils/backend-client';
import { listTargets } from '../../api/transfer-api';
import { TransferButton, TransferButtonLabels } from '../../custom-components/TransferButton/TransferButton';
import type { TargetType } from '../../types/transfer';
import { transferStoreFor } from '../../state/transfer-store';
import { TransferStringTemplates as S } from '../strings';
import enUS from '../../strings/en-us.json';

export const TRANSFER_BUTTON_KEY = 'fmk-transfer-button';

/** Adds the Transfer button to the task canvas header, beside Flex's own buttons. */
export const addTransferButtonToTaskCanvasHeader: ComponentHook = (flex, manager) => {
  const strings = manager.strings as unknown as Record<string, string | undefined>;
  const s = (key: S) => strings[key] ?? (enUS as Record<string, string>)[key];
  const labels: TransferButtonLabels = {
    button: s(S.Button),
    pending: s(S.Pending),
    joined: s(S.Joined),
    cancel: s(S.Cancel),
    leave: s(S.Leave),
    title: s(S.DirectoryTitle),
    agents: s(S.Agents),
    queues: s(S.Queues),
    workflows: s(S.Workflows),
    search: s(S.Search),
    mode: s(S.Mode),
    cold: s(S.Cold),
    warm: s(S.Warm),
    note: s(S.Note),
    submit: s(S.Submit),
    close: s(S.Close),
    available: s(S.Available),
    unavailable: s(S.Unavailable),
    noTargets: s(S.NoTargets),
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
