/**
 * Build-time stand-in for @twilio-paste/utils (see webpack.config.js).
 *
 * The published package is one pre-bundled file that inlines lodash for `useWindowSize`; the
 * minifier cannot drop it, so Paste's Input and TextArea, which need only `useMergeRefs`, cost
 * ~8 KB gzip. The two ref helpers below behave exactly like Paste's; the other hooks still come
 * from the original file, which is bundled only if a component uses one of them.
 */
import { useMemo } from 'react';

export { useMutationObservable, useWindowSize } from '@twilio-paste/utils/dist/index.es.js';

export function assignRef(ref, value) {
  if (ref == null) {
    return;
  }
  if (typeof ref === 'function') {
    ref(value);
    return;
  }
  try {
    ref.current = value;
  } catch {
    throw new Error(`Cannot assign value '${value}' to ref '${ref}'`);
  }
}

/* eslint-disable react-hooks/exhaustive-deps -- the refs themselves are the dependency list */
export function useMergeRefs(...refs) {
  return useMemo(
    () => (refs.every((ref) => ref == null) ? null : (node) => refs.forEach((ref) => ref && assignRef(ref, node))),
    refs,
  );
}
/* eslint-enable react-hooks/exhaustive-deps */
