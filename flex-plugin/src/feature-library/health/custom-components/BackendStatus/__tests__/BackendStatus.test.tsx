import * as React from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';

import { fakeManager, healthReport, jsonResponse } from '../../../../../test-support/flex-doubles';
import { createBackendClient } from '../../../../../utils/backend-client';
import { checkBackendHealth } from '../../../api/health-api';
import enUS from '../../../strings/en-us.json';
import { BackendStatus, BackendStatusLabels } from '../BackendStatus';

const labels: BackendStatusLabels = {
  checking: enUS.FMKHealthChecking,
  connected: enUS.FMKHealthConnected,
  degraded: enUS.FMKHealthDegraded,
  unreachable: enUS.FMKHealthUnreachable,
  tooltip: enUS.FMKHealthTooltip,
};

const fetchMock = jest.fn();

const renderStatus = (pollIntervalMs = 30_000) => {
  const manager = fakeManager({
    token: 'agent-jwt',
    uiAttributes: { flexMessagingKit: { backendUrl: 'http://kit.test' } },
  });
  const client = createBackendClient(manager);
  return render(
    <BackendStatus
      checkHealth={() => checkBackendHealth(client, 1_000)}
      pollIntervalMs={pollIntervalMs}
      labels={labels}
    />,
  );
};

const badge = () => screen.getByTestId('fmk-health-status');

const expectState = async (state: string, text: string) => {
  await waitFor(() => expect(badge().getAttribute('data-state')).toBe(state));
  expect(badge().textContent).toBe(text);
};

beforeEach(() => {
  fetchMock.mockReset();
  (global as unknown as { fetch: unknown }).fetch = fetchMock;
});

afterEach(() => {
  delete (global as unknown as { fetch?: unknown }).fetch;
});

describe('BackendStatus', () => {
  it('shows "checking" until the backend answers', async () => {
    let answer: (response: Response) => void = () => undefined;
    fetchMock.mockReturnValue(new Promise<Response>((resolve) => (answer = resolve)));
    renderStatus();

    expect(badge().getAttribute('data-state')).toBe('checking');
    expect(badge().textContent).toBe('Messaging Kit: checking…');

    await act(async () => answer(jsonResponse(200, healthReport(true))));
    await expectState('connected', 'Messaging Kit: connected');
  });

  it('asks GET <backendUrl>/health with the agent token', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, healthReport(true)));
    renderStatus();
    await expectState('connected', 'Messaging Kit: connected');

    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('http://kit.test/health');
    expect(init.method).toBe('GET');
    expect(init.headers.Authorization).toBe('Bearer agent-jwt');
  });

  it('says connected when the backend is ready, with mode and version in the tooltip', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, healthReport(true)));
    renderStatus();

    await expectState('connected', 'Messaging Kit: connected');
    expect(badge().getAttribute('title')).toBe('sandbox mode, version 0.1.0');
  });

  it('says degraded on 503 and names the failing check', async () => {
    fetchMock.mockResolvedValue(jsonResponse(503, healthReport(false)));
    renderStatus();

    await expectState('degraded', 'Messaging Kit: degraded');
    expect(badge().getAttribute('title')).toBe('database: connection refused');
  });

  it('says degraded when a 200 report is not ready', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, healthReport(false)));
    renderStatus();

    await expectState('degraded', 'Messaging Kit: degraded');
  });

  it('says degraded when the backend answers with an error instead of a report', async () => {
    fetchMock.mockResolvedValue(jsonResponse(404, { error: { code: 'NOT_FOUND', message: 'No such path' } }));
    renderStatus();

    await expectState('degraded', 'Messaging Kit: degraded');
    expect(badge().getAttribute('title')).toContain('NOT_FOUND');
  });

  it('says unreachable when the request fails on the network', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    renderStatus();

    await expectState('unreachable', 'Messaging Kit: unreachable');
    expect(badge().getAttribute('title')).toContain('http://kit.test/health');
  });

  it('re-checks after the interval and recovers when the backend comes back', async () => {
    fetchMock
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(jsonResponse(503, healthReport(false)))
      .mockResolvedValue(jsonResponse(200, healthReport(true)));
    renderStatus(20);

    await expectState('unreachable', 'Messaging Kit: unreachable');
    await expectState('degraded', 'Messaging Kit: degraded');
    await expectState('connected', 'Messaging Kit: connected');
  });

  it('stops checking once removed from the header', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, healthReport(true)));
    const { unmount } = renderStatus(20);
    await expectState('connected', 'Messaging Kit: connected');

    unmount();
    const callsAtUnmount = fetchMock.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fetchMock.mock.calls.length).toBe(callsAtUnmount);
  });
});
