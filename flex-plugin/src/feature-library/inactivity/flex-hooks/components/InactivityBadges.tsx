import * as React from 'react';

import type { ComponentHook, FlexGlobal, PluginManager } from '../../../../types/feature';
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
import { InactivityNotification, InactivityStringTemplates } from '../strings';

export const TASK_LIST_KEY = 'fmk-inactivity-task-list';
export const CANVAS_HEADER_KEY = 'fmk-inactivity-canvas-header';
export const WRAPPED_UP_NOTIFICATION = InactivityNotification.WrappedUp;

const MESSAGING_CHANNELS = new Set(['chat', 'sms', 'whatsapp']);

interface TaskLike {
  taskChannelUniqueName?: string;
  attributes?: { conversationSid?: string; channelType?: string };
}

/** A messaging task backed by a conversation: the only kind that has a countdown. */
export const conversationOf = (task: TaskLike | undefined): string | undefined => {
  const sid = task?.attributes?.conversationSid;
  const channel = task?.attributes?.channelType ?? task?.taskChannelUniqueName;
  return sid && (channel === undefined || MESSAGING_CHANNELS.has(channel)) ? sid : undefined;
};

const label = (manager: PluginManager, template: InactivityStringTemplates, fallback: string): string =>
  (manager.strings as unknown as Record<string, string | undefined>)[template] ?? fallback;

const registerWrapUpNotification = (flex: FlexGlobal, manager: PluginManager): void => {
  flex.Notifications.registerNotification({
    id: WRAPPED_UP_NOTIFICATION,
    type: flex.NotificationType.warning,
    content: label(
      manager,
      InactivityStringTemplates.WrappedUp,
      'The customer was inactive: the task moved to wrap-up.',
    ),
    timeout: 10_000,
  });
};

/**
 * Adds the countdown beside other plugins' content in every messaging task's list item and canvas
 * header (never replacing), and a notification when the server wraps a task up for inactivity.
 */
export const addInactivityBadges: ComponentHook = (flex, manager) => {
  const client = createBackendClient(manager);
  registerWrapUpNotification(flex, manager);
  const store = countdownStoreFor(flex, manager);
  const minutes = getSnoozeMinutes(manager);
  const labels: InactivityLabels = {
    paused: label(manager, InactivityStringTemplates.Paused, 'Timer paused'),
    expired: label(manager, InactivityStringTemplates.Expired, 'Inactive: wrapping up'),
    snooze: label(manager, InactivityStringTemplates.Snooze, 'Snooze {{minutes}} min').replace(
      '{{minutes}}',
      String(minutes),
    ),
    pause: label(manager, InactivityStringTemplates.Pause, 'Pause'),
    resume: label(manager, InactivityStringTemplates.Resume, 'Resume'),
    changeFailed: label(manager, InactivityStringTemplates.ChangeFailed, 'Could not change the timer'),
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
    const sid = conversationOf(task);
    return sid ? (
      <InactivityBadge store={store} conversationSid={sid} labels={labels} onChange={snooze ? onChange : undefined} />
    ) : null;
  };
  const ListBadge = (props: { task?: TaskLike }) => <Badge task={props.task} snooze={false} />;
  const HeaderBadge = (props: { task?: TaskLike }) => <Badge task={props.task} snooze />;

  const listOptions = {
    sortOrder: 10,
    key: TASK_LIST_KEY,
    if: (p: { task?: TaskLike }) => conversationOf(p.task) !== undefined,
  };
  const headerOptions = {
    sortOrder: 10,
    key: CANVAS_HEADER_KEY,
    if: (p: { task?: TaskLike }) => conversationOf(p.task) !== undefined,
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
