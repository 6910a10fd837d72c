import * as React from 'react';
import { render } from '@testing-library/react';
import { CustomizationProvider } from '@twilio-paste/core/customization';
import { DarkTheme, DefaultTheme, useTheme } from '@twilio-paste/core/theme';

import { fakeFlex } from '../../../test-support/flex-doubles';
import type { FlexGlobal } from '../../../types/feature';
import { PasteThemeScope, provideFlexTheme } from '../PasteThemeScope';

type Tokens = { backgroundColors: { colorBackgroundBody: string }; textColors: { colorText: string } };

const Seen = ({ onTheme }: { onTheme: (theme: Tokens) => void }) => {
  onTheme(useTheme() as unknown as Tokens);
  return null;
};

const themeInside = (wrap: (children: React.ReactElement) => React.ReactElement): Tokens => {
  let seen: Tokens | undefined;
  render(
    wrap(
      <PasteThemeScope>
        <Seen onTheme={(theme) => (seen = theme)} />
      </PasteThemeScope>,
    ),
  );
  return seen as Tokens;
};

describe("the plugin follows Flex's theme", () => {
  it('hands Flex our CustomizationProvider through setProviders', () => {
    const setProviders = jest.fn();
    provideFlexTheme({ ...fakeFlex().flex, setProviders } as unknown as FlexGlobal);
    expect(setProviders).toHaveBeenCalledWith({ PasteThemeProvider: CustomizationProvider });
  });

  it("takes Flex's dark theme, as Flex renders the provider for it (baseTheme 'dark')", () => {
    const theme = themeInside((children) => <CustomizationProvider baseTheme="dark">{children}</CustomizationProvider>);
    expect(theme.backgroundColors.colorBackgroundBody).toBe(DarkTheme.backgroundColors.colorBackgroundBody);
    expect(theme.backgroundColors.colorBackgroundBody).not.toBe(DefaultTheme.backgroundColors.colorBackgroundBody);
  });

  it("takes Flex's token overrides (custom branding)", () => {
    const theme = themeInside((children) => (
      <CustomizationProvider baseTheme="default" theme={{ textColors: { colorText: 'rgb(1, 2, 3)' } } as never}>
        {children}
      </CustomizationProvider>
    ));
    expect(theme.textColors.colorText).toBe('rgb(1, 2, 3)');
  });

  it('falls back to the default theme on a host without setProviders', () => {
    const theme = themeInside((children) => children);
    expect(theme.backgroundColors.colorBackgroundBody).toBe(DefaultTheme.backgroundColors.colorBackgroundBody);
  });
});
