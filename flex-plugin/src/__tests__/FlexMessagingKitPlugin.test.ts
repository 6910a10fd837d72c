import type { ReactElement } from 'react';

import FlexMessagingKitPlugin from '../FlexMessagingKitPlugin';
import { features } from '../feature-library';
import { DEFAULT_POLL_INTERVAL_MS } from '../feature-library/health/config';
import { BackendStatus } from '../feature-library/health/custom-components/BackendStatus/BackendStatus';
import { fakeFlex, fakeManager } from '../test-support/flex-doubles';
import type { FeatureRegistration } from '../types/feature';
import { loadFeatures } from '../utils/feature-loader';

describe('plugin init', () => {
  it("adds the backend badge first in the main header's end section without replacing Flex content", () => {
    const { flex, asFlexGlobal } = fakeFlex();
    new FlexMessagingKitPlugin().init(asFlexGlobal, fakeManager() as never);

    const { add, replace, remove } = flex.MainHeader.Content;
    expect(replace).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();

    const [element, options] = add.mock.calls.find(
      ([candidate]) => (candidate as ReactElement).key === 'fmk-health-status',
    ) as [ReactElement, Record<string, unknown>];
    expect(options).toEqual({ sortOrder: -1, align: 'end', key: 'fmk-health-status' });
    expect(element.key).toBe('fmk-health-status');
    expect(element.type).toBe(BackendStatus);
    expect(element.props.pollIntervalMs).toBe(DEFAULT_POLL_INTERVAL_MS);
    expect(DEFAULT_POLL_INTERVAL_MS).toBe(30_000);
  });

  it('registers nothing for a feature switched off in ui_attributes', () => {
    const { flex, asFlexGlobal } = fakeFlex();
    const manager = fakeManager({
      uiAttributes: {
        flexMessagingKit: {
          features: {
            health: { enabled: false },
            inactivity: { enabled: false },
            transfer: { enabled: false },
            outbound: { enabled: false },
          },
        },
      },
    });

    expect(loadFeatures(asFlexGlobal, manager, features)).toEqual([]);
    expect(flex.MainHeader.Content.add).not.toHaveBeenCalled();
  });

  it("adds the feature's strings to manager.strings in the agent's language", () => {
    const { flex, asFlexGlobal } = fakeFlex();
    const manager = fakeManager({ localeTag: 'es-MX' });

    loadFeatures(asFlexGlobal, manager, features);

    const strings = manager.strings as unknown as Record<string, string>;
    expect(strings.FMKHealthConnected).toBe('Messaging Kit: conectado');
    const [element] = flex.MainHeader.Content.add.mock.calls.find(
      ([candidate]) => (candidate as ReactElement).key === 'fmk-health-status',
    ) as [ReactElement];
    expect(element.props.labels.unreachable).toBe('Messaging Kit: inaccesible');
  });
});

describe('feature loop', () => {
  it('registers notifications and actions before components, and events last', () => {
    const { asFlexGlobal } = fakeFlex();
    const order: string[] = [];
    const hook = (kind: string) => () => {
      order.push(kind);
    };
    loadFeatures(asFlexGlobal, fakeManager(), [
      () => ({
        name: 'outbound',
        enabled: true,
        hooks: {
          events: [hook('events')],
          components: [hook('components')],
          actions: [hook('actions')],
          notifications: [hook('notifications')],
        },
      }),
    ]);
    expect(order).toEqual(['notifications', 'actions', 'components', 'events']);
  });

  it('runs every enabled feature, in order, and reports their names', () => {
    const { flex, asFlexGlobal } = fakeFlex();
    const calls: string[] = [];
    const feature =
      (name: string, enabled: boolean): FeatureRegistration =>
      () => ({
        name,
        enabled,
        hooks: {
          components: [
            (f) => {
              calls.push(name);
              f.TaskCanvasHeader.Content.add({ type: 'span', props: {}, key: name } as ReactElement, { sortOrder: 1 });
            },
          ],
        },
      });

    const loaded = loadFeatures(asFlexGlobal, fakeManager(), [
      feature('outbound', true),
      feature('inactivity', false),
      feature('transfer', true),
    ]);

    expect(loaded).toEqual(['outbound', 'transfer']);
    expect(calls).toEqual(['outbound', 'transfer']);
    expect(flex.TaskCanvasHeader.Content.add).toHaveBeenCalledTimes(2);
    expect(flex.TaskCanvasHeader.Content.replace).not.toHaveBeenCalled();
  });
});
