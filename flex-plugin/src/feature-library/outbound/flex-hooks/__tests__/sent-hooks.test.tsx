import * as React from 'react';
import type { ReactElement } from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { fakeFlex, fakeManager, jsonResponse } from '../../../../test-support/flex-doubles';
import { sentItem } from '../../../../test-support/sent-messages';
import type { PluginManager } from '../../../../types/feature';
import enUS from '../../strings/en-us.json';
import { NOTIFIED_FAILURES_KEY } from '../../state/sent-store';
import { addSentMessagesView, SENT_LINK_KEY, SENT_VIEW, SENT_VIEW_KEY } from '../components/SentMessagesView';
import { AFTER_SEND_CHECK_MS, DELIVERY_POLL_MS, watchDeliveryFailures } from '../events/delivery-failures';

const managerWith = (activeView: string) => {
  const state = { flex: { view: { activeView } } };
  const manager = fakeManager({
    uiAttributes: { flexMessagingKit: { backendUrl: 'http://kit.test' } },
  }) as PluginManager & {
    store: unknown;
  };
  manager.strings = { ...enUS } as never;
  manager.store = { getState: () => state, subscribe: () => () => undefined } as never;
  return manager;
};

const answerSent = (rows: unknown[]) => {
  const fetchMock = jest.fn(async (url: string, _init?: RequestInit) =>
    url.endsWith('/api/outbound/sent') ? jsonResponse(200, { sent: rows }) : jsonResponse(204, ''),
  );
  window.fetch = fetchMock as unknown as typeof fetch;
  return fetchMock;
};

describe('sent list registration', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('adds a side link that navigates to the sent view, and the view itself', async () => {
    answerSent([sentItem()]);
    const { flex, asFlexGlobal } = fakeFlex();
    addSentMessagesView(asFlexGlobal, managerWith(SENT_VIEW));

    const [link, linkOptions] = flex.SideNav.Content.add.mock.calls[0] as [ReactElement, Record<string, unknown>];
    expect(link.key).toBe(SENT_LINK_KEY);
    expect(linkOptions).toEqual({ sortOrder: 100 });
    const [view] = flex.ViewCollection.Content.add.mock.calls[0] as [ReactElement];
    expect(view.key).toBe(SENT_VIEW_KEY);
    expect(view.props.name).toBe(SENT_VIEW);

    render(React.cloneElement(link, { activeView: 'agent-desktop' }));
    fireEvent.click(screen.getByText(enUS.FMKOutboundSentNav));
    expect(flex.Actions.invokeAction).toHaveBeenCalledWith('NavigateToView', { viewName: SENT_VIEW });

    render(view);
    expect(await screen.findByText(enUS.FMKOutboundSentStatusWaiting)).toBeTruthy();
  });

  it('cancels through the backend and confirms with a notification', async () => {
    const fetchMock = answerSent([sentItem({ conversationSid: 'CH7' })]);
    const { flex, asFlexGlobal } = fakeFlex();
    addSentMessagesView(asFlexGlobal, managerWith(SENT_VIEW));
    render(flex.ViewCollection.Content.add.mock.calls[0][0] as ReactElement);

    fireEvent.click(await screen.findByRole('button', { name: enUS.FMKOutboundSentCancel }));
    fireEvent.click(await screen.findByRole('button', { name: enUS.FMKOutboundSentCancelConfirm }));

    await waitFor(() =>
      expect(flex.Notifications.showNotification).toHaveBeenCalledWith('FMKOutboundSentCancelled', {
        customer: 'Dana (+14155550100)',
      }),
    );
    const deleteCall = fetchMock.mock.calls.find(([, init]) => (init as RequestInit | undefined)?.method === 'DELETE');
    expect(deleteCall?.[0]).toBe('http://kit.test/api/outbound/sent/CH7');
  });

  it('does not poll while another view is active', async () => {
    const fetchMock = answerSent([]);
    const { flex, asFlexGlobal } = fakeFlex();
    addSentMessagesView(asFlexGlobal, managerWith('agent-desktop'));
    render(flex.ViewCollection.Content.add.mock.calls[0][0] as ReactElement);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('delivery-failure watcher', () => {
  beforeEach(() => window.sessionStorage.clear());
  afterEach(() => jest.useRealTimers());

  it('notifies each failed first message once, naming the customer and the reason', async () => {
    jest.useFakeTimers();
    const fetchMock = answerSent([
      sentItem(
        { conversationSid: 'CH1' },
        { status: 'undelivered', errorCode: 30005, errorMessage: 'Unknown destination handset' },
      ),
      sentItem({ conversationSid: 'CH2', messageSid: 'IM2' }),
    ]);
    const { flex, asFlexGlobal } = fakeFlex();
    watchDeliveryFailures(asFlexGlobal, managerWith('agent-desktop'));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(flex.Notifications.showNotification).toHaveBeenCalledTimes(1));
    expect(flex.Notifications.showNotification).toHaveBeenCalledWith('FMKOutboundDeliveryFailedNotice', {
      customer: 'Dana (+14155550100)',
      reason: enUS.FMKOutboundDeliveryError30005,
    });
    expect(JSON.parse(window.sessionStorage.getItem(NOTIFIED_FAILURES_KEY)!)).toEqual(['CH1:IM1']);

    jest.advanceTimersByTime(DELIVERY_POLL_MS);
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(flex.Notifications.showNotification).toHaveBeenCalledTimes(1);
  });

  it('looks again shortly after each send', async () => {
    jest.useFakeTimers();
    const fetchMock = answerSent([]);
    const { flex, asFlexGlobal } = fakeFlex();
    watchDeliveryFailures(asFlexGlobal, managerWith('agent-desktop'));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [event, listener] = flex.Actions.addListener.mock.calls[0] as unknown as [string, () => void];
    expect(event).toBe('afterSendOutboundMessage');

    listener();
    jest.advanceTimersByTime(AFTER_SEND_CHECK_MS);
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
  });
});
