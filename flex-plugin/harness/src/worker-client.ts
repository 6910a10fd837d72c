import type { AgentActivity, DesktopStateStore, DesktopTask, TaskChannel, TaskStatus } from './desktop-state.js';
import type { HarnessActions } from './flex-contract.js';
import type { SandboxApi, SandboxReservation, TwilioTask } from './sandbox-api.js';

const POLL_MS = 1000;
const CHANNELS: TaskChannel[] = ['sms', 'whatsapp', 'chat', 'voice', 'email'];

const channelOf = (task: TwilioTask, attributes: Record<string, unknown>): TaskChannel => {
  const candidate = String(attributes.channelType ?? task.task_channel_unique_name ?? 'chat').toLowerCase();
  return (CHANNELS as string[]).includes(candidate) ? (candidate as TaskChannel) : 'chat';
};

const statusOf = (reservation: SandboxReservation, task: TwilioTask): TaskStatus => {
  if (reservation.status === 'pending') {
    return 'pending';
  }
  if (task.assignment_status === 'wrapping' || reservation.status === 'wrapping') {
    return 'wrapping';
  }
  return task.assignment_status === 'completed' ? 'completed' : 'assigned';
};

const parseAttributes = (raw: string | null): Record<string, unknown> => {
  try {
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/**
 * What Flex's worker client does for the desktop, done against the sandbox: it follows this
 * worker's reservations and their tasks, and carries out the task actions an agent takes.
 */
export class SandboxWorkerClient {
  private timer: ReturnType<typeof setInterval> | undefined;

  private readonly tasks = new Map<string, TwilioTask>();

  private readonly announced = new Set<string>();

  constructor(
    private readonly api: SandboxApi,
    private readonly desktop: DesktopStateStore,
    private readonly workspaceSid: string,
    /** Receives `reservationCreated` once per new pending reservation, as Flex's worker emits it. */
    private readonly emit: (event: string, ...args: unknown[]) => void = () => undefined,
  ) {}

  async loadActivities(): Promise<AgentActivity[]> {
    const body = await this.api.twilio<{
      activities: Array<{ sid: string; friendly_name: string; available: boolean }>;
    }>('GET', 'taskrouter', `/v1/Workspaces/${this.workspaceSid}/Activities?PageSize=50`);
    return body.activities.map((a) => ({ sid: a.sid, name: a.friendly_name, available: a.available }));
  }

  start(): void {
    const tick = () => {
      this.refresh().catch((error: unknown) => console.warn('[harness] could not refresh tasks', error));
    };
    tick();
    this.timer = setInterval(tick, POLL_MS);
  }

  stop(): void {
    if (this.timer) {
      clearInterval(this.timer);
    }
  }

  async refresh(): Promise<void> {
    const { agent } = this.desktop.getState();
    const me = (await this.api.workers()).find((worker) => worker.sid === agent.workerSid);
    if (!me) {
      return;
    }
    const activityName = typeof me.activity === 'string' ? me.activity : (me.activity?.name ?? me.activityName);
    if (activityName && activityName !== agent.activity.name) {
      const known = this.desktop.getState().activities.some((activity) => activity.name === activityName);
      if (known) {
        this.desktop.setActivity(activityName);
      }
    }
    const live = me.reservations.filter((r) => ['pending', 'accepted', 'wrapping'].includes(r.status));
    const tasks: DesktopTask[] = [];
    const created: Array<{ sid: string; task: { sid: string; attributes: Record<string, unknown> } }> = [];
    for (const reservation of live) {
      const task = await this.api.twilio<TwilioTask>(
        'GET',
        'taskrouter',
        `/v1/Workspaces/${this.workspaceSid}/Tasks/${reservation.taskSid}`,
      );
      this.tasks.set(task.sid, task);
      if (task.assignment_status === 'completed' || task.assignment_status === 'canceled') {
        continue;
      }
      const attributes = parseAttributes(task.attributes);
      if (reservation.status === 'pending' && !this.announced.has(reservation.sid)) {
        this.announced.add(reservation.sid);
        created.push({ sid: reservation.sid, task: { sid: task.sid, attributes } });
      }
      const customerAddress =
        String(attributes.customerAddress ?? attributes.from ?? attributes.name ?? '') || undefined;
      tasks.push({
        sid: task.sid,
        reservationSid: reservation.sid,
        channel: channelOf(task, attributes),
        status: statusOf(reservation, task),
        customerName: String(attributes.customerName ?? attributes.name ?? customerAddress ?? 'Customer'),
        customerAddress,
        queueName: task.task_queue_friendly_name ?? undefined,
        attributes,
        dateCreated: new Date(task.date_created),
      });
    }
    this.desktop.setTasks(tasks);
    created.forEach((reservation) => this.emit('reservationCreated', reservation));
  }

  /** Flex's built-in task actions, carried out as Flex does for Conversations-based tasks. */
  registerActions(actions: HarnessActions): void {
    const taskOf = (payload: { sid?: string; task?: { sid: string } }): DesktopTask => {
      const sid = payload.sid ?? payload.task?.sid;
      // Flex's task sid is the reservation's; the desktop's is the TaskRouter task's. Accept both.
      const task = this.desktop
        .getState()
        .tasks.find((candidate) => candidate.sid === sid || candidate.reservationSid === sid);
      if (!task) {
        throw new Error(`No task ${sid} on this desktop`);
      }
      return task;
    };
    const decide = (decision: 'accept' | 'reject') => async (payload: { sid?: string; task?: { sid: string } }) => {
      const task = taskOf(payload);
      if (!task.reservationSid) {
        throw new Error(`Task ${task.sid} has no reservation`);
      }
      await this.api.decideReservation(task.reservationSid, decision);
      await this.refresh();
    };
    actions.registerAction('AcceptTask', decide('accept'));
    actions.registerAction('RejectTask', decide('reject'));
    actions.registerAction('WrapupTask', async (payload: { sid?: string; task?: { sid: string } }) => {
      await this.endParticipation(taskOf(payload), 'wrapup');
    });
    actions.registerAction('CompleteTask', async (payload: { sid?: string; task?: { sid: string } }) => {
      await this.endParticipation(taskOf(payload), 'closed');
    });
    actions.registerAction('SendMessage', async (payload: { conversationSid: string; body: string }) => {
      const { agent } = this.desktop.getState();
      await this.api.twilio('POST', 'conversations', `/v1/Conversations/${payload.conversationSid}/Messages`, {
        Author: agent.identity,
        Body: payload.body,
      });
    });
  }

  /** Wrap-up and completion go through the interaction channel participant, as Flex does. */
  private async endParticipation(task: DesktopTask, status: 'wrapup' | 'closed'): Promise<void> {
    const interaction = task.attributes.flexInteractionSid as string | undefined;
    const channel = task.attributes.flexInteractionChannelSid as string | undefined;
    const { agent } = this.desktop.getState();
    if (interaction && channel) {
      const base = `/v1/Interactions/${interaction}/Channels/${channel}/Participants`;
      const { participants } = await this.api.twilio<{
        participants: Array<{ sid: string; type: string; routing_properties?: { worker_sid?: string } | null }>;
      }>('GET', 'flex-api', base);
      const mine = participants.find((p) => p.type === 'agent' && p.routing_properties?.worker_sid === agent.workerSid);
      if (mine) {
        await this.api.twilio('POST', 'flex-api', `${base}/${mine.sid}`, { Status: status });
        await this.refresh();
        return;
      }
    }
    await this.api.twilio('POST', 'taskrouter', `/v1/Workspaces/${this.workspaceSid}/Tasks/${task.sid}`, {
      AssignmentStatus: status === 'wrapup' ? 'wrapping' : 'completed',
      Reason: status === 'wrapup' ? 'Agent wrapped up' : 'Agent completed the task',
    });
    await this.refresh();
  }
}
