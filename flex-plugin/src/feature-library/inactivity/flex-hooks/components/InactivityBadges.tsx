import * as React from 'react';

import type { ComponentHook } from '../../../../types/feature';
import { createBackendClient } from '../../../../utils/backend-client';
import type { Countdown } from '../../types/inactivity';
import { pauseCountdown, resumeCountdown, snoozeCountdown } from '../../api/inactivity-api';
import { getSnoozeMinutes } from '../../config';
import {
  CountdownChange,
  InactivityBadge,
  InactivityLabels,
} from '../../custom-components/InactivityBadge/InactivityBadge';
import { countdownStoreFor } from '../../state/countdown-store';
import { stringsOf } from '../../../../utils/strings';
import { InactivityNotification } from '../notifications';
import { inactivityText } from '../strings';

export const TASK_LIST_KEY = 'fmk-inactivity-task-list';
export const CANVAS_HEADER_KEY = 'fmk-inactivity-canvas-header';
export const WRAPPED_UP_NOTIFICATION = InactivityNotification.WrappedUp;

/** Flex Conversations' channel types (a web chat task carries `channelType: 'web'`). */
const MESSAGING_CHANNELS = new Set(['chat', 'web', 'sms', 'whatsapp']);

/** Flex task statuses after the conversation: the server stops the countdown, so none is shown. */
const ENDED_STATUSES = new Set(['wrapping', 'completed', 'canceled']);

interface TaskLike {
  status?: string;
  taskChannelUniqueName?: string;
  attributes?: { conversationSid?: string; channelType?: string };
}

/** A messaging task backed by a conversation: the only kind that has a countdown. */
export const conversationOf = (task: TaskLike | undefined): string | undefined => {
  const sid = task?.attributes?.conversationSid;
  const channel = task?.attributes?.channelType ?? task?.taskChannelUniqueName;
  return sid && (channel === undefined || MESSAGING_CHANNELS.has(channel)) ? sid : undefined;
};

/** The conversation whose countdown the task shows: none once the task is in wrap-up or done. */
export const countdownOf = (task: TaskLike | undefined): string | undefined =>
  task?.status !== undefined && ENDED_STATUSES.has(task.status) ? undefined : conversationOf(task);

/**
 * Adds the countdown beside other plugins' content in every messaging task's list item and canvas
 * header (never replacing), and a notification when the server wraps a task up for inactivity.
 */
export const addInactivityBadges: ComponentHook = (flex, manager) => {
  const client = createBackendClient(manager);
  const store = countdownStoreFor(flex, manager);
  const minutes = getSnoozeMinutes(manager);
  const strings = stringsOf(manager);
  const labels: InactivityLabels = {
    paused: inactivityText(strings, 'FMKInactivityPaused'),
    expired: inactivityText(strings, 'FMKInactivityExpired'),
    snooze: inactivityText(strings, 'FMKInactivitySnooze', { minutes }),
    pause: inactivityText(strings, 'FMKInactivityPause'),
    resume: inactivityText(strings, 'FMKInactivityResume'),
    changeFailed: inactivityText(strings, 'FMKInactivityChangeFailed'),
    remaining: inactivityText(strings, 'FMKInactivityRemaining'),
  };
  const changes: Record<CountdownChange, (conversationSid: string) => Promise<Countdown>> = {
    snooze: (sid) => snoozeCountdown(client, sid, minutes),
    pause: (sid) => pauseCountdown(client, sid),
    resume: (sid) => resumeCountdown(client, sid),
  };
  const onChange = async (conversationSid: string, change: CountdownChange) => {
    store.update(await changes[change](conversationSid));
  };

  const Badge = ({ task, snooze }: { task?: TaskLike; snooze: boolean }) => {
    const sid = countdownOf(task);
    return sid ? (
      <InactivityBadge store={store} conversationSid={sid} labels={labels} onChange={snooze ? onChange : undefined} />
    ) : null;
  };
  const ListBadge = (props: { task?: TaskLike }) => <Badge task={props.task} snooze={false} />;
  const HeaderBadge = (props: { task?: TaskLike }) => <Badge task={props.task} snooze />;

  const listOptions = {
    sortOrder: 10,
    key: TASK_LIST_KEY,
    if: (p: { task?: TaskLike }) => countdownOf(p.task) !== undefined,
  };
  const headerOptions = {
    sortOrder: 10,
    key: CANVAS_HEADER_KEY,
    if: (p: { task?: TaskLike }) => countdownOf(p.task) !== undefined,
  };
  flex.TaskListItem.Content.add(
    <ListBadge key={TASK_LIST_KEY} />,
    listOptions as Parameters<typeof flex.TaskListItem.Content.add>[1],
  );
  flex.TaskCanvasHeader.Content.add(
    <HeaderBadge key={CANVAS_HEADER_KEY} />,
    headerOptions as Parameters<typeof flex.TaskCanvasHeader.Content.add>[1],
  );
};
