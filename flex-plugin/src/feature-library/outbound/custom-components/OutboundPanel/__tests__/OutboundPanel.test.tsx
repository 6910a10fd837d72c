import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';

import { PasteThemeScope } from '../../../../../common/PasteThemeScope/PasteThemeScope';
import { BackendRequestError } from '../../../../../utils/backend-client';
import enUS from '../../../strings/en-us.json';
import type { SendOutboundMessagePayload, Templates, WhatsappWindow } from '../../../types/outbound';
import metadataJson from 'libphonenumber-js/metadata.min.json';
import { setPhoneMetadata } from '../../../utils/phone';
import { OutboundPanel, OutboundPanelProps } from '../OutboundPanel';

const TEMPLATES: Templates = {
  canned: [{ id: 'hello', name: 'Hello', channels: ['sms', 'whatsapp'], body: 'Hello from Owl Shoes' }],
  contentTemplates: [
    {
      sid: 'HX00000000000000000000000000000001',
      name: 'appointment',
      body: 'Hi {{1}}, your appointment is on {{2}}.',
      variables: ['1', '2'],
      sampleValues: { '1': 'Ana', '2': 'Monday' },
    },
  ],
};

const deferred = <T,>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

const renderPanel = (overrides: Partial<OutboundPanelProps> = {}) => {
  const send = jest.fn<Promise<unknown>, [SendOutboundMessagePayload]>(async () => ({ conversationSid: 'CH1' }));
  let keys = 0;
  const props: OutboundPanelProps = {
    senders: { sms: ['+15005550006'], whatsapp: ['whatsapp:+15005550007'] },
    strings: {},
    available: true,
    send,
    loadTemplates: async () => TEMPLATES,
    loadWindow: async (): Promise<WhatsappWindow> => ({ open: true }),
    loadPhoneRules: async () => setPhoneMetadata(metadataJson),
    newKey: () => `key-${(keys += 1)}`,
    ...overrides,
  };
  render(
    <PasteThemeScope>
      <OutboundPanel {...props} />
    </PasteThemeScope>,
  );
  return { send: (overrides.send as jest.Mock) ?? send };
};

const typeNumber = (value: string) => {
  const input = screen.getByLabelText(enUS.FMKOutboundTo);
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
};

const typeBody = (value: string) =>
  fireEvent.change(screen.getByLabelText(enUS.FMKOutboundBody), { target: { value } });

const openChat = () => screen.getByRole('button', { name: enUS.FMKOutboundOpenChat });

describe('OutboundPanel', () => {
  beforeEach(() => setPhoneMetadata(null));

  it('formats the number as the agent types and flags an invalid one', async () => {
    const rules = deferred<void>();
    renderPanel({ loadPhoneRules: () => rules.promise });
    typeNumber('+14155550100');
    // Taken as typed until the numbering plans arrive, then reformatted.
    expect((screen.getByLabelText(enUS.FMKOutboundTo) as HTMLInputElement).value).toBe('+14155550100');
    await act(async () => {
      setPhoneMetadata(metadataJson);
      rules.resolve();
    });
    typeNumber('+14155550100');
    expect((screen.getByLabelText(enUS.FMKOutboundTo) as HTMLInputElement).value).toBe('+1 415 555 0100');
    typeNumber('+1415');
    expect(await screen.findByText(enUS.FMKOutboundToInvalid)).toBeTruthy();
    typeBody('Hi');
    expect((openChat() as HTMLButtonElement).disabled).toBe(true);
  });

  it('counts characters and SMS segments', async () => {
    renderPanel();
    typeBody('x'.repeat(161));
    expect(await screen.findByText('161 characters · 2 SMS segment(s)')).toBeTruthy();
  });

  it('sends exactly once when the agent double-clicks, with one idempotency key', async () => {
    const pending = deferred<unknown>();
    const send = jest.fn(() => pending.promise);
    renderPanel({ send });
    typeNumber('+14155550100');
    typeBody('Your order shipped');
    fireEvent.click(openChat());
    fireEvent.click(openChat());
    await act(async () => pending.resolve({ conversationSid: 'CH1' }));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({
        destination: '+14155550100',
        callerId: '+15005550006',
        openChat: true,
        routeToMe: true,
        body: 'Your order shipped',
        idempotencyKey: 'key-1',
      }),
    );
  });

  it('maps the three send choices onto openChat and routeToMe', async () => {
    const { send } = renderPanel();
    typeNumber('+14155550100');
    typeBody('a');
    fireEvent.click(screen.getByRole('button', { name: enUS.FMKOutboundReplyToAnyone }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0][0]).toMatchObject({ openChat: false, routeToMe: false });
  });

  it('names the owner of an existing conversation and resends with reuse', async () => {
    const conflict = new BackendRequestError(409, 'conversation_exists', 'exists', {
      error: {
        code: 'conversation_exists',
        message: 'exists',
        conversationSid: 'CH9',
        ownerIdentity: 'bob@example.com',
        taskStatus: 'assigned',
      },
    });
    const send = jest
      .fn<Promise<unknown>, [SendOutboundMessagePayload]>()
      .mockRejectedValueOnce(conflict)
      .mockResolvedValue({});
    renderPanel({ send });
    typeNumber('+14155550100');
    typeBody('Hello again');
    fireEvent.click(screen.getByRole('button', { name: enUS.FMKOutboundReplyToMe }));
    expect(await screen.findByText(/bob@example.com already has an active conversation/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: enUS.FMKOutboundConflictReuse }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(send.mock.calls[1][0]).toMatchObject({ onExisting: 'reuse', openChat: false, routeToMe: true });
    expect(send.mock.calls[1][0].idempotencyKey).not.toEqual(send.mock.calls[0][0].idempotencyKey);
  });

  it('opens no conflict dialog for a busy conversation: the send action tells the agent instead', async () => {
    const busy = new BackendRequestError(409, 'conversation_busy', 'busy', {
      error: {
        code: 'conversation_busy',
        message: 'busy',
        conversationSid: 'CH9',
        ownerIdentity: 'bob@example.com',
        taskStatus: 'assigned',
      },
    });
    const send = jest.fn<Promise<unknown>, [SendOutboundMessagePayload]>().mockRejectedValue(busy);
    renderPanel({ send });
    typeNumber('+14155550100');
    typeBody('Hello again');
    fireEvent.click(openChat());
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    await waitFor(() => expect((openChat() as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByText(enUS.FMKOutboundConflictTitle)).toBeNull();
    expect((screen.getByLabelText(enUS.FMKOutboundBody) as HTMLInputElement).value).toBe('Hello again');
  });

  it('disables free text outside the WhatsApp window and sends the template with its variables', async () => {
    const loadWindow = jest.fn(async () => ({ open: false, lastInboundAt: null, closesAt: null }));
    const { send } = renderPanel({ loadWindow });
    fireEvent.click(screen.getByLabelText(enUS.FMKOutboundWhatsapp));
    typeNumber('+14155550100');
    expect(await screen.findByText(enUS.FMKOutboundWindowClosed)).toBeTruthy();
    expect(loadWindow).toHaveBeenCalledWith('+14155550100', 'whatsapp:+15005550007');
    expect((screen.getByLabelText(enUS.FMKOutboundBody) as HTMLButtonElement).disabled).toBe(true);

    await screen.findByRole('option', { name: 'appointment' });
    fireEvent.change(screen.getByLabelText(enUS.FMKOutboundTemplate), {
      target: { value: TEMPLATES.contentTemplates[0].sid },
    });
    fireEvent.change(screen.getByLabelText('Variable 1'), { target: { value: 'Ana' } });
    expect((openChat() as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Variable 2'), { target: { value: 'Friday' } });
    expect(screen.getByTestId('fmk-outbound-preview').textContent).toContain('Hi Ana, your appointment is on Friday.');
    fireEvent.click(openChat());
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0][0]).toMatchObject({
      channel: 'whatsapp',
      contentSid: TEMPLATES.contentTemplates[0].sid,
      contentVariables: { '1': 'Ana', '2': 'Friday' },
    });
    expect(send.mock.calls[0][0].body).toBeUndefined();
  });

  it('cannot send while the agent is offline', async () => {
    renderPanel({ available: false });
    typeNumber('+14155550100');
    typeBody('Hi');
    expect(screen.getByText(enUS.FMKOutboundOffline)).toBeTruthy();
    expect((openChat() as HTMLButtonElement).disabled).toBe(true);
  });

  it('fills the text from a canned message and takes overridden strings', async () => {
    renderPanel({ strings: { FMKOutboundOpenChat: 'Abrir chat' } });
    await screen.findByRole('option', { name: 'Hello' });
    fireEvent.change(screen.getByLabelText(enUS.FMKOutboundCanned), { target: { value: 'hello' } });
    expect((screen.getByLabelText(enUS.FMKOutboundBody) as HTMLInputElement).value).toBe('Hello from Owl Shoes');
    expect(screen.getByRole('button', { name: 'Abrir chat' })).toBeTruthy();
  });
});
