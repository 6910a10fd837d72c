import type { ReactElement } from 'react';

import { fakeFlex, fakeManager, jsonResponse } from '../../../test-support/flex-doubles';
import { createBackendClient } from '../../../utils/backend-client';
import { CountdownStore } from '../state/countdown-store';
import { pauseCountdown, resumeCountdown, snoozeCountdown } from '../api/inactivity-api';
import {
  CANVAS_HEADER_KEY,
  TASK_LIST_KEY,
  WRAPPED_UP_NOTIFICATION,
  addInactivityBadges,
  conversationOf,
  countdownOf,
} from '../flex-hooks/components/InactivityBadges';
import { registerInactivityNotifications } from '../flex-hooks/notifications';
import type { Countdown } from '../types/inactivity';

const fetchMock = jest.fn();

beforeEach(() => {
  fetchMock.mockReset();
  (global as unknown as { fetch: unknown }).fetch = fetchMock;
});

const countdown = (state: Countdown['state']): Countdown => ({
  conversationSid: 'CH1',
  taskSid: 'WT1',
  channelType: 'sms',
  state,
  deadline: '2026-01-01T00:02:00Z',
  warningAt: '2026-01-01T00:01:30Z',
  serverTime: '2026-01-01T00:00:00Z',
});

describe('inactivity feature hooks', () => {
  it('adds a badge to task list items and canvas headers alongside other content, never replacing it', () => {
    const { flex, asFlexGlobal } = fakeFlex();
    addInactivityBadges(asFlexGlobal, fakeManager());

    expect(flex.TaskListItem.Content.add).toHaveBeenCalledTimes(1);
    expect(flex.TaskCanvasHeader.Content.add).toHaveBeenCalledTimes(1);
    expect(flex.TaskListItem.Content.replace).not.toHaveBeenCalled();
    expect(flex.TaskCanvasHeader.Content.replace).not.toHaveBeenCalled();
    const [listElement, listOptions] = flex.TaskListItem.Content.add.mock.calls[0] as [
      ReactElement,
      Record<string, unknown>,
    ];
    expect(listElement.key).toBe(TASK_LIST_KEY);
    expect(listOptions.key).toBe(TASK_LIST_KEY);
    const [, headerOptions] = flex.TaskCanvasHeader.Content.add.mock.calls[0] as [
      ReactElement,
      Record<string, unknown>,
    ];
    expect(headerOptions.key).toBe(CANVAS_HEADER_KEY);
    const shown = headerOptions.if as (p: object) => boolean;
    expect(shown({ task: { taskChannelUniqueName: 'voice', attributes: {} } })).toBe(false);
    expect(
      shown({ task: { taskChannelUniqueName: 'sms', attributes: { conversationSid: 'CH1', channelType: 'sms' } } }),
    ).toBe(true);
  });

  it('registers the wrap-up notification, its content naming its string template', () => {
    const { flex, asFlexGlobal } = fakeFlex();
    registerInactivityNotifications(asFlexGlobal, fakeManager());
    expect(flex.Notifications.registerNotification).toHaveBeenCalledWith(
      expect.objectContaining({ id: WRAPPED_UP_NOTIFICATION, content: 'FMKInactivityWrappedUp' }),
    );
  });

  it('treats chat, SMS and WhatsApp conversations as messaging tasks, and nothing else', () => {
    expect(conversationOf({ attributes: { conversationSid: 'CH1', channelType: 'whatsapp' } })).toBe('CH1');
    expect(conversationOf({ attributes: { conversationSid: 'CH1', channelType: 'chat' } })).toBe('CH1');
    expect(conversationOf({ attributes: { conversationSid: 'CH1', channelType: 'voice' } })).toBeUndefined();
    expect(conversationOf({ attributes: {} })).toBeUndefined();
  });

  it("counts down on web chat tasks, which Flex Conversations marks channelType 'web'", () => {
    expect(conversationOf({ attributes: { conversationSid: 'CH1', channelType: 'web' } })).toBe('CH1');
  });

  it('hides the countdown once the task is in wrap-up: the agent can no longer snooze it', () => {
    const task = (status: string) => ({ status, attributes: { conversationSid: 'CH1', channelType: 'sms' } });
    expect(countdownOf(task('assigned'))).toBe('CH1');
    expect(countdownOf(task('wrapping'))).toBeUndefined();
    expect(countdownOf(task('completed'))).toBeUndefined();

    const { flex, asFlexGlobal } = fakeFlex();
    addInactivityBadges(asFlexGlobal, fakeManager());
    [flex.TaskListItem, flex.TaskCanvasHeader].forEach((component) => {
      const [, options] = component.Content.add.mock.calls[0] as [ReactElement, { if: (p: object) => boolean }];
      expect(options.if({ task: task('wrapping') })).toBe(false);
      expect(options.if({ task: task('assigned') })).toBe(true);
    });
  });
});

describe('CountdownStore', () => {
  it('notifies once when the server reports a countdown it saw running as expired', async () => {
    const manager = fakeManager({ uiAttributes: { flexMessagingKit: { backendUrl: 'http://kit.test' } } });
    const expired = jest.fn();
    const store = new CountdownStore(createBackendClient(manager), 5_000, expired);
    fetchMock
      .mockResolvedValueOnce(jsonResponse(200, { timers: [countdown('warned')], serverTime: '2026-01-01T00:01:40Z' }))
      .mockResolvedValueOnce(jsonResponse(200, { timers: [countdown('expired')], serverTime: '2026-01-01T00:02:01Z' }))
      .mockResolvedValueOnce(jsonResponse(200, { timers: [countdown('expired')], serverTime: '2026-01-01T00:02:06Z' }));
    await store.refresh();
    await store.refresh();
    await store.refresh();
    expect(expired).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe('http://kit.test/api/inactivity');
    expect(fetchMock.mock.calls[0][1].headers.Authorization).toBe('Bearer agent-token');
  });

  it('keeps the last known countdowns when a poll fails', async () => {
    const store = new CountdownStore(createBackendClient(fakeManager()), 5_000, jest.fn());
    fetchMock
      .mockResolvedValueOnce(jsonResponse(200, { timers: [countdown('active')], serverTime: '2026-01-01T00:00:00Z' }))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await store.refresh();
    await store.refresh();
    expect(store.get('CH1')?.state).toBe('active');
  });
});

describe('countdown changes', () => {
  it('sends snooze, pause and resume to the one snooze endpoint with the body the backend expects', async () => {
    const client = createBackendClient(
      fakeManager({ uiAttributes: { flexMessagingKit: { backendUrl: 'http://kit.test' } } }),
    );
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(200, countdown('active'))));
    await snoozeCountdown(client, 'CH1', 5);
    await pauseCountdown(client, 'CH1');
    await resumeCountdown(client, 'CH1');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(Array(3).fill('http://kit.test/api/inactivity/CH1/snooze'));
    expect(fetchMock.mock.calls.map((c) => JSON.parse(c[1].body))).toEqual([
      { minutes: 5 },
      { pause: true },
      { resume: true },
    ]);
    expect(fetchMock.mock.calls.every((c) => c[1].method === 'POST')).toBe(true);
  });
});
