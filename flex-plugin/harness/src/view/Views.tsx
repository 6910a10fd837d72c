import type * as FlexUI from '@twilio/flex-ui';
import type * as ReactTypes from 'react';

import { React } from './react.js';

/** The name of the view the side nav selected; the desktop provides it around the views. */
export const ActiveViewContext = React.createContext<string>('agent-desktop');

/**
 * Flex's `View`: its children show while it is the active view. Like Flex's default mount rule,
 * an inactive view is unmounted unless it asks to stay mounted.
 */
export const HarnessView = ({ name, children, keepMounted }: FlexUI.ViewProps): ReactTypes.ReactElement | null => {
  const active = React.useContext(ActiveViewContext) === name;
  if (!active && !keepMounted) {
    return null;
  }
  return (
    <section className="desk-view" data-view={name} hidden={!active}>
      {children}
    </section>
  );
};

/** Flex's `SideLink`: an icon button, labelled by its children, highlighted when `isActive`. */
export const HarnessSideLink = ({ icon, iconActive, isActive, onClick, children }: FlexUI.SideLinkProps) => {
  const shown = isActive ? (iconActive ?? icon) : icon;
  const label = typeof children === 'string' ? children : undefined;
  return (
    <button
      type="button"
      className={`side-link${isActive ? ' is-active' : ''}`}
      aria-current={isActive ? 'page' : undefined}
      title={label}
      onClick={onClick}
    >
      <span className="side-link-icon" aria-hidden="true">
        {typeof shown === 'string' ? shown.slice(0, 2) : shown}
      </span>
      <span className="side-link-label">{children}</span>
    </button>
  );
};
