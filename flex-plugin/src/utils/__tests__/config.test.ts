import { fakeManager } from '../../test-support/flex-doubles';
import { FALLBACK_BACKEND_URL, getBackendUrl, readFeatureSettings, readUiAttributes } from '../config';

describe('backend URL', () => {
  const originalEnv = process.env.FLEX_APP_BACKEND_URL;
  afterEach(() => {
    if (originalEnv === undefined) {
      delete process.env.FLEX_APP_BACKEND_URL;
    } else {
      process.env.FLEX_APP_BACKEND_URL = originalEnv;
    }
  });

  it('comes from ui_attributes.flexMessagingKit.backendUrl when the admin set it', () => {
    const manager = fakeManager({ uiAttributes: { flexMessagingKit: { backendUrl: 'https://kit.example.com' } } });
    expect(getBackendUrl(manager)).toBe('https://kit.example.com');
  });

  it('loses its trailing slashes so paths can be appended', () => {
    const manager = fakeManager({
      uiAttributes: { flexMessagingKit: { backendUrl: 'https://kit.example.com/api//' } },
    });
    expect(getBackendUrl(manager)).toBe('https://kit.example.com/api');
  });

  it('falls back to the build-time FLEX_APP_BACKEND_URL when ui_attributes has none', () => {
    process.env.FLEX_APP_BACKEND_URL = 'https://built-in.example.com';
    expect(getBackendUrl(fakeManager({ uiAttributes: { someOtherPlugin: { backendUrl: 'nope' } } }))).toBe(
      'https://built-in.example.com',
    );
  });

  it('falls back to the local backend when there are no ui_attributes at all', () => {
    delete process.env.FLEX_APP_BACKEND_URL;
    expect(getBackendUrl(fakeManager())).toBe(FALLBACK_BACKEND_URL);
    expect(FALLBACK_BACKEND_URL).toBe('http://localhost:8080');
  });

  it('ignores a blank or non-string backendUrl', () => {
    delete process.env.FLEX_APP_BACKEND_URL;
    expect(getBackendUrl(fakeManager({ uiAttributes: { flexMessagingKit: { backendUrl: '  ' } } }))).toBe(
      FALLBACK_BACKEND_URL,
    );
    expect(getBackendUrl(fakeManager({ uiAttributes: { flexMessagingKit: { backendUrl: 42 } } }))).toBe(
      FALLBACK_BACKEND_URL,
    );
  });
});

describe('ui_attributes reading', () => {
  it('treats a malformed flexMessagingKit block as empty', () => {
    expect(readUiAttributes(fakeManager({ uiAttributes: { flexMessagingKit: 'yes' } }))).toEqual({});
    expect(readUiAttributes(fakeManager({ uiAttributes: { flexMessagingKit: ['a'] } }))).toEqual({});
  });

  it('reads one feature settings block, or an empty one', () => {
    const manager = fakeManager({
      uiAttributes: { flexMessagingKit: { features: { health: { enabled: false, pollIntervalMs: 5000 } } } },
    });
    expect(readFeatureSettings(manager, 'health')).toEqual({ enabled: false, pollIntervalMs: 5000 });
    expect(readFeatureSettings(manager, 'outbound')).toEqual({});
    expect(readFeatureSettings(fakeManager(), 'health')).toEqual({});
  });
});
