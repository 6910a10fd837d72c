import type * as FlexUI from '@twilio/flex-ui';

import type { DesktopStateStore } from './desktop-state.js';
import type {
  HarnessFlex,
  HarnessManager,
  HarnessPlugins,
  PluginConstructor,
  PluginInstance,
} from './flex-contract.js';

/** Where the backend serves the production plugin bundle. */
export const PLUGIN_BUNDLE_URL = '/plugin/plugin-flex-messaging-kit.js';

/** A plugin that has not finished `init` by then is reported as failed. */
const INIT_TIMEOUT_MS = 15_000;

/** What e2e tests wait for: `window.__fmkHarness.pluginsLoaded`. */
export interface HarnessReport {
  pluginsLoaded: string[];
}

declare global {
  interface Window {
    __fmkHarness?: HarnessReport;
  }
}

const withTimeout = <T>(promise: Promise<T>, ms: number, message: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The name Flex reports for a plugin: its package name (FlexPlugin's uniqueName), else its name. */
const pluginName = (plugin: PluginInstance): string => {
  const { uniqueName } = plugin as PluginInstance & { uniqueName?: unknown };
  return typeof uniqueName === 'string' && uniqueName !== '' ? uniqueName : plugin.name;
};

/**
 * Plays Flex's plugin manager for one page: bundles call `Twilio.Flex.Plugins.init(PluginClass)`
 * when they load; we construct the plugin and await its `init(flex, manager)`.
 */
export class PluginHost {
  private readonly inits: Array<Promise<string>> = [];

  private flex: HarnessFlex | null = null;

  constructor(
    private readonly desktop: DesktopStateStore,
    private readonly manager: HarnessManager,
  ) {}

  /** `Twilio.Flex.Plugins`, bound to this host. */
  readonly plugins: HarnessPlugins = {
    init: (Plugin: PluginConstructor): void => {
      this.inits.push(this.initPlugin(Plugin));
    },
  };

  attach(flex: HarnessFlex): void {
    this.flex = flex;
  }

  /** Loads the bundle, waits for every plugin it registered, and publishes the result. */
  async load(src: string = PLUGIN_BUNDLE_URL): Promise<string[]> {
    try {
      await this.injectScript(src);
      if (this.inits.length === 0) {
        throw new Error(`${src} loaded but did not call Twilio.Flex.Plugins.init`);
      }
      const names = await Promise.all(this.inits);
      window.__fmkHarness = { pluginsLoaded: this.desktop.getState().plugins.loaded };
      return names;
    } catch (error) {
      const message = `Plugin failed to load: ${describeError(error)}`;
      console.error(`[harness] ${message}`, error);
      this.desktop.pluginFailed(message);
      return [];
    }
  }

  private async initPlugin(Plugin: PluginConstructor): Promise<string> {
    if (!this.flex) {
      throw new Error('Twilio.Flex.Plugins.init called before the desktop was ready');
    }
    const plugin = new Plugin();
    const name = pluginName(plugin);
    // The plugin is typed against the whole of Flex; the harness hands over the subset declared in
    // flex-contract.ts, which is all the plugin may rely on.
    await withTimeout(
      Promise.resolve(plugin.init(this.flex as unknown as typeof FlexUI, this.manager as unknown as FlexUI.Manager)),
      INIT_TIMEOUT_MS,
      `${name}.init did not finish within ${INIT_TIMEOUT_MS / 1000}s`,
    ).catch((error: unknown) => {
      throw new Error(`${name}.init failed: ${describeError(error)}`);
    });
    this.desktop.pluginLoaded(name);
    return name;
  }

  /** Resolves once the bundle has run; rejects on a network error or an exception while it ran. */
  private injectScript(src: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const absolute = new URL(src, window.location.href).href;
      const onError = (event: ErrorEvent) => {
        if (event.filename === absolute) {
          cleanup();
          reject(new Error(`${src} threw while loading: ${event.message}`));
        }
      };
      const cleanup = () => window.removeEventListener('error', onError);
      window.addEventListener('error', onError);

      const script = document.createElement('script');
      script.src = src;
      script.async = true;
      script.onload = () => {
        cleanup();
        resolve();
      };
      script.onerror = () => {
        cleanup();
        reject(new Error(`could not fetch ${src}`));
      };
      document.head.appendChild(script);
    });
  }
}
