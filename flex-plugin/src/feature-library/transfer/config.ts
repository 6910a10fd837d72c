import type { PluginManager } from '../../types/feature';
import { readFeatureSettings } from '../../utils/config';

export const FEATURE_NAME = 'transfer';

/** How often a pending transfer's status is re-read while the agent waits. */
export const DEFAULT_POLL_INTERVAL_MS = 2_000;

type ConfigSource = Pick<PluginManager, 'serviceConfiguration'>;

/** On unless `ui_attributes.flexMessagingKit.features.transfer.enabled` is `false`. */
export const isFeatureEnabled = (manager: ConfigSource): boolean =>
  readFeatureSettings(manager, FEATURE_NAME).enabled !== false;

export const getPollIntervalMs = (manager: ConfigSource): number => {
  const value = readFeatureSettings(manager, FEATURE_NAME).pollIntervalMs;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : DEFAULT_POLL_INTERVAL_MS;
};
