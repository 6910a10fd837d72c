import * as React from 'react';

import type { ComponentHook } from '../../../../types/feature';
import { createBackendClient } from '../../../../utils/backend-client';
import { checkBackendHealth } from '../../api/health-api';
import { getPollIntervalMs, getTimeoutMs } from '../../config';
import { BackendStatus, BackendStatusLabels } from '../../custom-components/BackendStatus/BackendStatus';
import { stringsOf } from '../../../../utils/strings';
import { healthText } from '../strings';

export const HEALTH_STATUS_KEY = 'fmk-health-status';

/** Adds the backend badge first in the Flex header's end section; never replaces Flex's own content. */
export const addBackendStatusToMainHeader: ComponentHook = (flex, manager) => {
  const client = createBackendClient(manager);
  const timeoutMs = getTimeoutMs(manager);
  const checkHealth = () => checkBackendHealth(client, timeoutMs);
  const strings = stringsOf(manager);
  const labels: BackendStatusLabels = {
    checking: healthText(strings, 'FMKHealthChecking'),
    connected: healthText(strings, 'FMKHealthConnected'),
    degraded: healthText(strings, 'FMKHealthDegraded'),
    unreachable: healthText(strings, 'FMKHealthUnreachable'),
    tooltip: healthText(strings, 'FMKHealthTooltip'),
  };

  // Flex's ContentFragmentProps has no `key`; Flex takes it from the element. We pass it in the
  // options too so that hosts which key fragments by options (the sandbox desktop) agree.
  const options: Parameters<typeof flex.MainHeader.Content.add>[1] & { key: string } = {
    sortOrder: -1,
    // Flex's header start section holds the hamburger and logo and clips its overflow.
    align: 'end',
    key: HEALTH_STATUS_KEY,
  };
  flex.MainHeader.Content.add(
    <BackendStatus
      key={HEALTH_STATUS_KEY}
      checkHealth={checkHealth}
      pollIntervalMs={getPollIntervalMs(manager)}
      labels={labels}
    />,
    options,
  );
};
