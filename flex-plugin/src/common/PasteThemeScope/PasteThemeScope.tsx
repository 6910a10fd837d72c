import * as React from 'react';
import { CustomizationProvider } from '@twilio-paste/core/customization';
import { ThemeProvider } from '@twilio-paste/core/styling-library';
import { DefaultTheme, useTheme } from '@twilio-paste/core/theme';

import type { FlexGlobal } from '../../types/feature';

/**
 * Gives Flex our Paste's CustomizationProvider, as Flex 2.17 asks plugins to (`Flex.setProviders`,
 * public_api/Providers in @twilio/flex-ui): Flex wraps its root in it with `baseTheme` 'default' or
 * 'dark' and its theme's token overrides, so every plugin component follows Flex's theme, dark and
 * custom branding included.
 */
export const provideFlexTheme = (flex: FlexGlobal): void => {
  if (typeof flex.setProviders === 'function') {
    flex.setProviders({ PasteThemeProvider: CustomizationProvider });
  }
};

/**
 * Our Paste components' design tokens: Flex's theme when Flex provides it (above), else Paste's
 * default theme, for a host without `setProviders`. Unlike `Theme.Provider`, the fallback adds no
 * global styles or web fonts, so it cannot restyle the rest of the page.
 */
export const PasteThemeScope = ({ children }: { children: React.ReactNode }): JSX.Element => {
  const provided = (useTheme() as { backgroundColors?: unknown } | undefined)?.backgroundColors !== undefined;
  return provided ? <>{children}</> : <ThemeProvider theme={DefaultTheme}>{children}</ThemeProvider>;
};
