import * as React from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { ErrorIcon } from '@twilio-paste/icons/esm/ErrorIcon';
import { ProcessInProgressIcon } from '@twilio-paste/icons/esm/ProcessInProgressIcon';
import { SuccessIcon } from '@twilio-paste/icons/esm/SuccessIcon';
import { WarningIcon } from '@twilio-paste/icons/esm/WarningIcon';

import { PasteThemeScope } from '../../../../common/PasteThemeScope/PasteThemeScope';
import type { BackendHealth, BackendState } from '../../types/health';

export type BackendStatusLabels = Record<BackendState, string> & {
  /** `{{mode}}` and `{{version}}` of a connected backend, as its tooltip. */
  tooltip: string;
};

export interface BackendStatusProps {
  /** Resolves to the backend's state; must not reject. */
  checkHealth: () => Promise<BackendHealth>;
  /** Delay between the end of one check and the start of the next. */
  pollIntervalMs: number;
  labels: BackendStatusLabels;
}

const VARIANTS = {
  checking: 'neutral',
  connected: 'success',
  degraded: 'warning',
  unreachable: 'error',
} as const;

const ICONS: Record<BackendState, typeof SuccessIcon> = {
  checking: ProcessInProgressIcon,
  connected: SuccessIcon,
  degraded: WarningIcon,
  unreachable: ErrorIcon,
};

const describe = (health: BackendHealth, labels: BackendStatusLabels): string | undefined => {
  if (health.state === 'connected' && health.report) {
    return labels.tooltip.replace('{{mode}}', health.report.mode).replace('{{version}}', health.report.version);
  }
  return health.reason;
};

/**
 * Header badge telling the agent whether the Messaging Kit backend is usable, so a failing send
 * is not the first sign of an outage. Checks on mount, then again `pollIntervalMs` after each
 * answer (never two checks at once).
 */
export const BackendStatus = ({ checkHealth, pollIntervalMs, labels }: BackendStatusProps): JSX.Element => {
  const [health, setHealth] = React.useState<BackendHealth>({ state: 'checking' });

  React.useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const check = async (): Promise<void> => {
      const result = await checkHealth();
      if (stopped) {
        return;
      }
      setHealth(result);
      timer = setTimeout(check, pollIntervalMs);
    };
    check();

    return () => {
      stopped = true;
      if (timer !== undefined) {
        clearTimeout(timer);
      }
    };
  }, [checkHealth, pollIntervalMs]);

  const Icon = ICONS[health.state];
  return (
    <PasteThemeScope>
      <Box
        as="div"
        display="flex"
        alignItems="center"
        marginX="space30"
        role="status"
        aria-live="polite"
        data-testid="fmk-health-status"
        data-state={health.state}
        title={describe(health, labels)}
      >
        <Badge as="span" variant={VARIANTS[health.state]}>
          <Icon decorative />
          {labels[health.state]}
        </Badge>
      </Box>
    </PasteThemeScope>
  );
};
