import type * as FlexUI from '@twilio/flex-ui';

/** What Flex puts in `FlexError.content` (its own type, from @twilio/flex-ui). */
export type FlexErrorContent = FlexUI.FlexError['content'];

/**
 * Flex's `FlexError` (@twilio/flex-ui src/FlexError.d.ts), as `ErrorManager.createAndProcessError`
 * makes it: the message, and `content` with the wrapped original, where it happened and defaults
 * for type, severity and Twilio error code. Only the harness makes these; the plugin reads them.
 */
export class HarnessFlexError extends Error {
  readonly content: FlexErrorContent;

  constructor(message: string, content: FlexUI.FlexErrorContents = {}) {
    super(message);
    this.name = 'FlexError';
    this.content = {
      ...content,
      type: content.type ?? ('app' as FlexErrorContent['type']),
      severity: content.severity ?? ('normal' as FlexErrorContent['severity']),
      twilioErrorCode: content.twilioErrorCode ?? (45600 as FlexErrorContent['twilioErrorCode']),
    };
  }
}

export const flexError = (message: string, content: FlexUI.FlexErrorContents = {}): HarnessFlexError =>
  new HarnessFlexError(message, content);

/** Flex's `isCoreError`: a FlexError passes through `invokeAction` unwrapped. */
export const isFlexError = (error: unknown): error is HarnessFlexError => error instanceof HarnessFlexError;
