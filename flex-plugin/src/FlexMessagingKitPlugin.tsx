import * as Flex from '@twilio/flex-ui';
import { FlexPlugin } from '@twilio/flex-plugin';

import { features } from './feature-library';
import { loadFeatures } from './utils/feature-loader';

const PLUGIN_NAME = 'FlexMessagingKitPlugin';

export default class FlexMessagingKitPlugin extends FlexPlugin {
  constructor() {
    super(PLUGIN_NAME);
  }

  /**
   * Flex calls this once, with the Flex global and the Manager. Everything a feature adds is
   * declared by the feature itself; the plugin only walks the list.
   */
  init(flex: typeof Flex, manager: Flex.Manager): void {
    loadFeatures(flex, manager, features);
  }
}
