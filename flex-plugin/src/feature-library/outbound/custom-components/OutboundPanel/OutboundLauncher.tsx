import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { SMSIcon } from '@twilio-paste/icons/esm/SMSIcon';

import { PasteThemeScope } from '../../../../common/PasteThemeScope/PasteThemeScope';
import type { PanelState } from '../../utils/panel-state';
import { OutboundPanel, OutboundPanelProps } from './OutboundPanel';

interface WorkerLike {
  activity?: { available?: boolean };
  on?: (event: string, listener: (worker: WorkerLike) => void) => unknown;
  removeListener?: (event: string, listener: (worker: WorkerLike) => void) => unknown;
}

export interface OutboundLauncherProps extends Omit<OutboundPanelProps, 'available'> {
  panel: PanelState;
  toggle: () => void;
  worker?: WorkerLike;
  label: string;
}

const useAvailability = (worker?: WorkerLike): boolean => {
  const [available, setAvailable] = React.useState(worker?.activity?.available !== false);
  React.useEffect(() => {
    if (!worker?.on) {
      return undefined;
    }
    const listener = (updated: WorkerLike) => setAvailable(updated.activity?.available !== false);
    worker.on('activityUpdated', listener);
    return () => {
      worker.removeListener?.('activityUpdated', listener);
    };
  }, [worker]);
  return available;
};

/** The header icon, and the panel it opens below the header. */
export const OutboundLauncher = ({
  panel,
  toggle,
  worker,
  label,
  onSent,
  ...panelProps
}: OutboundLauncherProps): JSX.Element => {
  const [open, setOpen] = React.useState(panel.isOpen());
  React.useEffect(() => panel.subscribe(setOpen), [panel]);
  const available = useAvailability(worker);
  return (
    <PasteThemeScope>
      <Box position="relative" display="inline-block">
        <Button
          variant="secondary_icon"
          size="icon_small"
          onClick={toggle}
          aria-expanded={open}
          data-testid="fmk-outbound-toggle"
        >
          <SMSIcon decorative={false} title={label} color="colorTextInverse" />
        </Button>
        {open && (
          <Box position="absolute" right="space0" top="space100" zIndex="zIndex80">
            <OutboundPanel
              {...panelProps}
              available={available}
              onSent={() => {
                panel.set(false);
                onSent?.();
              }}
            />
          </Box>
        )}
      </Box>
    </PasteThemeScope>
  );
};
