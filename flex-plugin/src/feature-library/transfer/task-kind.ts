/** The task fields we read, as both Flex's ITask and the sandbox desktop's task carry them. */
export interface TaskLike {
  taskSid?: string;
  sid?: string;
  taskChannelUniqueName?: string;
  channel?: string;
  status?: string;
  attributes?: Record<string, unknown>;
}

/** The TaskRouter task sid: Flex's ITask has it as `taskSid` (its `sid` is the reservation). */
export const taskSidOf = (task: TaskLike | undefined): string | undefined => {
  if (!task) return undefined;
  if (task.taskSid) return task.taskSid;
  return task.sid?.startsWith('WT') ? task.sid : undefined;
};

/** A Flex Conversations messaging task (chat, SMS, WhatsApp…); voice is never ours to transfer. */
export const isMessagingTask = (task: TaskLike | undefined): boolean => {
  if (!task) return false;
  const channel = task.taskChannelUniqueName ?? task.channel;
  if (channel === 'voice') return false;
  return (
    typeof task.attributes?.flexInteractionChannelSid === 'string' ||
    typeof task.attributes?.conversationSid === 'string'
  );
};
