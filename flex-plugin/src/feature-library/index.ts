import type { FeatureRegistration } from '../types/feature';
import { register as health } from './health';
import { register as inactivity } from './inactivity';
import { register as transfer } from './transfer';
import { register as outbound } from './outbound';

/**
 * Every feature of the plugin, in load order. Names match the backend capability packages.
 */
export const features: FeatureRegistration[] = [health, outbound, inactivity, transfer];
