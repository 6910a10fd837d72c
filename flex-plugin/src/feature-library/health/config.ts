import type { PluginManager } from '../../types/feature';
import { readFeatureSettings } from '../../utils/config';

export const FEATURE_NAME = 'health';

/** How often the header badge re-checks the backend. */
export const DEFAULT_POLL_INTERVAL_MS = 30_000;

/** A check that takes longer than this counts as unreachable. */
export const DEFAULT_TIMEOUT_MS = 10_000;

type ConfigSource = Pick<PluginManager, 'serviceConfiguration'>;

/** On unless `ui_attributes.flexMessagingKit.features.health.enabled` is `false`. */
export const isFeatureEnabled = (manager: ConfigSource): boolean =>
  readFeatureSettings(manager, FEATURE_NAME).enabled !== false;

const positiveNumber = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;

export const getPollIntervalMs = (manager: ConfigSource): number =>
  positiveNumber(readFeatureSettings(manager, FEATURE_NAME).pollIntervalMs, DEFAULT_POLL_INTERVAL_MS);

export const getTimeoutMs = (manager: ConfigSource): number =>
  positiveNumber(readFeatureSettings(manager, FEATURE_NAME).timeoutMs, DEFAULT_TIMEOUT_MS);
