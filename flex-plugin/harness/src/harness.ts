/**
 * The sandbox agent desktop: a stand-in for Flex that loads the real production plugin bundle.
 * Loaded as /sandbox/harness.js after the vendor UMD scripts.
 */
import { createDesktopState } from './desktop-state.js';
import { createHarnessFlex } from './flex.js';
import type { HarnessFlex } from './flex-contract.js';
import { missingVendorGlobals, vendor } from './globals.js';
import { agentToken, createManager, WorkerEvents } from './manager.js';
import { PluginHost } from './plugin-host.js';
import { SandboxApi } from './sandbox-api.js';
import { SandboxWorkerClient } from './worker-client.js';
import { ActivityPill, UserControls } from './view/AgentHeader.js';
import { DesktopProviders } from './providers.js';
import { AgentDesktop, AgentDesktopLink } from './view/AgentDesktop.js';

const OFFLINE_ACCOUNT_SID = 'ACsandbox00000000000000000000000000';

interface AgentSession {
  identity: string;
  fullName: string;
  workerSid: string;
  token: string;
  accountSid: string;
  workspaceSid?: string;
  numbers?: { sms: string[]; whatsapp: string[] };
}

/**
 * Signs the agent in as Flex would: the sandbox issues a real Flex token for a seeded worker
 * (`?identity=` picks one by identity or name; default the first). Without the sandbox's control
 * API the desktop still renders, with a placeholder identity and token.
 */
const signIn = async (api: SandboxApi, params: URLSearchParams): Promise<AgentSession> => {
  const wanted = params.get('identity');
  try {
    const info = await api.info();
    const lower = wanted?.toLowerCase();
    const worker =
      info.workers.find((w) => w.identity === wanted || w.friendlyName === wanted) ??
      (lower
        ? info.workers.find((w) => w.friendlyName.toLowerCase().startsWith(lower) || w.identity.startsWith(lower))
        : undefined) ??
      info.workers[0];
    if (!worker) {
      throw new Error('the sandbox has no workers');
    }
    const issued = await api.issueToken(worker.identity);
    return {
      identity: issued.identity,
      fullName: params.get('name') ?? worker.friendlyName,
      workerSid: issued.workerSid,
      token: issued.token,
      accountSid: info.accountSid,
      workspaceSid: info.workspaceSid,
      numbers: info.numbers,
    };
  } catch (error) {
    console.warn('[harness] sandbox sign-in unavailable; running without tasks', error);
    const identity = wanted ?? 'alice';
    return {
      identity,
      fullName: params.get('name') ?? `${identity.charAt(0).toUpperCase()}${identity.slice(1)}`,
      workerSid: 'WKsandbox00000000000000000000000000',
      token: agentToken(window.location, window.sessionStorage),
      accountSid: OFFLINE_ACCOUNT_SID,
    };
  }
};

const showFatalError = (message: string): void => {
  const banner = document.createElement('div');
  banner.className = 'plugin-error';
  banner.setAttribute('role', 'alert');
  banner.setAttribute('data-testid', 'plugin-error');
  banner.textContent = message;
  document.body.prepend(banner);
};

const boot = async (): Promise<void> => {
  const missing = missingVendorGlobals();
  if (missing.length > 0) {
    showFatalError(`The sandbox desktop could not start: ${missing.join(', ')} did not load from /sandbox/vendor/.`);
    return;
  }
  const { React, ReactDOM, ReactRedux } = vendor();
  const params = new URLSearchParams(window.location.search);
  const api = new SandboxApi(window.location.origin);
  const session = await signIn(api, params);

  const desktop = createDesktopState({
    identity: session.identity,
    fullName: session.fullName,
    workerSid: session.workerSid,
  });
  const workerEvents = new WorkerEvents();
  const manager = createManager({
    desktop,
    senders: session.numbers,
    events: workerEvents,
    token: session.token,
    localeTag: params.get('locale') ?? 'en-US',
    // The sandbox page and the backend share an origin.
    backendUrl: window.location.origin,
    accountSid: session.accountSid,
  });
  const host = new PluginHost(desktop, manager);
  // ?theme=dark: Flex's dark theme, as setProviders hands it to the plugin's Paste provider.
  const dark = params.get('theme') === 'dark';
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  const providers = new DesktopProviders({ isLight: !dark });
  const { flex, content, notifications } = createHarnessFlex(desktop, manager, host.plugins, providers);
  host.attach(flex);

  const workerClient = session.workspaceSid
    ? new SandboxWorkerClient(api, desktop, session.workspaceSid, (event, ...args) => workerEvents.emit(event, ...args))
    : undefined;
  if (workerClient) {
    desktop.setActivities(await workerClient.loadActivities(), desktop.getState().agent.activity.name);
    workerClient.registerActions(flex.Actions);
    flex.Actions.replaceAction(
      'SetActivity',
      async (payload: { activityName?: string; activitySid?: string }, original) => {
        const name =
          payload.activityName ??
          desktop.getState().activities.find((activity) => activity.sid === payload.activitySid)?.name;
        if (name) {
          await api.setActivity(session.workerSid, name);
        }
        return original(payload);
      },
    );
  }

  // Flex's own header content, under Flex's keys, so plugins can place themselves around it.
  content.MainHeader.add(React.createElement(ActivityPill, { desktop, actions: flex.Actions }), {
    key: 'activity',
    sortOrder: 10,
    align: 'end',
  });
  content.MainHeader.add(React.createElement(UserControls, { desktop }), {
    key: 'user-controls',
    sortOrder: 20,
    align: 'end',
  });
  content.SideNav.add(React.createElement(AgentDesktopLink, { actions: flex.Actions }), {
    key: 'agent-desktop',
    sortOrder: 0,
  });

  (window as unknown as { Twilio: { Flex: HarnessFlex } }).Twilio = { Flex: flex };

  const root = document.getElementById('root');
  if (!root) {
    throw new Error('index.html has no #root');
  }
  const render = () =>
    ReactDOM.render(
      React.createElement(
        ReactRedux.Provider,
        { store: manager.store as never },
        providers.wrap(
          React.createElement(AgentDesktop, {
            desktop,
            content,
            actions: flex.Actions,
            notifications,
            api: workerClient ? api : undefined,
          }),
        ),
      ),
      root,
    );
  render();
  providers.subscribe(render);

  await host.load();
  workerClient?.start();
};

boot().catch((error: unknown) => {
  console.error('[harness] boot failed', error);
  showFatalError(`The sandbox desktop could not start: ${error instanceof Error ? error.message : String(error)}`);
});
