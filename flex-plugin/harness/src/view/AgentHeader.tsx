import type { DesktopStateStore } from '../desktop-state.js';
import type { HarnessActions } from '../flex-contract.js';
import type { DesktopContent } from '../flex.js';
import { Fragments } from './Fragments.js';
import { useSubscription } from './hooks.js';
import { React } from './react.js';

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

/** Flex's activity selector: changes go through the SetActivity action, as in Flex. */
export const ActivityPill = ({ desktop, actions }: { desktop: DesktopStateStore; actions: HarnessActions }) => {
  const { agent, activities } = useSubscription(desktop, () => desktop.getState());
  return (
    <label className={`activity-pill ${agent.activity.available ? 'is-available' : 'is-unavailable'}`}>
      <span className="activity-dot" aria-hidden="true" />
      <span className="visually-hidden">Activity</span>
      <select
        data-testid="agent-activity"
        value={agent.activity.name}
        onChange={(event) => {
          actions.invokeAction('SetActivity', { activityName: event.target.value }).catch((error: unknown) => {
            console.error('[harness] SetActivity failed', error);
          });
        }}
      >
        {activities.map((activity) => (
          <option key={activity.sid} value={activity.name}>
            {activity.name}
          </option>
        ))}
      </select>
      <span className="activity-caret" aria-hidden="true" />
    </label>
  );
};

export const UserControls = ({ desktop }: { desktop: DesktopStateStore }) => {
  const { agent } = useSubscription(desktop, () => desktop.getState());
  return (
    <div className="user-controls" data-testid="agent-identity" title={agent.identity}>
      <span className="avatar" aria-hidden="true">
        {initials(agent.fullName)}
      </span>
      <span className="agent-name">{agent.fullName}</span>
    </div>
  );
};

/**
 * Flex 2.17's MainHeader (MainHeaderImpl in @twilio/flex-ui's bundle): a start ContentFragment with
 * the hamburger and logo, which hides its overflow, and an `align: 'end'` one with notifications,
 * the activity and the user. An item added without `align` lands in the start section, before the
 * logo.
 */
export const AgentHeader = ({ content }: { content: DesktopContent }) => (
  <header className="agent-header" data-testid="agent-header">
    <div className="main-header-start" data-testid="main-header-start">
      <Fragments store={content.MainHeader} align="start" />
    </div>
    <div className="brand">
      <span className="brand-mark" aria-hidden="true">
        FM
      </span>
      <span className="brand-name">Flex Messaging Kit</span>
      <span className="brand-tag">Sandbox</span>
    </div>
    <div className="main-header-content" data-testid="main-header-content">
      <Fragments store={content.MainHeader} align="end" />
    </div>
  </header>
);
