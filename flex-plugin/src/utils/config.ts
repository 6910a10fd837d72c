import type { PluginManager } from '../types/feature';

/** Where our settings live in the Flex configuration: `ui_attributes.flexMessagingKit`. */
export const UI_ATTRIBUTES_KEY = 'flexMessagingKit';

/** Used when neither ui_attributes nor the build set a backend URL: the backend's default port. */
export const FALLBACK_BACKEND_URL = 'http://localhost:8080';

export interface FeatureSettings {
  enabled?: boolean;
  [setting: string]: unknown;
}

/** The `ui_attributes.flexMessagingKit` object as an administrator writes it. */
export interface MessagingKitUiAttributes {
  backendUrl?: string;
  features?: Record<string, FeatureSettings | undefined>;
}

type ConfigSource = Pick<PluginManager, 'serviceConfiguration'>;

/**
 * Build-time default: `FLEX_APP_BACKEND_URL` from the environment or `.env` at build time (the
 * Flex build inlines FLEX_APP_* variables), else the local backend.
 */
export const buildTimeBackendUrl = (): string => process.env.FLEX_APP_BACKEND_URL || FALLBACK_BACKEND_URL;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Our part of ui_attributes; an empty object when Flex has none (or something malformed). */
export const readUiAttributes = (manager: ConfigSource): MessagingKitUiAttributes => {
  const uiAttributes: unknown = manager.serviceConfiguration?.ui_attributes;
  if (!isRecord(uiAttributes)) {
    return {};
  }
  const ours = uiAttributes[UI_ATTRIBUTES_KEY];
  return isRecord(ours) ? (ours as MessagingKitUiAttributes) : {};
};

/** The backend's base URL without a trailing slash, so callers can append `/path`. */
export const getBackendUrl = (manager: ConfigSource): string => {
  const configured = readUiAttributes(manager).backendUrl;
  const url = typeof configured === 'string' && configured.trim() !== '' ? configured.trim() : buildTimeBackendUrl();
  return url.replace(/\/+$/, '');
};

/** One feature's settings block (`features.<name>`), or an empty object. */
export const readFeatureSettings = (manager: ConfigSource, feature: string): FeatureSettings => {
  const settings = readUiAttributes(manager).features?.[feature];
  return isRecord(settings) ? settings : {};
};
