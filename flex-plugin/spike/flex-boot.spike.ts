/**
 * The spike of issue 14: how far does the real Flex UI 2.17 (Flex.Manager.create, what runDefault
 * calls first) get when nothing answers but us? Records every request and websocket it opens.
 * Not part of `npm test`. Run from flex-plugin/:
 *   npx jest --ci --roots '<rootDir>/spike' --testMatch '**\/*.spike.ts'
 * Result (2026-12-02), written up in README.md under "Spike: the whole Flex UI against the sandbox".
 */
import { loadRealFlex } from '../src/test-support/real-flex';

test('Flex.Manager.create against nothing but the sandbox', async () => {
  const seen: string[] = [];
  window.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    seen.push(`fetch ${init?.method ?? 'GET'} ${String(url)}`);
    throw new Error('offline');
  }) as unknown as typeof fetch;
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL) {
    seen.push(`xhr ${method} ${String(url)}`);
    return open.call(this, method, url, true);
  } as typeof XMLHttpRequest.prototype.open;
  (window as unknown as { WebSocket: unknown }).WebSocket = class {
    constructor(url: string) {
      seen.push(`ws ${url}`);
      throw new Error('no websocket');
    }
  };
  // jsdom lacks the User Timing API that Flex's telemetry calls while it boots.
  Object.assign(performance, {
    mark: () => undefined,
    measure: () => undefined,
    clearMarks: () => undefined,
    clearMeasures: () => undefined,
    getEntriesByName: () => [],
    getEntriesByType: () => [],
  });
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const Flex = loadRealFlex() as unknown as { Manager: { create: (config: object) => Promise<unknown> } };

  const config = { sso: { accountSid: 'AC00000000000000000000000000000000' }, serviceBaseUrl: 'http://127.0.0.1:9/' };
  const result = await Promise.race([
    Flex.Manager.create(config).then(
      () => 'created',
      (error: Error) => `rejected: ${error?.message}`,
    ),
    new Promise((resolve) => setTimeout(() => resolve('no answer in 15 s'), 15_000)),
  ]);

  console.log(JSON.stringify({ result, requests: Array.from(new Set(seen)) }, null, 1));
}, 30_000);
