import type * as Flex from '@twilio/flex-ui';
import * as React from 'react';

import type { FlexGlobal, PluginManager } from '../types/feature';

type ContentStore = typeof Flex.MainHeader.Content;

/** A Flex content store that records calls instead of rendering. */
export const recordingContentStore = () => ({
  add: jest.fn<ReturnType<ContentStore['add']>, Parameters<ContentStore['add']>>(() => () => undefined),
  replace: jest.fn<ReturnType<ContentStore['replace']>, Parameters<ContentStore['replace']>>(() => () => undefined),
  remove: jest.fn<ReturnType<ContentStore['remove']>, Parameters<ContentStore['remove']>>(() => () => undefined),
});

export type RecordingContentStore = ReturnType<typeof recordingContentStore>;

/** The slice of the Flex global our features touch, with recording content stores. */
export const fakeFlex = () => {
  const flex = {
    MainHeader: { Content: recordingContentStore() },
    TaskCanvas: { Content: recordingContentStore() },
    TaskCanvasHeader: { Content: recordingContentStore() },
    TaskInfoPanel: { Content: recordingContentStore() },
    TaskListItem: { Content: recordingContentStore() },
    SideNav: { Content: recordingContentStore() },
    ViewCollection: { Content: recordingContentStore() },
    View: ({ children }: { name: string; children?: unknown }) => children,
    SideLink: ({ children, onClick }: { children?: React.ReactNode; onClick?: () => void }) =>
      React.createElement('button', { type: 'button', onClick }, children),
    Actions: {
      registerAction: jest.fn(),
      invokeAction: jest.fn(async () => undefined),
      addListener: jest.fn(),
      removeListener: jest.fn(),
      replaceAction: jest.fn(),
    },
    Notifications: { registerNotification: jest.fn(), showNotification: jest.fn() },
    NotificationType: { information: 'information', success: 'success', warning: 'warning', error: 'error' },
  };
  return { flex, asFlexGlobal: flex as unknown as FlexGlobal };
};

export interface FakeManagerOptions {
  uiAttributes?: Record<string, unknown> | undefined;
  token?: string;
  localeTag?: string;
}

/** A Manager with only what the plugin reads: ui_attributes, the agent's token, strings, locale. */
export const fakeManager = ({ uiAttributes, token = 'agent-token', localeTag }: FakeManagerOptions = {}) =>
  ({
    serviceConfiguration: uiAttributes === undefined ? {} : { ui_attributes: uiAttributes },
    user: { identity: 'alice', token, roles: ['agent'] },
    strings: {},
    localization: localeTag ? { localeTag } : undefined,
  }) as unknown as PluginManager;

/** What a mocked fetch answers. */
export const jsonResponse = (status: number, body: unknown) =>
  ({
    ok: status >= 200 && status < 300,
    status,
    text: async () => (typeof body === 'string' ? body : JSON.stringify(body)),
  }) as Response;

export const healthReport = (ready: boolean) => ({
  status: ready ? 'UP' : 'DOWN',
  live: true,
  ready,
  mode: 'sandbox',
  version: '0.1.0',
  checks: { database: { healthy: ready, detail: ready ? 'H2 file ./data' : 'connection refused' } },
});
