import { fakeManager, jsonResponse } from '../../test-support/flex-doubles';
import { BackendRequestError, BackendUnreachableError, createBackendClient } from '../backend-client';

const manager = (token = 'agent-token') =>
  fakeManager({ token, uiAttributes: { flexMessagingKit: { backendUrl: 'https://kit.example.com/' } } });

describe('backend client', () => {
  it('calls the configured backend as the signed-in agent', async () => {
    const fetchFn = jest.fn().mockResolvedValue(jsonResponse(200, { ok: true }));
    const client = createBackendClient(manager('eyJ.token'), fetchFn);

    await expect(client.get('/health')).resolves.toEqual({ ok: true });

    const [url, init] = fetchFn.mock.calls[0];
    expect(url).toBe('https://kit.example.com/health');
    expect(init.method).toBe('GET');
    expect(init.headers.Authorization).toBe('Bearer eyJ.token');
  });

  it('reads the token at call time, so a refreshed Flex token is used', async () => {
    const fetchFn = jest.fn().mockResolvedValue(jsonResponse(200, {}));
    const agent = manager('first');
    const client = createBackendClient(agent, fetchFn);
    (agent.user as { token: string }).token = 'refreshed';

    await client.get('health');

    expect(fetchFn.mock.calls[0][0]).toBe('https://kit.example.com/health');
    expect(fetchFn.mock.calls[0][1].headers.Authorization).toBe('Bearer refreshed');
  });

  it('sends JSON bodies on POST', async () => {
    const fetchFn = jest.fn().mockResolvedValue(jsonResponse(201, { sid: 'CH1' }));
    await createBackendClient(manager(), fetchFn).post('/outbound', { to: '+15550100' });

    const init = fetchFn.mock.calls[0][1];
    expect(init.method).toBe('POST');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body)).toEqual({ to: '+15550100' });
  });

  it('turns our JSON error shape into a BackendRequestError with code, message and Twilio code', async () => {
    const fetchFn = jest.fn().mockResolvedValue(
      jsonResponse(409, {
        error: { code: 'CONVERSATION_ORPHANED', message: 'Gone', twilioCode: 50416, field: 'to' },
      }),
    );
    const failure = await createBackendClient(manager(), fetchFn)
      .get('/x')
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(BackendRequestError);
    expect(failure).toMatchObject({
      status: 409,
      code: 'CONVERSATION_ORPHANED',
      message: 'Gone',
      twilioCode: 50416,
      field: 'to',
    });
  });

  it('still reports a status for non-JSON error bodies', async () => {
    const fetchFn = jest.fn().mockResolvedValue(jsonResponse(502, '<html>Bad gateway</html>'));
    const failure = await createBackendClient(manager(), fetchFn)
      .get('/x')
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(BackendRequestError);
    expect(failure).toMatchObject({ status: 502, code: 'HTTP_502', body: '<html>Bad gateway</html>' });
  });

  it('reports a network failure as unreachable, naming the URL', async () => {
    const fetchFn = jest.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    const failure = await createBackendClient(manager(), fetchFn)
      .get('/health')
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(BackendUnreachableError);
    expect((failure as Error).message).toContain('https://kit.example.com/health');
  });
});
