/**
 * Every feature names its strings the same way: `FMK<Feature><Name>`, declared once in the
 * feature's `strings/en-us.json` (whose keys are the feature's `<Feature>StringKey` type), and
 * translated in `es-es.json` and `pt-br.json` beside it. Notification ids are string keys too, so
 * `content` names the template as Flex expects. Other keys follow the same order of words:
 * fragment keys, view names and `data-testid`s are `fmk-<feature>-<thing>`, storage keys
 * `fmk.<feature>.<thing>`.
 */
export type StringsSource = Record<string, string | undefined>;

/**
 * A reader of one feature's strings: `manager.strings` first (administrators may override any
 * template), else the feature's en-US text, with `{{name}}` filled in from `context`. Without a
 * context the template comes back unfilled, for components that fill it themselves.
 */
export const templateText =
  <Key extends string>(defaults: Record<Key, string>) =>
  (strings: StringsSource, key: Key, context?: Record<string, string | number>): string => {
    const template = strings[key] ?? defaults[key];
    return context === undefined
      ? template
      : template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(context[name] ?? ''));
  };

/** `manager.strings` as the plain template map it is at run time. */
export const stringsOf = (manager: { strings: unknown }): StringsSource => manager.strings as StringsSource;
