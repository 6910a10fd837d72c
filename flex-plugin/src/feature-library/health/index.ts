import type { FeatureRegistration } from '../../types/feature';
import { FEATURE_NAME, isFeatureEnabled } from './config';
import { addBackendStatusToMainHeader } from './flex-hooks/components/MainHeader';
import { healthStrings } from './flex-hooks/strings';

/** The backend's `health` capability, seen by the agent as a header badge. */
export const register: FeatureRegistration = (manager) => ({
  name: FEATURE_NAME,
  enabled: isFeatureEnabled(manager),
  hooks: {
    strings: healthStrings,
    components: [addBackendStatusToMainHeader],
  },
});
