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

/**
 * Our own Transfer button in the task canvas header (default on). Flex 2.17's own Transfer (the
 * `ShowDirectory` action) opens our directory for messaging tasks either way; where Flex shows its
 * button for conversations, set `ui_attributes.flexMessagingKit.features.transfer.ownButton` to
 * `false` and that button is the one entry point.
 */
export const showsOwnButton = (manager: ConfigSource): boolean =>
  readFeatureSettings(manager, FEATURE_NAME).ownButton !== false;
