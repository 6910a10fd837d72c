import type { FeatureRegistration } from '../../types/feature';
import { FEATURE_NAME, isFeatureEnabled } from './config';
import { registerOutboundActions } from './flex-hooks/actions';
import { addOutboundLauncherToMainHeader } from './flex-hooks/components/MainHeader';
import { addSentMessagesView } from './flex-hooks/components/SentMessagesView';
import { autoAcceptOutboundTasks } from './flex-hooks/events/auto-accept';
import { watchDeliveryFailures } from './flex-hooks/events/delivery-failures';
import { registerOutboundNotifications } from './flex-hooks/notifications';
import { outboundStrings } from './flex-hooks/strings';

/** The backend's `outbound` capability: agents start SMS/WhatsApp conversations. */
export const register: FeatureRegistration = (manager) => ({
  name: FEATURE_NAME,
  enabled: isFeatureEnabled(manager),
  hooks: {
    strings: outboundStrings,
    notifications: [registerOutboundNotifications],
    actions: [registerOutboundActions],
    components: [addOutboundLauncherToMainHeader, addSentMessagesView],
    events: [autoAcceptOutboundTasks, watchDeliveryFailures],
  },
});
