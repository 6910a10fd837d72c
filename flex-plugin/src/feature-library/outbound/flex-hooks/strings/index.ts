import type { FeatureStrings } from '../../../../types/feature';
import enUS from '../../strings/en-us.json';

export type OutboundStringKey = keyof typeof enUS;

export const outboundStrings: FeatureStrings = { 'en-US': enUS };

/** A string from manager.strings (so administrators can override it) with `{{name}}` filled in. */
export const outboundText = (
  strings: Record<string, string | undefined>,
  key: OutboundStringKey,
  context: Record<string, string | number> = {},
): string =>
  (strings[key] ?? enUS[key]).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(context[name] ?? ''));
