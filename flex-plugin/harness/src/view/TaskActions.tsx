import type { DesktopTask } from '../desktop-state.js';
import type { HarnessActions } from '../flex-contract.js';
import { React } from './react.js';

/** Flex's task buttons: accept or reject a reservation, end the chat, complete the wrap-up. */
export const TaskActions = ({ task, actions }: { task: DesktopTask; actions: HarnessActions }) => {
  const [busy, setBusy] = React.useState(false);
  const run = (action: string) => () => {
    setBusy(true);
    actions
      .invokeAction(action, { sid: task.sid, task })
      .catch((error: unknown) => console.error(`[harness] ${action} failed`, error))
      .finally(() => setBusy(false));
  };
  if (task.status === 'pending') {
    return (
      <div className="task-actions">
        <button
          type="button"
          className="button primary"
          data-testid="accept-task"
          disabled={busy}
          onClick={run('AcceptTask')}
        >
          Accept
        </button>
        <button type="button" className="button" data-testid="reject-task" disabled={busy} onClick={run('RejectTask')}>
          Reject
        </button>
      </div>
    );
  }
  if (task.status === 'assigned') {
    return (
      <div className="task-actions">
        <button
          type="button"
          className="button danger"
          data-testid="wrapup-task"
          disabled={busy}
          onClick={run('WrapupTask')}
        >
          End chat
        </button>
      </div>
    );
  }
  if (task.status === 'wrapping') {
    return (
      <div className="task-actions">
        <button
          type="button"
          className="button primary"
          data-testid="complete-task"
          disabled={busy}
          onClick={run('CompleteTask')}
        >
          Complete
        </button>
      </div>
    );
  }
  return null;
};
