import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { PasteThemeScope } from '../../../../../common/PasteThemeScope/PasteThemeScope';
import { sentItem } from '../../../../../test-support/sent-messages';
import enUS from '../../../strings/en-us.json';
import type { SentMessage } from '../../../types/outbound';
import { SentStore } from '../../../state/sent-store';
import { SentMessagesView, SentMessagesViewProps } from '../SentMessagesView';

const ROWS: SentMessage[] = [
  sentItem({ conversationSid: 'CH1', customerName: 'Dana' }),
  sentItem(
    {
      conversationSid: 'CH2',
      messageSid: 'IM2',
      customerName: null,
      customerAddress: 'whatsapp:+14155550111',
      channel: 'whatsapp',
      routeTo: 'any',
    },
    {
      status: 'undelivered',
      errorCode: 30003,
      errorMessage: 'Unreachable destination handset',
      updatedAt: '2026-01-01T10:00:05Z',
    },
  ),
  sentItem(
    { conversationSid: 'CH3', messageSid: 'IM3', status: 'REPLIED', customerName: '+14155550100' },
    { status: 'delivered' },
  ),
];

const setup = (overrides: Partial<SentMessagesViewProps> = {}, rows: SentMessage[] = ROWS) => {
  const load = jest.fn(async () => rows);
  const store = new SentStore({ load, onFailure: jest.fn() });
  const cancel = jest.fn(async () => undefined);
  const props: SentMessagesViewProps = { store, visible: true, strings: {}, cancel, pollMs: 10_000, ...overrides };
  const view = render(
    <PasteThemeScope>
      <SentMessagesView {...props} />
    </PasteThemeScope>,
  );
  const rerender = (next: Partial<SentMessagesViewProps>) =>
    view.rerender(
      <PasteThemeScope>
        <SentMessagesView {...props} {...next} />
      </PasteThemeScope>,
    );
  return { load, store, cancel: (overrides.cancel as jest.Mock) ?? cancel, rerender };
};

const row = (sid: string) =>
  screen.getAllByTestId('fmk-outbound-sent-row').find((r) => r.getAttribute('data-conversation-sid') === sid)!;

describe('SentMessagesView', () => {
  afterEach(() => jest.useRealTimers());

  it('lists customer, channel, status and delivery, with the reason of a failed delivery', async () => {
    setup();
    await waitFor(() => expect(screen.getAllByTestId('fmk-outbound-sent-row')).toHaveLength(3));

    const waiting = within(row('CH1'));
    expect(waiting.getByText('Dana')).toBeTruthy();
    expect(waiting.getByText('+14155550100')).toBeTruthy();
    expect(waiting.getByText(enUS.FMKOutboundSms)).toBeTruthy();
    expect(waiting.getByText(enUS.FMKOutboundSentStatusWaiting)).toBeTruthy();
    expect(waiting.getByText(enUS.FMKOutboundSentRouteMe)).toBeTruthy();
    expect(waiting.getByText(enUS.FMKOutboundDeliveryPending)).toBeTruthy();

    const failed = within(row('CH2'));
    expect(failed.getByText('+14155550111')).toBeTruthy();
    expect(failed.getByText(enUS.FMKOutboundWhatsapp)).toBeTruthy();
    expect(failed.getByText(enUS.FMKOutboundSentRouteAny)).toBeTruthy();
    expect(failed.getByText(enUS.FMKOutboundDeliveryUndelivered)).toBeTruthy();
    expect(failed.getByText(enUS.FMKOutboundDeliveryError30003)).toBeTruthy();

    const replied = within(row('CH3'));
    expect(replied.getAllByText('+14155550100')).toHaveLength(1); // a name that is the number shows once
    expect(replied.getByText(enUS.FMKOutboundSentStatusReplied)).toBeTruthy();
    expect(replied.getByText(enUS.FMKOutboundDeliveryDelivered)).toBeTruthy();
    expect(replied.queryByRole('button', { name: enUS.FMKOutboundSentCancel })).toBeNull();
  });

  it('cancels a waiting send after the agent confirms, then reloads the list', async () => {
    const { cancel, load } = setup();
    await waitFor(() => expect(screen.getAllByTestId('fmk-outbound-sent-row')).toHaveLength(3));
    fireEvent.click(within(row('CH1')).getByRole('button', { name: enUS.FMKOutboundSentCancel }));

    expect(await screen.findByText(/The conversation with Dana \(\+14155550100\) will be closed/)).toBeTruthy();
    expect(cancel).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: enUS.FMKOutboundSentCancelConfirm }));

    await waitFor(() => expect(cancel).toHaveBeenCalledTimes(1));
    expect((cancel.mock.calls[0] as unknown as [SentMessage])[0].conversationSid).toBe('CH1');
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.queryByText(enUS.FMKOutboundSentCancelTitle)).toBeNull());
  });

  it('keeps the dialog open when the cancel fails, and sends nothing when the agent keeps waiting', async () => {
    const cancel = jest.fn(async () => {
      throw new Error('busy');
    });
    setup({ cancel });
    await waitFor(() => expect(screen.getAllByTestId('fmk-outbound-sent-row')).toHaveLength(3));
    fireEvent.click(within(row('CH1')).getByRole('button', { name: enUS.FMKOutboundSentCancel }));
    fireEvent.click(await screen.findByRole('button', { name: enUS.FMKOutboundSentCancelConfirm }));
    await waitFor(() => expect(cancel).toHaveBeenCalledTimes(1));
    expect(screen.getByText(enUS.FMKOutboundSentCancelTitle)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: enUS.FMKOutboundSentCancelKeep }));
    await waitFor(() => expect(screen.queryByText(enUS.FMKOutboundSentCancelTitle)).toBeNull());
    expect(cancel).toHaveBeenCalledTimes(1);
  });

  it('polls only while visible', async () => {
    jest.useFakeTimers();
    const { load, rerender } = setup({ visible: false });
    await act(async () => {
      jest.advanceTimersByTime(60_000);
    });
    expect(load).not.toHaveBeenCalled();

    rerender({ visible: true });
    await act(async () => {
      await Promise.resolve();
    });
    expect(load).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(10_000);
    });
    expect(load).toHaveBeenCalledTimes(2);

    rerender({ visible: false });
    await act(async () => {
      jest.advanceTimersByTime(60_000);
    });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('says when nothing waits, and takes overridden strings', async () => {
    setup({ strings: { FMKOutboundSentTitle: 'Enviados', FMKOutboundSentEmpty: 'Nada pendiente' } }, []);
    expect(screen.getByText('Enviados')).toBeTruthy();
    expect(await screen.findByText('Nada pendiente')).toBeTruthy();
  });
});
