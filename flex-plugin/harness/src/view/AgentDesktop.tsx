import type { DesktopStateStore } from '../desktop-state.js';
import type { HarnessActions } from '../flex-contract.js';
import type { DesktopContent } from '../flex.js';
import type { HarnessNotificationsImpl } from '../notifications.js';
import type { SandboxApi } from '../sandbox-api.js';
import { AgentHeader } from './AgentHeader.js';
import { useSubscription } from './hooks.js';
import { React } from './react.js';
import { TaskCanvas } from './TaskCanvas.js';
import { TaskList } from './TaskList.js';
import { Toasts } from './Toasts.js';

export interface AgentDesktopProps {
  desktop: DesktopStateStore;
  content: DesktopContent;
  actions: HarnessActions;
  notifications: HarnessNotificationsImpl;
  api?: SandboxApi;
}

export const AgentDesktop = ({ desktop, content, actions, notifications, api }: AgentDesktopProps) => {
  const { plugins } = useSubscription(desktop, () => desktop.getState());
  return (
    <div
      className="agent-desktop"
      data-testid="agent-desktop"
      data-plugins-loaded={plugins.loaded.length > 0 ? plugins.loaded.join(' ') : undefined}
    >
      <AgentHeader content={content} />
      {plugins.error ? (
        <div className="plugin-error" role="alert" data-testid="plugin-error">
          {plugins.error}
        </div>
      ) : null}
      <main className="desktop-body">
        <TaskList desktop={desktop} content={content} actions={actions} />
        <TaskCanvas desktop={desktop} content={content} actions={actions} api={api} />
      </main>
      <Toasts notifications={notifications} />
    </div>
  );
};
