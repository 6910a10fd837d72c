import type { DesktopStateStore } from '../desktop-state.js';
import type { HarnessActions } from '../flex-contract.js';
import type { DesktopContent } from '../flex.js';
import type { HarnessNotificationsImpl } from '../notifications.js';
import type { SandboxApi } from '../sandbox-api.js';
import { AGENT_DESKTOP_VIEW } from '../desktop-state.js';
import { AgentHeader } from './AgentHeader.js';
import { Fragments } from './Fragments.js';
import { useSubscription } from './hooks.js';
import { React } from './react.js';
import { TaskCanvas } from './TaskCanvas.js';
import { TaskList } from './TaskList.js';
import { Toasts } from './Toasts.js';
import { ActiveViewContext, HarnessSideLink } from './Views.js';

export interface AgentDesktopProps {
  desktop: DesktopStateStore;
  content: DesktopContent;
  actions: HarnessActions;
  notifications: HarnessNotificationsImpl;
  api?: SandboxApi;
}

export const AgentDesktop = ({ desktop, content, actions, notifications, api }: AgentDesktopProps) => {
  const { plugins, activeView } = useSubscription(desktop, () => desktop.getState());
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
      <div className="desktop-frame">
        <nav className="side-nav" aria-label="Views" data-testid="side-nav">
          <Fragments store={content.SideNav} childProps={{ activeView }} />
        </nav>
        <ActiveViewContext.Provider value={activeView}>
          {/* Flex keeps the agent desktop mounted while another view shows. */}
          <main className="desktop-body" hidden={activeView !== AGENT_DESKTOP_VIEW}>
            <TaskList desktop={desktop} content={content} actions={actions} />
            <TaskCanvas desktop={desktop} content={content} actions={actions} api={api} />
          </main>
          <Fragments store={content.ViewCollection} childProps={{ activeView }} />
        </ActiveViewContext.Provider>
      </div>
      <Toasts notifications={notifications} />
    </div>
  );
};

/** Flex's own side link back to the agent desktop. */
export const AgentDesktopLink = ({ actions, activeView }: { actions: HarnessActions; activeView?: string }) => (
  <HarnessSideLink
    icon="AD"
    isActive={activeView === AGENT_DESKTOP_VIEW}
    onClick={() => {
      actions.invokeAction('NavigateToView', { viewName: AGENT_DESKTOP_VIEW }).catch(() => undefined);
    }}
  >
    Agent desktop
  </HarnessSideLink>
);
