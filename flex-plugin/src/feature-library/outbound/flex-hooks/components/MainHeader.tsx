import * as React from 'react';

import type { ComponentHook } from '../../../../types/feature';
import { createBackendClient } from '../../../../utils/backend-client';
import { fetchTemplates, fetchWindow, newIdempotencyKey } from '../../api/outbound-api';
import { getSenders } from '../../config';
import { OutboundLauncher } from '../../custom-components/OutboundPanel/OutboundLauncher';
import type { SendOutboundMessagePayload } from '../../types/outbound';
import { loadPhoneMetadata } from '../../utils/phone';
import { SEND_ACTION, TOGGLE_ACTION } from '../actions';
import { outboundText } from '../strings';

export const OUTBOUND_LAUNCHER_KEY = 'fmk-outbound-launcher';

/** The message icon in the Flex header; the panel sends through `SendOutboundMessage`. */
export const addOutboundLauncherToMainHeader: ComponentHook = (flex, manager) => {
  const client = createBackendClient(manager);
  const strings = manager.strings as unknown as Record<string, string | undefined>;
  const options: Parameters<typeof flex.MainHeader.Content.add>[1] & { key: string } = {
    sortOrder: 0,
    // Flex's header start section holds the hamburger and logo and clips its overflow.
    align: 'end',
    key: OUTBOUND_LAUNCHER_KEY,
  };
  flex.MainHeader.Content.add(
    <OutboundLauncher
      key={OUTBOUND_LAUNCHER_KEY}
      store={manager.store}
      toggle={(open?: boolean) => {
        flex.Actions.invokeAction(TOGGLE_ACTION, open === undefined ? {} : { open }).catch(() => undefined);
      }}
      closeLabel={outboundText(strings, 'FMKOutboundClose')}
      worker={manager.workerClient as never}
      label={outboundText(strings, 'FMKOutboundButton')}
      senders={getSenders(manager)}
      strings={strings}
      send={(payload: SendOutboundMessagePayload) => flex.Actions.invokeAction(SEND_ACTION, payload)}
      loadTemplates={(channel) => fetchTemplates(client, channel)}
      loadWindow={(to, from) => fetchWindow(client, to, from)}
      loadPhoneRules={() => loadPhoneMetadata(client)}
      newKey={newIdempotencyKey}
    />,
    options,
  );
};
