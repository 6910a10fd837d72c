import metadataJson from 'libphonenumber-js/metadata.min.json';

import {
  formatAsYouType,
  loadPhoneMetadata,
  PHONE_METADATA_PATH,
  phoneMetadataLoaded,
  setPhoneMetadata,
  toE164,
} from '../phone';

describe('phone numbers in the panel', () => {
  beforeEach(() => setPhoneMetadata(null));

  it('formats and validates against the numbering plans once they are loaded', () => {
    setPhoneMetadata(metadataJson);
    expect(formatAsYouType('whatsapp:+447911123456')).toBe('+44 7911 123456');
    expect(toE164('+44 7911 123456')).toBe('+447911123456');
    expect(toE164('+1 415 555')).toBeNull();
    // A well-shaped number that no plan allows.
    expect(toE164('+999 1234 5678')).toBeNull();
  });

  it('checks only the E.164 shape before the plans arrive, and leaves the rest to the backend', () => {
    expect(formatAsYouType('44 7700 900123')).toBe('+44 7700 900123');
    expect(toE164('+44 (7700) 900-123')).toBe('+447700900123');
    expect(toE164('+0 123 456 789')).toBeNull();
    expect(toE164('+12')).toBeNull();
  });

  it('fetches the plans from the backend once, and again only after a failure', async () => {
    const get = jest.fn().mockRejectedValueOnce(new Error('backend down')).mockResolvedValue(metadataJson);
    await expect(loadPhoneMetadata({ get })).rejects.toThrow('backend down');
    expect(phoneMetadataLoaded()).toBe(false);
    await Promise.all([loadPhoneMetadata({ get }), loadPhoneMetadata({ get })]);
    await loadPhoneMetadata({ get });
    expect(phoneMetadataLoaded()).toBe(true);
    expect(get).toHaveBeenCalledTimes(2);
    expect(get).toHaveBeenCalledWith(PHONE_METADATA_PATH);
  });
});
