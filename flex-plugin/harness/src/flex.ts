import { HarnessActionsImpl } from './actions.js';
import { ContentStore } from './content-store.js';
import type { DesktopStateStore } from './desktop-state.js';
import type { HarnessFlex, HarnessManager, HarnessPlugins } from './flex-contract.js';
import { HarnessNotificationsImpl, NotificationType } from './notifications.js';
import type { DesktopProviders } from './providers.js';
import { HarnessSideLink, HarnessView } from './view/Views.js';

/** The content stores the page renders, by Flex component name. */
export interface DesktopContent {
  MainHeader: ContentStore;
  TaskListItem: ContentStore;
  TaskCanvasHeader: ContentStore;
  TaskCanvas: ContentStore;
  TaskInfoPanel: ContentStore;
  SideNav: ContentStore;
  ViewCollection: ContentStore;
}

export interface HarnessFlexParts {
  flex: HarnessFlex;
  content: DesktopContent;
  notifications: HarnessNotificationsImpl;
}

/**
 * Builds `Twilio.Flex` for the sandbox desktop. `plugins` is what `Twilio.Flex.Plugins.init`
 * does; the plugin host supplies it.
 */
export const createHarnessFlex = (
  desktop: DesktopStateStore,
  manager: HarnessManager,
  plugins: HarnessPlugins,
  providers: DesktopProviders,
): HarnessFlexParts => {
  const content: DesktopContent = {
    MainHeader: new ContentStore('MainHeader'),
    TaskListItem: new ContentStore('TaskListItem'),
    TaskCanvasHeader: new ContentStore('TaskCanvasHeader'),
    TaskCanvas: new ContentStore('TaskCanvas'),
    TaskInfoPanel: new ContentStore('TaskInfoPanel'),
    SideNav: new ContentStore('SideNav'),
    ViewCollection: new ContentStore('ViewCollection'),
  };
  const actions = new HarnessActionsImpl();
  const notifications = new HarnessNotificationsImpl(() => manager.strings);

  // The built-in actions a desktop needs; plugins may listen to or replace them as in Flex.
  actions.registerAction('SelectTask', async (payload: { sid?: string; task?: { sid: string } }) => {
    const sid = payload.sid ?? payload.task?.sid ?? null;
    // Flex selects by reservation sid; the desktop keys tasks by task sid.
    const task = desktop
      .getState()
      .tasks.find((candidate) => candidate.sid === sid || candidate.reservationSid === sid);
    desktop.selectTask(task?.sid ?? sid);
  });
  actions.registerAction('SetActivity', async (payload: { activityName?: string; activitySid?: string }) => {
    const { activities } = desktop.getState();
    const name = payload.activityName ?? activities.find((activity) => activity.sid === payload.activitySid)?.name;
    if (!name) {
      throw new Error('SetActivity needs activityName or activitySid');
    }
    desktop.setActivity(name);
  });

  // Flex's GeneralActions.setComponentState: state for components that keep it in Flex's store.
  actions.registerAction('SetComponentState', async (payload: { name?: string; state?: Record<string, unknown> }) => {
    if (payload?.name) {
      desktop.setComponentState(payload.name, payload.state ?? {});
    }
  });

  actions.registerAction('NavigateToView', async (payload: { viewName?: string }) => {
    if (!payload?.viewName) {
      throw new Error('NavigateToView needs viewName');
    }
    desktop.navigate(payload.viewName);
  });

  // Flex's ShowDirectory opens its worker directory; the sandbox has none, so only plugins' replacements act.
  actions.registerAction('ShowDirectory', async () => {
    console.warn('[harness] ShowDirectory: the sandbox desktop has no worker directory of its own');
  });

  // Flex's TransferTask transfers voice calls; the sandbox has none, so only plugins' hooks act.
  actions.registerAction('TransferTask', async (payload: { targetSid?: string }) => {
    console.warn(`[harness] TransferTask to ${payload.targetSid ?? '?'}: the sandbox desktop transfers no voice calls`);
  });

  const flex: HarnessFlex = {
    Plugins: plugins,
    Actions: actions,
    Notifications: notifications,
    NotificationType,
    MainHeader: { Content: content.MainHeader },
    TaskListItem: { Content: content.TaskListItem },
    TaskCanvasHeader: { Content: content.TaskCanvasHeader },
    TaskCanvas: { Content: content.TaskCanvas },
    TaskInfoPanel: { Content: content.TaskInfoPanel },
    SideNav: { Content: content.SideNav },
    ViewCollection: { Content: content.ViewCollection },
    View: HarnessView,
    SideLink: HarnessSideLink,
    setProviders: providers.setProviders,
  };
  return { flex, content, notifications };
};
