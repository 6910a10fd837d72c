import { AsYouType, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import type { MetadataJson } from 'libphonenumber-js/core';

import type { BackendClient } from '../../../utils/backend-client';

/**
 * The numbering plans (libphonenumber-js "min" metadata, ~19 KB gzip) are not in the plugin bundle:
 * the backend serves them next to it and the panel fetches them once, when it first opens. Until
 * they arrive the number is taken as typed and only its E.164 shape is checked; the backend
 * validates every number with Google's libphonenumber either way.
 */
export const PHONE_METADATA_PATH = '/plugin/phone-metadata.min.json';

let metadata: MetadataJson | null = null;
let loading: Promise<void> | null = null;

export const setPhoneMetadata = (loaded: MetadataJson | null): void => {
  metadata = loaded;
};

export const phoneMetadataLoaded = (): boolean => metadata !== null;

/** Fetches the numbering plans once per page; a failed fetch is retried on the next call. */
export const loadPhoneMetadata = (client: Pick<BackendClient, 'get'>): Promise<void> => {
  if (metadata) {
    return Promise.resolve();
  }
  loading ??= client.get<MetadataJson>(PHONE_METADATA_PATH).then(
    (loaded) => setPhoneMetadata(loaded),
    (error) => {
      loading = null;
      throw error;
    },
  );
  return loading;
};

const E164_SHAPE = /^\+[1-9]\d{6,14}$/;

/** Formats what the agent typed, keeping a leading `+` so the country is always explicit. */
export const formatAsYouType = (raw: string): string => {
  const cleaned = raw.replace(/^whatsapp:/, '').replace(/[^\d+\s()-]/g, '');
  if (cleaned.trim() === '') {
    return '';
  }
  const withPlus = cleaned.trim().startsWith('+') ? cleaned.trim() : `+${cleaned.trim()}`;
  return metadata ? new AsYouType(undefined, metadata).input(withPlus) : withPlus;
};

/** The number in E.164, or null when it is not a valid international number. */
export const toE164 = (raw: string): string | null => {
  const text = raw.replace(/^whatsapp:/, '').trim();
  if (!metadata) {
    const digits = text.replace(/[\s()-]/g, '');
    return E164_SHAPE.test(digits) ? digits : null;
  }
  const parsed = parsePhoneNumberFromString(text, metadata);
  return parsed && parsed.isValid() ? parsed.number : null;
};
