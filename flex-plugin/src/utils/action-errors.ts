/**
 * The error an action's body threw, from what `Flex.Actions.invokeAction` rejected with. Flex 2.17
 * wraps every error of an action body in a FlexError (the original at `content.wrappedError`, see
 * ActionsImpl.invokeAction in @twilio/flex-ui's bundle); anything else is returned as it is.
 */
export const actionError = (rejected: unknown): unknown => {
  const wrapped = (rejected as { content?: { wrappedError?: unknown } } | null)?.content?.wrappedError;
  return wrapped === undefined ? rejected : wrapped;
};
