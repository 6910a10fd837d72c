/**
 * The agent desktop's model: who the agent is and which tasks they hold. The page renders whatever
 * is here; feeding it (today: nothing, next: the sandbox TaskRouter) is somebody else's job, through
 * `setTasks` / `upsertTask` / `removeTask`.
 */

export type TaskChannel = 'sms' | 'whatsapp' | 'chat' | 'voice' | 'email';

export type TaskStatus = 'pending' | 'assigned' | 'wrapping' | 'completed';

export interface DesktopTask {
  /** TaskRouter task sid (WT…). */
  sid: string;
  /** The agent's reservation for it (WR…), when there is one. */
  reservationSid?: string;
  channel: TaskChannel;
  status: TaskStatus;
  /** Who the agent is talking to, as the task list shows it. */
  customerName: string;
  /** Phone number, WhatsApp address or chat identity. */
  customerAddress?: string;
  queueName?: string;
  /** Task attributes as TaskRouter holds them (conversationSid, from, …). */
  attributes: Record<string, unknown>;
  dateCreated: Date;
}

export interface AgentActivity {
  sid: string;
  name: string;
  available: boolean;
}

export interface DesktopAgent {
  identity: string;
  fullName: string;
  workerSid: string;
  activity: AgentActivity;
}

export interface PluginLoadState {
  /** Names of plugins whose `init` completed. */
  loaded: string[];
  /** Set when loading or initialising a plugin failed; shown as a banner. */
  error?: string;
}

export interface DesktopState {
  agent: DesktopAgent;
  activities: AgentActivity[];
  tasks: DesktopTask[];
  selectedTaskSid: string | null;
  /** The view the side nav shows (`NavigateToView`); Flex's own is `agent-desktop`. */
  activeView: string;
  /** Flex's `flex.view.componentViewStates`: what `SetComponentState` stores, by component name. */
  componentViewStates: Record<string, Record<string, unknown>>;
  plugins: PluginLoadState;
}

export const AGENT_DESKTOP_VIEW = 'agent-desktop';

type Listener = (state: DesktopState) => void;

export class DesktopStateStore {
  private state: DesktopState;

  private readonly listeners = new Set<Listener>();

  constructor(initial: DesktopState) {
    this.state = initial;
  }

  getState(): DesktopState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Replaces the task list; keeps the selection only if that task is still there. */
  setTasks(tasks: DesktopTask[]): void {
    const selected = tasks.some((task) => task.sid === this.state.selectedTaskSid) ? this.state.selectedTaskSid : null;
    this.update({ tasks: [...tasks], selectedTaskSid: selected ?? tasks[0]?.sid ?? null });
  }

  upsertTask(task: DesktopTask): void {
    const exists = this.state.tasks.some((existing) => existing.sid === task.sid);
    this.setTasks(exists ? this.state.tasks.map((t) => (t.sid === task.sid ? task : t)) : [...this.state.tasks, task]);
  }

  removeTask(taskSid: string): void {
    this.setTasks(this.state.tasks.filter((task) => task.sid !== taskSid));
  }

  selectTask(taskSid: string | null): void {
    if (taskSid !== null && !this.state.tasks.some((task) => task.sid === taskSid)) {
      throw new Error(`No task ${taskSid} on this desktop`);
    }
    this.update({ selectedTaskSid: taskSid });
  }

  navigate(viewName: string): void {
    this.update({ activeView: viewName });
  }

  /** As Flex's view reducer (VIEW_SET_COMPONENT_STATE): the new state is merged into the old. */
  setComponentState(name: string, state: Record<string, unknown>): void {
    const states = this.state.componentViewStates;
    this.update({ componentViewStates: { ...states, [name]: { ...states[name], ...state } } });
  }

  setActivity(activityName: string): AgentActivity {
    const activity = this.state.activities.find((candidate) => candidate.name === activityName);
    if (!activity) {
      throw new Error(`Unknown activity "${activityName}"`);
    }
    this.update({ agent: { ...this.state.agent, activity } });
    return activity;
  }

  /** The workspace's real activities, once known; the agent's current one is looked up by name. */
  setActivities(activities: AgentActivity[], currentName: string): void {
    const current = activities.find((activity) => activity.name === currentName) ?? this.state.agent.activity;
    this.update({ activities: [...activities], agent: { ...this.state.agent, activity: current } });
  }

  pluginLoaded(name: string): void {
    this.update({ plugins: { ...this.state.plugins, loaded: [...this.state.plugins.loaded, name] } });
  }

  pluginFailed(message: string): void {
    this.update({ plugins: { ...this.state.plugins, error: message } });
  }

  selectedTask(): DesktopTask | undefined {
    return this.state.tasks.find((task) => task.sid === this.state.selectedTaskSid);
  }

  private update(patch: Partial<DesktopState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener(this.state));
  }
}

export const SANDBOX_ACTIVITIES: AgentActivity[] = [
  { sid: 'WAavailable', name: 'Available', available: true },
  { sid: 'WAunavailable', name: 'Unavailable', available: false },
  { sid: 'WAoffline', name: 'Offline', available: false },
];

export const createDesktopState = (agent: Omit<DesktopAgent, 'activity'>): DesktopStateStore =>
  new DesktopStateStore({
    agent: { ...agent, activity: SANDBOX_ACTIVITIES[0] },
    activities: SANDBOX_ACTIVITIES,
    tasks: [],
    selectedTaskSid: null,
    activeView: AGENT_DESKTOP_VIEW,
    componentViewStates: {},
    plugins: { loaded: [] },
  });
