import type { DesktopStateStore, DesktopTask } from '../desktop-state.js';
import type { HarnessActions } from '../flex-contract.js';
import type { DesktopContent } from '../flex.js';
import { Fragments } from './Fragments.js';
import { useSubscription } from './hooks.js';
import { React } from './react.js';

const CHANNEL_LABELS: Record<DesktopTask['channel'], string> = {
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  chat: 'Chat',
  voice: 'Voice',
  email: 'Email',
};

export const channelLabel = (task: DesktopTask): string => CHANNEL_LABELS[task.channel] ?? task.channel;

interface TaskListProps {
  desktop: DesktopStateStore;
  content: DesktopContent;
  actions: HarnessActions;
}

export const TaskList = ({ desktop, content, actions }: TaskListProps) => {
  const { tasks, selectedTaskSid } = useSubscription(desktop, () => desktop.getState());
  return (
    <aside className="task-list" data-testid="task-list" aria-label="Tasks">
      <div className="column-heading">
        <h2>Tasks</h2>
        <span className="count" data-testid="task-count">
          {tasks.length}
        </span>
      </div>
      {tasks.length === 0 ? (
        <div className="empty-state" data-testid="task-list-empty">
          <p className="empty-title">No tasks yet</p>
          <p className="empty-hint">Conversations routed to you appear here.</p>
        </div>
      ) : (
        <ul>
          {tasks.map((task) => (
            <li key={task.sid}>
              <button
                type="button"
                className={`task-item channel-${task.channel} status-${task.status}${
                  task.sid === selectedTaskSid ? ' is-selected' : ''
                }`}
                data-testid="task-list-item"
                data-task-sid={task.sid}
                aria-pressed={task.sid === selectedTaskSid}
                onClick={() => {
                  actions.invokeAction('SelectTask', { sid: task.sid }).catch((error: unknown) => {
                    console.error('[harness] SelectTask failed', error);
                  });
                }}
              >
                <span className="channel-badge">{channelLabel(task)}</span>
                <span className="task-title">{task.customerName}</span>
                <span className="task-subtitle">
                  {task.status}
                  {task.queueName ? ` · ${task.queueName}` : ''}
                </span>
                <Fragments store={content.TaskListItem} childProps={{ task }} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
};
