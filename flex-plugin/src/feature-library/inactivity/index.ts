import type { FeatureRegistration } from '../../types/feature';
import { FEATURE_NAME, isFeatureEnabled } from './config';
import { addInactivityBadges } from './flex-hooks/components/InactivityBadges';
import { registerInactivityNotifications } from './flex-hooks/notifications';
import { inactivityStrings } from './flex-hooks/strings';

/** The backend's `inactivity` capability: server-side countdowns shown on messaging tasks. */
export const register: FeatureRegistration = (manager) => ({
  name: FEATURE_NAME,
  enabled: isFeatureEnabled(manager),
  hooks: {
    strings: inactivityStrings,
    notifications: [registerInactivityNotifications],
    components: [addInactivityBadges],
  },
});
