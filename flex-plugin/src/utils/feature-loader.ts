import type { FeatureRegistration, FeatureStrings, FlexGlobal, PluginManager } from '../types/feature';

const DEFAULT_LOCALE = 'en-US';

/**
 * Picks the strings for the agent's locale: exact tag first, then the same language, then en-US.
 * Flex's own strings follow `manager.localization.localeTag`, so ours do too.
 */
export const stringsForLocale = (strings: FeatureStrings, localeTag?: string): Record<string, string> => {
  const base = strings[DEFAULT_LOCALE];
  if (!localeTag) {
    return base;
  }
  const wanted = localeTag.toLowerCase();
  const tags = Object.keys(strings);
  const exact = tags.find((tag) => tag.toLowerCase() === wanted);
  const language = wanted.split('-')[0];
  const sameLanguage = tags.find((tag) => tag.toLowerCase().split('-')[0] === language);
  const chosen = exact ?? sameLanguage;
  return chosen ? { ...base, ...strings[chosen] } : base;
};

/**
 * Registers every enabled feature: strings first, so that components rendered by the component
 * hooks already find their templates in `manager.strings`.
 */
export const loadFeatures = (flex: FlexGlobal, manager: PluginManager, features: FeatureRegistration[]): string[] => {
  const loaded: string[] = [];
  features.forEach((register) => {
    const feature = register(manager);
    if (!feature.enabled) {
      return;
    }
    const { strings, components = [], actions = [], notifications = [], events = [] } = feature.hooks;
    if (strings) {
      manager.strings = { ...manager.strings, ...stringsForLocale(strings, manager.localization?.localeTag) };
    }
    // Notifications and actions exist before components render and before events can fire.
    notifications.forEach((hook) => hook(flex, manager));
    actions.forEach((hook) => hook(flex, manager));
    components.forEach((hook) => hook(flex, manager));
    events.forEach((hook) => hook(flex, manager));
    loaded.push(feature.name);
  });
  return loaded;
};
