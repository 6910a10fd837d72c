import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { fakeManager, jsonResponse } from '../../../test-support/flex-doubles';
import { createBackendClient } from '../../../utils/backend-client';
import { TransferButton, TransferButtonLabels } from '../custom-components/TransferButton/TransferButton';
import { TransferProgress } from '../custom-components/TransferProgress/TransferProgress';
import { SEARCH_DEBOUNCE_MS, TransferDirectory } from '../custom-components/TransferDirectory/TransferDirectory';
import enUS from '../strings/en-us.json';
import { TransferStore } from '../state/transfer-store';
import type { TransferTargets } from '../types/transfer';

const labels: TransferButtonLabels = {
  button: enUS.FMKTransferButton,
  pending: enUS.FMKTransferPending,
  joined: enUS.FMKTransferJoined,
  cancel: enUS.FMKTransferCancel,
  leave: enUS.FMKTransferLeave,
  title: enUS.FMKTransferDirectoryTitle,
  agents: enUS.FMKTransferAgents,
  queues: enUS.FMKTransferQueues,
  workflows: enUS.FMKTransferWorkflows,
  search: enUS.FMKTransferSearch,
  mode: enUS.FMKTransferMode,
  cold: enUS.FMKTransferCold,
  warm: enUS.FMKTransferWarm,
  note: enUS.FMKTransferNote,
  submit: enUS.FMKTransferSubmit,
  close: enUS.FMKTransferClose,
  available: enUS.FMKTransferAvailable,
  unavailable: enUS.FMKTransferUnavailable,
  noTargets: enUS.FMKTransferNoTargets,
  loading: enUS.FMKTransferLoading,
  queueAvailable: enUS.FMKTransferQueueAvailable,
};

const TASK = 'WT00000000000000000000000000000001';
const smsTask = { sid: TASK, channel: 'sms', status: 'assigned', attributes: { flexInteractionChannelSid: 'UO1' } };
const fetchMock = jest.fn();

const agents: TransferTargets = {
  type: 'worker',
  taskChannel: 'sms',
  targets: [
    { sid: 'WK2', name: 'Bob Agent', available: true, activity: 'Available', freeCapacity: 3 },
    { sid: 'WK3', name: 'Carol Supervisor', available: false, activity: 'Offline', freeCapacity: 0 },
  ],
};

beforeEach(() => {
  fetchMock.mockReset();
  (global as unknown as { fetch: unknown }).fetch = fetchMock;
});

describe('TransferButton', () => {
  it('shows Transfer on an assigned messaging task and nothing on a voice call', () => {
    const store = new TransferStore(createBackendClient(fakeManager()), jest.fn(), 60_000);
    const load = jest.fn();
    const { rerender } = render(<TransferButton task={smsTask} store={store} labels={labels} loadTargets={load} />);
    expect(screen.getByTestId('fmk-transfer-button').textContent).toBe('Transfer');

    rerender(
      <TransferButton task={{ ...smsTask, channel: 'voice' }} store={store} labels={labels} loadTargets={load} />,
    );
    expect(screen.queryByTestId('fmk-transfer-button')).toBeNull();
  });

  it('shows a pending transfer with Cancel, which withdraws it', async () => {
    const store = new TransferStore(createBackendClient(fakeManager()), jest.fn(), 60_000);
    const transfer = {
      transferId: 'TR1',
      taskSid: TASK,
      status: 'pending',
      targetType: 'worker',
      targetSid: 'WK2',
      mode: 'warm',
    };
    fetchMock
      .mockResolvedValueOnce(jsonResponse(201, transfer))
      .mockResolvedValueOnce(jsonResponse(200, { ...transfer, status: 'canceled' }));
    render(
      <>
        <TransferButton task={smsTask} store={store} labels={labels} loadTargets={jest.fn()} />
        <div data-testid="canvas">
          <TransferProgress task={smsTask} store={store} labels={labels} />
        </div>
      </>,
    );

    await store.start({ taskSid: TASK, targetType: 'worker', targetSid: 'WK2', mode: 'warm' });
    await waitFor(() => expect(screen.getByTestId('fmk-transfer-pending').textContent).toBe('Transfer pending'));
    expect(screen.getByTestId('canvas').contains(screen.getByTestId('fmk-transfer-cancel'))).toBe(true);
    fireEvent.click(screen.getByTestId('fmk-transfer-cancel'));

    await waitFor(() => expect(screen.getByTestId('fmk-transfer-button')).toBeTruthy());
    expect(fetchMock.mock.calls[1][0]).toMatch(/\/api\/transfers\/TR1$/);
    expect(fetchMock.mock.calls[1][1].method).toBe('DELETE');
    store.stop();
  });

  it('says the other agent joined once a warm transfer is accepted, and offers Leave instead of Cancel', async () => {
    const store = new TransferStore(createBackendClient(fakeManager()), jest.fn(), 60_000);
    const transfer = {
      transferId: 'TR1',
      taskSid: TASK,
      status: 'accepted',
      targetType: 'worker',
      targetSid: 'WK2',
      mode: 'warm',
    };
    fetchMock.mockResolvedValueOnce(jsonResponse(201, transfer));
    render(
      <>
        <TransferButton task={smsTask} store={store} labels={labels} loadTargets={jest.fn()} />
        <div data-testid="canvas">
          <TransferProgress task={smsTask} store={store} labels={labels} />
        </div>
      </>,
    );

    await store.start({ taskSid: TASK, targetType: 'worker', targetSid: 'WK2', mode: 'warm' });
    await waitFor(() => expect(screen.getByTestId('fmk-transfer-pending').textContent).toBe('Other agent joined'));
    expect(screen.getByTestId('fmk-transfer-leave')).toBeTruthy();
    expect(screen.queryByTestId('fmk-transfer-cancel')).toBeNull();
    // Leave is above the conversation, not in the header beside Flex's End chat.
    expect(screen.getByTestId('canvas').contains(screen.getByTestId('fmk-transfer-leave'))).toBe(true);
    store.stop();
  });
});

describe('TransferDirectory', () => {
  it('asks the backend once the agent stops typing, and keeps the list on screen meanwhile', async () => {
    const loadTargets = jest.fn().mockResolvedValue(agents);
    render(
      <TransferDirectory
        isOpen
        taskSid={TASK}
        labels={labels}
        loadTargets={loadTargets}
        onTransfer={jest.fn()}
        onDismiss={jest.fn()}
      />,
    );
    await waitFor(() => expect(screen.getByLabelText(/Bob Agent/)).toBeTruthy());
    expect(loadTargets).toHaveBeenCalledTimes(1);

    const search = screen.getByLabelText(enUS.FMKTransferSearch);
    ['b', 'bo', 'bob'].forEach((value) => fireEvent.change(search, { target: { value } }));

    expect(loadTargets).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText(/Bob Agent/)).toBeTruthy();
    await waitFor(() => expect(loadTargets).toHaveBeenCalledTimes(2));
    expect(loadTargets).toHaveBeenLastCalledWith('worker', 'bob');
    await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 100));
    expect(loadTargets).toHaveBeenCalledTimes(2);
  });

  // A Paste Modal with tabs and radios renders slowly on a busy machine: Jest's default 5 s was too tight.
  it('lists agents with availability, keeps unavailable ones unselectable and sends mode and note', async () => {
    const onTransfer = jest.fn().mockResolvedValue(undefined);
    const loadTargets = jest.fn().mockResolvedValue(agents);
    render(
      <TransferDirectory
        isOpen
        taskSid={TASK}
        labels={labels}
        loadTargets={loadTargets}
        onTransfer={onTransfer}
        onDismiss={jest.fn()}
      />,
    );

    await waitFor(() => expect(screen.getByLabelText(/Bob Agent/)).toBeTruthy());
    expect(loadTargets).toHaveBeenCalledWith('worker', '');
    expect((screen.getByLabelText(/Carol Supervisor/) as HTMLInputElement).disabled).toBe(true);

    fireEvent.click(screen.getByLabelText(/Bob Agent/));
    fireEvent.click(screen.getByLabelText(enUS.FMKTransferWarm));
    fireEvent.change(screen.getByLabelText(enUS.FMKTransferNote), { target: { value: 'Refund question' } });
    fireEvent.click(screen.getByTestId('fmk-transfer-submit'));

    await waitFor(() =>
      expect(onTransfer).toHaveBeenCalledWith({
        taskSid: TASK,
        targetType: 'worker',
        targetSid: 'WK2',
        mode: 'warm',
        note: 'Refund question',
      }),
    );
  }, 20_000);
});
