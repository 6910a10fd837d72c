import type { DesktopStateStore } from '../desktop-state.js';
import type { HarnessActions } from '../flex-contract.js';
import type { DesktopContent } from '../flex.js';
import type { SandboxApi } from '../sandbox-api.js';
import { ConversationPanel } from './ConversationPanel.js';
import { TaskActions } from './TaskActions.js';
import { Fragments } from './Fragments.js';
import { useSubscription } from './hooks.js';
import { React } from './react.js';
import { channelLabel } from './TaskList.js';

interface TaskCanvasProps {
  desktop: DesktopStateStore;
  content: DesktopContent;
  actions: HarnessActions;
  /** Present when the desktop is connected to the sandbox; it feeds the conversation view. */
  api?: SandboxApi;
}

export const TaskCanvas = ({ desktop, content, actions, api }: TaskCanvasProps) => {
  const task = useSubscription(desktop, () => desktop.selectedTask());
  if (!task) {
    return (
      <section className="task-canvas" data-testid="task-canvas" aria-label="Task">
        <div className="empty-state canvas-empty" data-testid="task-canvas-empty">
          <p className="empty-title">No task selected</p>
          <p className="empty-hint">Select a task to see the conversation and its details.</p>
        </div>
      </section>
    );
  }
  const childProps = { task };
  return (
    <section className="task-canvas" data-testid="task-canvas" data-task-sid={task.sid} aria-label="Task">
      <header className="task-canvas-header" data-testid="task-canvas-header">
        <div>
          <h2>{task.customerName}</h2>
          <p className="task-subtitle">
            {channelLabel(task)}
            {task.customerAddress ? ` · ${task.customerAddress}` : ''}
          </p>
        </div>
        <div className="fragment-row">
          <Fragments store={content.TaskCanvasHeader} childProps={childProps} />
          <TaskActions task={task} actions={actions} />
        </div>
      </header>
      <div className="task-canvas-body">
        <div className="task-canvas-main" data-testid="task-canvas-body">
          <Fragments store={content.TaskCanvas} childProps={childProps} />
          {api ? (
            <ConversationPanel
              task={task}
              api={api}
              actions={actions}
              agentIdentity={desktop.getState().agent.identity}
            />
          ) : null}
        </div>
        <aside className="task-info-panel" data-testid="task-info-panel" aria-label="Task details">
          <h3>Info</h3>
          <dl>
            <dt>Task</dt>
            <dd>{task.sid}</dd>
            {task.queueName ? (
              <>
                <dt>Queue</dt>
                <dd>{task.queueName}</dd>
              </>
            ) : null}
            <dt>Status</dt>
            <dd>{task.status}</dd>
          </dl>
          <Fragments store={content.TaskInfoPanel} childProps={childProps} />
        </aside>
      </div>
    </section>
  );
};
