import type { PluginManager } from '../../types/feature';
import { readFeatureSettings, readUiAttributes } from '../../utils/config';
import type { Senders } from './types/outbound';

export const FEATURE_NAME = 'outbound';

type ConfigSource = Pick<PluginManager, 'serviceConfiguration'>;

/** On unless `ui_attributes.flexMessagingKit.features.outbound.enabled` is `false`. */
export const isFeatureEnabled = (manager: ConfigSource): boolean =>
  readFeatureSettings(manager, FEATURE_NAME).enabled !== false;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];

/** The numbers an agent may send from: `ui_attributes.flexMessagingKit.outbound.senders.{sms,whatsapp}`. */
export const getSenders = (manager: ConfigSource): Senders => {
  const outbound = (readUiAttributes(manager) as { outbound?: { senders?: Partial<Record<string, unknown>> } })
    .outbound;
  const senders = outbound?.senders ?? {};
  return { sms: strings(senders.sms), whatsapp: strings(senders.whatsapp) };
};
