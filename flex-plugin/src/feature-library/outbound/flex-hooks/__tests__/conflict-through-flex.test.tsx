import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import metadataJson from 'libphonenumber-js/metadata.min.json';

import { PasteThemeScope } from '../../../../common/PasteThemeScope/PasteThemeScope';
import { fakeManager, jsonResponse } from '../../../../test-support/flex-doubles';
import { loadRealFlex } from '../../../../test-support/real-flex';
import type { FlexGlobal } from '../../../../types/feature';
import { BackendRequestError } from '../../../../utils/backend-client';
import { conflictOf, OutboundPanel } from '../../custom-components/OutboundPanel/OutboundPanel';
import enUS from '../../strings/en-us.json';
import type { SendOutboundMessagePayload } from '../../types/outbound';
import { setPhoneMetadata } from '../../utils/phone';
import { registerOutboundActions, SEND_ACTION } from '../actions';

/**
 * The conflict path as it runs in Flex 2.17: the panel sends through the real
 * `Flex.Actions.invokeAction`, which rejects with a FlexError wrapping our BackendRequestError
 * (ActionsImpl.invokeAction, @twilio/flex-ui/bundle/twilio-flex.prod.js).
 */
const realFlex = loadRealFlex();
const notifications = { registerNotification: jest.fn(), showNotification: jest.fn() };
const flex = { ...realFlex, Notifications: notifications } as unknown as FlexGlobal;
registerOutboundActions(flex, fakeManager({ uiAttributes: { flexMessagingKit: { backendUrl: 'http://kit' } } }));

const CONFLICT = {
  error: {
    code: 'conversation_exists',
    message: 'exists',
    conversationSid: 'CH9',
    ownerIdentity: 'bob@example.com',
    taskStatus: 'assigned',
  },
};

beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  window.fetch = jest
    .fn()
    .mockResolvedValueOnce(jsonResponse(409, CONFLICT))
    .mockResolvedValue(
      jsonResponse(201, { conversationSid: 'CH9', messageSid: 'IM1', reused: true }),
    ) as unknown as typeof fetch;
});

afterEach(() => jest.restoreAllMocks());

const payload: SendOutboundMessagePayload = {
  destination: '+14155550100',
  routeToMe: true,
  openChat: false,
  body: 'x',
};

describe('SendOutboundMessage through the real Flex Actions', () => {
  it('rejects with a FlexError whose wrappedError is the backend conflict, which the panel finds', async () => {
    const rejected = await realFlex.Actions.invokeAction(SEND_ACTION, payload).catch((error: unknown) => error);

    expect(rejected).not.toBeInstanceOf(BackendRequestError);
    expect((rejected as { content: { wrappedError: unknown } }).content.wrappedError).toBeInstanceOf(
      BackendRequestError,
    );
    expect(conflictOf(rejected)).toMatchObject({ ownerIdentity: 'bob@example.com', conversationSid: 'CH9' });
    expect(notifications.showNotification).not.toHaveBeenCalled();
  });

  it('opens the conflict dialog and resends with reuse', async () => {
    render(
      <PasteThemeScope>
        <OutboundPanel
          senders={{ sms: ['+15005550006'], whatsapp: [] }}
          strings={{}}
          available
          send={(p) => realFlex.Actions.invokeAction(SEND_ACTION, p)}
          loadTemplates={async () => ({ canned: [], contentTemplates: [] })}
          loadWindow={async () => ({ open: true })}
          loadPhoneRules={async () => setPhoneMetadata(metadataJson)}
          newKey={() => `key-${Math.random()}`}
        />
      </PasteThemeScope>,
    );
    const to = screen.getByLabelText(enUS.FMKOutboundTo);
    fireEvent.change(to, { target: { value: '+14155550100' } });
    fireEvent.blur(to);
    fireEvent.change(screen.getByLabelText(enUS.FMKOutboundBody), { target: { value: 'Hello again' } });
    fireEvent.click(screen.getByRole('button', { name: enUS.FMKOutboundReplyToMe }));

    expect(await screen.findByText(/bob@example.com already has an active conversation/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: enUS.FMKOutboundConflictReuse }));
    await waitFor(() => expect(window.fetch).toHaveBeenCalledTimes(2));
    const [, init] = (window.fetch as jest.Mock).mock.calls[1] as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toMatchObject({ onExisting: 'reuse' });
  });
});
