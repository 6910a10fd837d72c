import { features } from '../feature-library';
import { fakeFlex, fakeManager } from '../test-support/flex-doubles';
import { loadRealFlex } from '../test-support/real-flex';
import type { FlexGlobal } from '../types/feature';
import { loadFeatures } from '../utils/feature-loader';

/**
 * Every feature registered against Flex 2.17's own Actions and NotificationManager, which throws
 * when a notification id is registered twice (the harness used to overwrite it silently).
 */
describe('the plugin on the real Flex Actions and Notifications', () => {
  it('registers every action and notification once, with no id taken twice', () => {
    const realFlex = loadRealFlex();
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const flex = {
      ...fakeFlex().flex,
      Actions: realFlex.Actions,
      Notifications: realFlex.Notifications,
      NotificationType: realFlex.NotificationType,
    } as unknown as FlexGlobal;

    expect(loadFeatures(flex, fakeManager(), features)).toEqual(['health', 'outbound', 'inactivity', 'transfer']);
    const ids = Array.from(realFlex.Notifications.registeredNotifications.keys()).filter((id) => id.startsWith('FMK'));
    expect(ids).toEqual(expect.arrayContaining(['FMKOutboundSent', 'FMKInactivityWrappedUp', 'FMKTransferFailed']));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
