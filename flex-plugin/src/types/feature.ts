import type * as Flex from '@twilio/flex-ui';

export type FlexGlobal = typeof Flex;

/**
 * The Manager members the plugin relies on. Keeping this narrow documents the contract with
 * Flex (and with the sandbox agent desktop, which provides exactly these).
 */
export type PluginManager = Pick<Flex.Manager, 'serviceConfiguration' | 'user' | 'strings'> &
  Partial<Pick<Flex.Manager, 'localization' | 'workerClient' | 'store'>>;

/** Adds, replaces or removes content in a Flex programmable component. */
export type ComponentHook = (flex: FlexGlobal, manager: PluginManager) => void;

/** Registers (or listens to, or replaces) Flex actions. */
export type ActionHook = (flex: FlexGlobal, manager: PluginManager) => void;

/** Registers Flex notifications. */
export type NotificationHook = (flex: FlexGlobal, manager: PluginManager) => void;

/** Subscribes to Flex/worker events (e.g. `manager.workerClient.on(...)`). */
export type EventHook = (flex: FlexGlobal, manager: PluginManager) => void;

/** Strings of one feature, per locale tag (`en-US`, `es-ES`, …). `en-US` is required. */
export type FeatureStrings = { 'en-US': Record<string, string> } & Record<string, Record<string, string>>;

export interface FeatureDefinition {
  /** Same name as the backend capability. */
  name: string;
  /** A disabled feature registers nothing. */
  enabled: boolean;
  hooks: {
    strings?: FeatureStrings;
    components?: ComponentHook[];
    actions?: ActionHook[];
    notifications?: NotificationHook[];
    events?: EventHook[];
  };
}

/** Each feature's `index.ts` exports one of these as `register`. */
export type FeatureRegistration = (manager: PluginManager) => FeatureDefinition;
