import type * as FlexUI from '@twilio/flex-ui';

/**
 * The real Flex UI 2.17 (@twilio/flex-ui's production bundle), for tests that must behave as Flex
 * does: its Actions framework, NotificationManager and FlexError run without a Twilio login. Loading
 * it takes a few seconds. jsdom has no media playback, which Flex's audio manager uses on load.
 * Only tests load it: the plugin bundle keeps @twilio/flex-ui external.
 */
export const loadRealFlex = (): typeof FlexUI => {
  Object.defineProperty(window.HTMLMediaElement.prototype, 'play', {
    configurable: true,
    value: () => Promise.resolve(),
  });
  Object.defineProperty(window.HTMLMediaElement.prototype, 'pause', { configurable: true, value: () => undefined });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@twilio/flex-ui') as typeof FlexUI;
};

let sequence = 0;

/** A fresh action or notification name: the real Flex keeps one registry per page. */
export const uniqueName = (base: string): string => {
  sequence += 1;
  return `${base}${sequence}`;
};
