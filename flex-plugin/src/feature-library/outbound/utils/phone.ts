import { AsYouType, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Formats what the agent typed, keeping a leading `+` so the country is always explicit. */
export const formatAsYouType = (raw: string): string => {
  const cleaned = raw.replace(/^whatsapp:/, '').replace(/[^\d+\s()-]/g, '');
  if (cleaned.trim() === '') {
    return '';
  }
  const withPlus = cleaned.trim().startsWith('+') ? cleaned.trim() : `+${cleaned.trim()}`;
  return new AsYouType().input(withPlus);
};

/** The number in E.164, or null when it is not a valid international number. */
export const toE164 = (raw: string): string | null => {
  const parsed = parsePhoneNumberFromString(raw.replace(/^whatsapp:/, '').trim());
  return parsed && parsed.isValid() ? parsed.number : null;
};
