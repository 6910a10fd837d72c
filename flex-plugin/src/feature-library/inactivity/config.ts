import type { PluginManager } from '../../types/feature';
import { readFeatureSettings } from '../../utils/config';

export const FEATURE_NAME = 'inactivity';

/** How often the countdowns are re-read from the server; the badge only renders them. */
export const DEFAULT_POLL_INTERVAL_MS = 5_000;

export const DEFAULT_SNOOZE_MINUTES = 5;

type ConfigSource = Pick<PluginManager, 'serviceConfiguration'>;

/** On unless `ui_attributes.flexMessagingKit.features.inactivity.enabled` is `false`. */
export const isFeatureEnabled = (manager: ConfigSource): boolean =>
  readFeatureSettings(manager, FEATURE_NAME).enabled !== false;

const positiveInteger = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;

export const getPollIntervalMs = (manager: ConfigSource): number =>
  positiveInteger(readFeatureSettings(manager, FEATURE_NAME).pollIntervalMs, DEFAULT_POLL_INTERVAL_MS);

export const getSnoozeMinutes = (manager: ConfigSource): number =>
  Math.min(60, positiveInteger(readFeatureSettings(manager, FEATURE_NAME).snoozeMinutes, DEFAULT_SNOOZE_MINUTES));
