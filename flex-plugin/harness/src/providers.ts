import type * as FlexUI from '@twilio/flex-ui';
import type * as ReactTypes from 'react';

import { vendor } from './globals.js';

type SetProviders = typeof FlexUI.setProviders;
export type ProvidersProps = Parameters<SetProviders>[0];

/** Flex's theme as `setProviders` hands it to the Paste provider: light or dark, and token overrides. */
export interface DesktopTheme {
  isLight: boolean;
  tokens?: Record<string, unknown>;
}

/**
 * Flex 2.17's `setProviders` (public_api/Providers in @twilio/flex-ui's bundle): it wraps the root
 * in the plugin's Paste `CustomizationProvider` with `baseTheme` 'default' or 'dark' from Flex's
 * theme and `theme` = Flex's token overrides, so every plugin component below gets Flex's theme.
 * The page is rendered before plugins load, so the root re-renders when a provider arrives.
 */
export class DesktopProviders {
  private providers: ProvidersProps = {};

  private readonly listeners = new Set<() => void>();

  constructor(readonly theme: DesktopTheme) {}

  readonly setProviders: SetProviders = (providers) => {
    this.providers = { ...this.providers, ...providers };
    this.listeners.forEach((listener) => listener());
  };

  /** The desktop wrapped as Flex wraps its root. */
  wrap(children: ReactTypes.ReactElement): ReactTypes.ReactElement {
    const { React } = vendor();
    const Paste = this.providers.PasteThemeProvider as unknown as ReactTypes.ComponentType<Record<string, unknown>>;
    if (!Paste) {
      return children;
    }
    return React.createElement(
      Paste,
      {
        baseTheme: this.theme.isLight ? 'default' : 'dark',
        theme: this.theme.tokens,
        style: { minWidth: '100%', height: '100%' },
      },
      children,
    );
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
