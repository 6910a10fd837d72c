import { React } from './react.js';

interface Subscribable {
  subscribe(listener: () => void): () => void;
}

/** Re-renders whenever `source` reports a change, and returns `read()`'s current value. */
export const useSubscription = <T>(source: Subscribable, read: () => T): T => {
  const [, setVersion] = React.useState(0);
  React.useEffect(() => source.subscribe(() => setVersion((version) => version + 1)), [source]);
  return read();
};
