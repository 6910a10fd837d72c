import { HarnessActionsImpl } from '../actions';
import { createDesktopState } from '../desktop-state';
import type { SandboxApi, SandboxWorker, TwilioTask } from '../sandbox-api';
import { SandboxWorkerClient } from '../worker-client';

const WORKER = 'WK00000000000000000000000000000001';
const WORKSPACE = 'WS00000000000000000000000000000001';

const task = (sid: string, status: string, attributes: Record<string, unknown>): TwilioTask => ({
  sid,
  assignment_status: status,
  attributes: JSON.stringify(attributes),
  task_channel_unique_name: 'sms',
  task_queue_friendly_name: 'Everyone',
  date_created: '2026-11-21T12:00:00Z',
});

const fakeApi = (workers: SandboxWorker[], tasks: Record<string, TwilioTask>) => {
  const calls: Array<{ method: string; path: string; form?: Record<string, string> }> = [];
  const api = {
    workers: jest.fn(async () => workers),
    decideReservation: jest.fn(async () => undefined),
    setActivity: jest.fn(async () => undefined),
    twilio: jest.fn(async (method: string, _product: string, path: string, form?: Record<string, string>) => {
      calls.push({ method, path, form });
      const taskSid = path.split('/Tasks/')[1];
      if (method === 'GET' && taskSid) {
        return tasks[taskSid];
      }
      if (method === 'GET' && path.endsWith('/Participants')) {
        return {
          participants: [
            { sid: 'UTcustomer', type: 'customer', routing_properties: null },
            { sid: 'UTagent', type: 'agent', routing_properties: { worker_sid: WORKER } },
          ],
        };
      }
      return {};
    }),
  };
  return { api: api as unknown as SandboxApi, calls, mock: api };
};

const desktop = () => createDesktopState({ identity: 'alice', fullName: 'Alice', workerSid: WORKER });

describe('SandboxWorkerClient', () => {
  it('shows pending and accepted reservations as tasks, and drops finished ones', async () => {
    const { api } = fakeApi(
      [
        {
          sid: WORKER,
          activity: 'Available',
          reservations: [
            { sid: 'WR1', taskSid: 'WT1', status: 'pending' },
            { sid: 'WR2', taskSid: 'WT2', status: 'accepted' },
            { sid: 'WR3', taskSid: 'WT3', status: 'rejected' },
          ],
        },
      ],
      {
        WT1: task('WT1', 'reserved', {
          customerName: 'Dana',
          customerAddress: '+15550001111',
          channelType: 'whatsapp',
        }),
        WT2: task('WT2', 'assigned', { from: '+15550002222' }),
      },
    );
    const state = desktop();
    await new SandboxWorkerClient(api, state, WORKSPACE).refresh();

    const tasks = state.getState().tasks;
    expect(tasks.map((t) => [t.sid, t.status, t.channel, t.customerName])).toEqual([
      ['WT1', 'pending', 'whatsapp', 'Dana'],
      ['WT2', 'assigned', 'sms', '+15550002222'],
    ]);
    expect(tasks[0].reservationSid).toBe('WR1');
  });

  it('announces each new pending reservation once, and accepts by reservation sid as Flex does', async () => {
    const { api, mock } = fakeApi(
      [{ sid: WORKER, activity: 'Available', reservations: [{ sid: 'WR1', taskSid: 'WT1', status: 'pending' }] }],
      { WT1: task('WT1', 'reserved', { autoAnswer: true }) },
    );
    const emitted: unknown[][] = [];
    const client = new SandboxWorkerClient(api, desktop(), WORKSPACE, (...args) => emitted.push(args));
    await client.refresh();
    await client.refresh();
    expect(emitted).toEqual([
      ['reservationCreated', { sid: 'WR1', task: { sid: 'WT1', attributes: { autoAnswer: true } } }],
    ]);

    const actions = new HarnessActionsImpl();
    client.registerActions(actions);
    await actions.invokeAction('AcceptTask', { sid: 'WR1' });
    expect(mock.decideReservation).toHaveBeenCalledWith('WR1', 'accept');
  });

  it('wraps up through the agent interaction participant, as Flex does', async () => {
    const { api, calls } = fakeApi(
      [{ sid: WORKER, activity: 'Available', reservations: [{ sid: 'WR2', taskSid: 'WT2', status: 'accepted' }] }],
      { WT2: task('WT2', 'assigned', { flexInteractionSid: 'KD1', flexInteractionChannelSid: 'UO1' }) },
    );
    const state = desktop();
    const client = new SandboxWorkerClient(api, state, WORKSPACE);
    const actions = new HarnessActionsImpl();
    client.registerActions(actions);
    await client.refresh();

    await actions.invokeAction('WrapupTask', { sid: 'WT2' });

    expect(calls).toContainEqual({
      method: 'POST',
      path: '/v1/Interactions/KD1/Channels/UO1/Participants/UTagent',
      form: { Status: 'wrapup' },
    });
  });

  it('accepts through the reservation and refuses tasks it does not hold', async () => {
    const { api, mock } = fakeApi(
      [{ sid: WORKER, activity: 'Available', reservations: [{ sid: 'WR1', taskSid: 'WT1', status: 'pending' }] }],
      { WT1: task('WT1', 'reserved', {}) },
    );
    const state = desktop();
    const client = new SandboxWorkerClient(api, state, WORKSPACE);
    const actions = new HarnessActionsImpl();
    client.registerActions(actions);
    await client.refresh();

    await actions.invokeAction('AcceptTask', { sid: 'WT1' });
    expect(mock.decideReservation).toHaveBeenCalledWith('WR1', 'accept');
    await expect(actions.invokeAction('AcceptTask', { sid: 'WT9' })).rejects.toThrow('No task WT9');
  });
});
