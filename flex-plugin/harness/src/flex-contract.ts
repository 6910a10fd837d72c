import type * as FlexUI from '@twilio/flex-ui';
import type * as ReactTypes from 'react';
import type { Store } from 'redux';

/**
 * What the sandbox agent desktop provides of the Flex global, expressed in @twilio/flex-ui's own
 * types. Every member is a Pick of the real thing, so when Flex renames or re-types something the
 * harness imitates, this file (and every implementation typed against it) stops compiling.
 */

type ContentStoreOperations = 'add' | 'remove' | 'replace';

/** A Flex programmable component's `Content`, limited to what the harness supports. */
export type ContentStoreOf<Store extends FlexUI.DynamicContentStore<any, any>> = Pick<Store, ContentStoreOperations>;

export type HarnessActions = Pick<
  typeof FlexUI.Actions,
  'registerAction' | 'invokeAction' | 'addListener' | 'removeListener' | 'replaceAction'
>;

export type HarnessNotifications = Pick<
  typeof FlexUI.Notifications,
  | 'registerNotification'
  | 'showNotification'
  | 'dismissNotification'
  | 'dismissNotificationById'
  | 'registeredNotifications'
>;

export type HarnessPlugins = Pick<typeof FlexUI.Plugins, 'init'>;

/** The plugin class `Twilio.Flex.Plugins.init` receives (what `FlexPlugin.loadPlugin` passes). */
export type PluginConstructor = Parameters<HarnessPlugins['init']>[0];
export type PluginInstance = InstanceType<PluginConstructor>;

export interface HarnessFlex {
  Plugins: HarnessPlugins;
  Actions: HarnessActions;
  Notifications: HarnessNotifications;
  NotificationType: typeof FlexUI.NotificationType;
  MainHeader: { Content: ContentStoreOf<typeof FlexUI.MainHeader.Content> };
  TaskListItem: { Content: ContentStoreOf<typeof FlexUI.TaskListItem.Content> };
  TaskCanvasHeader: { Content: ContentStoreOf<typeof FlexUI.TaskCanvasHeader.Content> };
  TaskCanvas: { Content: ContentStoreOf<typeof FlexUI.TaskCanvas.Content> };
  TaskInfoPanel: { Content: ContentStoreOf<typeof FlexUI.TaskInfoPanel.Content> };
  /** The links down the left edge; children get `activeView`, as in Flex. */
  SideNav: { Content: ContentStoreOf<typeof FlexUI.SideNav.Content> };
  /** The views the side links switch between (`NavigateToView {viewName}`). */
  ViewCollection: { Content: ContentStoreOf<typeof FlexUI.ViewCollection.Content> };
  View: typeof FlexUI.View;
  SideLink: ReactTypes.ComponentType<FlexUI.SideLinkProps>;
  /** Wraps the root in the plugin's Paste provider with Flex's theme (see providers.ts). */
  setProviders: typeof FlexUI.setProviders;
}

type Worker = NonNullable<FlexUI.Manager['workerClient']>;

/** ui_attributes as Flex types them, plus ours. */
export type HarnessUiAttributes = FlexUI.ServiceConfiguration['ui_attributes'] & {
  flexMessagingKit: {
    backendUrl: string;
    /** The sandbox's numbers, as an administrator would configure the outbound senders. */
    outbound?: { senders: { sms: string[]; whatsapp: string[] } };
  };
};

/** The harness keeps a tiny `flex` slice; plugins add their own slices next to it. */
export interface HarnessReduxState {
  flex: {
    worker: { sid: string; activityName: string; available: boolean };
    view: {
      selectedTaskSid: string | null;
      activeView: string;
      componentViewStates: Record<string, Record<string, unknown>>;
    };
  };
  [slice: string]: unknown;
}

/** The Manager members the harness provides; the plugin must not need more. */
export interface HarnessManager {
  serviceConfiguration: Pick<FlexUI.ServiceConfiguration, 'account_sid' | 'ui_language' | 'ui_version'> & {
    ui_attributes: HarnessUiAttributes;
  };
  user: Pick<FlexUI.Manager['user'], 'identity' | 'token' | 'roles' | 'tokenExpirationDate'>;
  /** A Redux store like Flex's: reducers added later with `addReducer`, as plugins do. */
  store: Pick<Store<HarnessReduxState>, 'getState' | 'dispatch' | 'subscribe' | 'replaceReducer'> & {
    addReducer: NonNullable<FlexUI.Manager['store']['addReducer']>;
  };
  strings: Partial<FlexUI.Manager['strings']> & Record<string, string>;
  localization: Pick<FlexUI.Manager['localization'], 'localeTag'>;
  /** `on`/`removeListener` carry `reservationCreated` and `activityUpdated`, as Flex's worker does. */
  workerClient: Pick<Worker, 'sid' | 'name' | 'attributes' | 'on' | 'removeListener'> & {
    activity: Pick<Worker['activity'], 'sid' | 'name' | 'available'>;
  };
}

/* ---- Drift guards: these lines fail to compile when the real Flex no longer matches. ---- */

type Assert<Condition extends true> = Condition;

/** The real Flex global offers at least everything the harness imitates, with compatible types. */
export type RealFlexCoversHarness = Assert<typeof FlexUI extends HarnessFlex ? true : false>;

/** The real Manager offers every member the harness provides, under the same names. */
export type RealManagerCoversHarness = Assert<
  Exclude<keyof HarnessManager, keyof FlexUI.Manager> extends never ? true : false
>;

/** The harness's NotificationType has exactly Flex's members and values. */
export type NotificationTypeValues = `${FlexUI.NotificationType}`;
