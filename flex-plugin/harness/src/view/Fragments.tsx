import type { ContentStore } from '../content-store.js';
import { useSubscription } from './hooks.js';
import { React } from './react.js';

interface FragmentsProps {
  store: ContentStore;
  /** The props Flex would render the component with; fragments receive them too. */
  childProps?: Record<string, unknown>;
  /** Only the fragments of one section (MainHeader, SideNav). */
  align?: 'start' | 'end';
}

/** Renders what plugins put into one `Flex.<Component>.Content`. */
export const Fragments = ({ store, childProps = {}, align }: FragmentsProps) => {
  const fragments = useSubscription(store, () => store.visibleFragments(childProps, align));
  return (
    <>
      {fragments.map(({ key, element, options }) =>
        React.cloneElement(element, {
          key,
          ...(options.noChildProps ? {} : childProps),
          ...(element.props as object),
        }),
      )}
    </>
  );
};
