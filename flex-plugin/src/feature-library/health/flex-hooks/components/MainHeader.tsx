import * as React from 'react';

import type { ComponentHook } from '../../../../types/feature';
import { createBackendClient } from '../../../../utils/backend-client';
import { checkBackendHealth } from '../../api/health-api';
import { getPollIntervalMs, getTimeoutMs } from '../../config';
import { BackendStatus, BackendStatusLabels } from '../../custom-components/BackendStatus/BackendStatus';
import { HealthStringTemplates } from '../strings';

export const BACKEND_STATUS_KEY = 'fmk-backend-status';

/** Adds the backend badge at the start of the Flex header; never replaces Flex's own content. */
export const addBackendStatusToMainHeader: ComponentHook = (flex, manager) => {
  const client = createBackendClient(manager);
  const timeoutMs = getTimeoutMs(manager);
  const checkHealth = () => checkBackendHealth(client, timeoutMs);
  const strings = manager.strings as unknown as Record<string, string | undefined>;
  const labels: BackendStatusLabels = {
    checking: strings[HealthStringTemplates.Checking] ?? 'Messaging Kit: checking…',
    connected: strings[HealthStringTemplates.Connected] ?? 'Messaging Kit: connected',
    degraded: strings[HealthStringTemplates.Degraded] ?? 'Messaging Kit: degraded',
    unreachable: strings[HealthStringTemplates.Unreachable] ?? 'Messaging Kit: unreachable',
  };

  // Flex's ContentFragmentProps has no `key`; Flex takes it from the element. We pass it in the
  // options too so that hosts which key fragments by options (the sandbox desktop) agree.
  const options: Parameters<typeof flex.MainHeader.Content.add>[1] & { key: string } = {
    sortOrder: -1,
    key: BACKEND_STATUS_KEY,
  };
  flex.MainHeader.Content.add(
    <BackendStatus
      key={BACKEND_STATUS_KEY}
      checkHealth={checkHealth}
      pollIntervalMs={getPollIntervalMs(manager)}
      labels={labels}
    />,
    options,
  );
};
