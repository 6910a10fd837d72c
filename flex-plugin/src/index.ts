import * as FlexPlugin from '@twilio/flex-plugin';

import FlexMessagingKitPlugin from './FlexMessagingKitPlugin';

FlexPlugin.loadPlugin(FlexMessagingKitPlugin);
