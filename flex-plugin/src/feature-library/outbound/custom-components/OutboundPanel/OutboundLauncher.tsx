import * as React from 'react';
import * as ReactDOM from 'react-dom';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { CloseIcon } from '@twilio-paste/icons/esm/CloseIcon';
import { SMSIcon } from '@twilio-paste/icons/esm/SMSIcon';

import { PasteThemeScope } from '../../../../common/PasteThemeScope/PasteThemeScope';
import type { PluginManager } from '../../../../types/feature';
import { useComponentState } from '../../../../utils/component-state';
import { PANEL_STATE } from '../../flex-hooks/actions';
import { OutboundPanel, OutboundPanelProps } from './OutboundPanel';

interface WorkerLike {
  activity?: { available?: boolean };
  on?: (event: string, listener: (worker: WorkerLike) => void) => unknown;
  removeListener?: (event: string, listener: (worker: WorkerLike) => void) => unknown;
}

export interface OutboundLauncherProps extends Omit<OutboundPanelProps, 'available' | 'titleId'> {
  /** Flex's store: the panel's open state is `flex.view.componentViewStates['fmk-outbound-panel']`. */
  store: PluginManager['store'];
  /** `ToggleOutboundMessagePanel`: flips the panel, or sets it when `open` is given. */
  toggle: (open?: boolean) => void;
  worker?: WorkerLike;
  label: string;
  closeLabel: string;
}

const TITLE_ID = 'fmk-outbound-panel-title';

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

/**
 * The header icon, and the panel it opens. The panel is portalled to the page's body, below the
 * header on the right: inside Flex's header it would be clipped. It is a non-modal dialog: focus
 * moves into it when it opens and back to the icon when it closes (close button or Esc).
 */
export const OutboundLauncher = ({
  store,
  toggle,
  worker,
  label,
  closeLabel,
  onSent,
  ...panelProps
}: OutboundLauncherProps): JSX.Element => {
  const open = useComponentState(store, PANEL_STATE)?.isOpen === true;
  const available = useAvailability(worker);
  const launcher = React.useRef<HTMLButtonElement>(null);
  const dialog = React.useRef<HTMLDivElement>(null);
  const wasOpen = React.useRef(open);

  React.useEffect(() => {
    if (open && !wasOpen.current) {
      dialog.current?.querySelector<HTMLElement>('input:not([disabled]), select, textarea')?.focus();
    } else if (!open && wasOpen.current && dialog.current === null) {
      launcher.current?.focus();
    }
    wasOpen.current = open;
  }, [open]);

  const close = () => toggle(false);
  const panel = (
    <PasteThemeScope>
      <Box
        ref={dialog}
        role="dialog"
        aria-modal="false"
        aria-labelledby={TITLE_ID}
        data-testid="fmk-outbound-dialog"
        position="fixed"
        right="space60"
        top="space170"
        zIndex="zIndex80"
        maxHeight="80vh"
        overflowY="auto"
        borderRadius="borderRadius30"
        boxShadow="shadowHigh"
        onKeyDown={(event: React.KeyboardEvent) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            close();
          }
        }}
      >
        <Box position="absolute" right="space40" top="space40">
          <Button variant="secondary_icon" size="icon_small" onClick={close} data-testid="fmk-outbound-close">
            <CloseIcon decorative={false} title={closeLabel} />
          </Button>
        </Box>
        <OutboundPanel
          {...panelProps}
          titleId={TITLE_ID}
          available={available}
          onSent={() => {
            close();
            onSent?.();
          }}
        />
      </Box>
    </PasteThemeScope>
  );
  return (
    <PasteThemeScope>
      <Button
        ref={launcher}
        variant="secondary_icon"
        size="icon_small"
        onClick={() => toggle()}
        aria-expanded={open}
        aria-haspopup="dialog"
        data-testid="fmk-outbound-toggle"
      >
        <SMSIcon decorative={false} title={label} color="colorTextInverse" />
      </Button>
      {open && typeof document !== 'undefined' ? ReactDOM.createPortal(panel, document.body) : null}
    </PasteThemeScope>
  );
};
