import * as Flex from '@twilio/flex-ui';
import { FlexPlugin } from '@twilio/flex-plugin';

import { provideFlexTheme } from './common/PasteThemeScope/PasteThemeScope';
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
    provideFlexTheme(flex);
    loadFeatures(flex, manager, features);
  }
}
