import * as React from 'react';
import { DefaultTheme } from '@twilio-paste/core/theme';
import { ThemeProvider } from '@twilio-paste/core/styling-library';

/**
 * Gives our Paste components their design tokens.
 *
 * Flex renders its own Paste with its own emotion instance, whose theme context our bundled Paste
 * cannot see, so each plugin root needs a theme. Unlike `Theme.Provider`, this adds no global
 * styles or web fonts, so it cannot restyle the rest of Flex.
 */
export const PasteThemeScope = ({ children }: { children: React.ReactNode }): JSX.Element => (
  <ThemeProvider theme={DefaultTheme}>{children}</ThemeProvider>
);
