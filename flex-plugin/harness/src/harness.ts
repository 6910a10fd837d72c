/**
 * The sandbox agent desktop: a stand-in for Flex that loads the real production plugin bundle.
 * Loaded as /sandbox/harness.js after the vendor UMD scripts.
 */
import { createDesktopState } from './desktop-state.js';
import { createHarnessFlex } from './flex.js';
import type { HarnessFlex } from './flex-contract.js';
import { missingVendorGlobals, vendor } from './globals.js';
import { agentToken, createManager } from './manager.js';
import { PluginHost } from './plugin-host.js';
import { ActivityPill, UserControls } from './view/AgentHeader.js';
import { AgentDesktop } from './view/AgentDesktop.js';

const SANDBOX_ACCOUNT_SID = 'ACsandbox00000000000000000000000000';

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
  const identity = params.get('identity') ?? 'alice';

  const desktop = createDesktopState({
    identity,
    fullName: params.get('name') ?? `${identity.charAt(0).toUpperCase()}${identity.slice(1)}`,
    workerSid: 'WKsandbox00000000000000000000000000',
  });
  const manager = createManager({
    desktop,
    token: agentToken(window.location, window.sessionStorage),
    localeTag: params.get('locale') ?? 'en-US',
    // The sandbox page and the backend share an origin.
    backendUrl: window.location.origin,
    accountSid: SANDBOX_ACCOUNT_SID,
  });
  const host = new PluginHost(desktop, manager);
  const { flex, content, notifications } = createHarnessFlex(desktop, manager, host.plugins);
  host.attach(flex);

  // Flex's own header content, under Flex's keys, so plugins can place themselves around it.
  content.MainHeader.add(React.createElement(ActivityPill, { desktop, actions: flex.Actions }), {
    key: 'activity',
    sortOrder: 10,
  });
  content.MainHeader.add(React.createElement(UserControls, { desktop }), { key: 'user-controls', sortOrder: 20 });

  (window as unknown as { Twilio: { Flex: HarnessFlex } }).Twilio = { Flex: flex };

  const root = document.getElementById('root');
  if (!root) {
    throw new Error('index.html has no #root');
  }
  ReactDOM.render(
    React.createElement(
      ReactRedux.Provider,
      { store: manager.store as never },
      React.createElement(AgentDesktop, { desktop, content, actions: flex.Actions, notifications }),
    ),
    root,
  );

  await host.load();
};

boot().catch((error: unknown) => {
  console.error('[harness] boot failed', error);
  showFatalError(`The sandbox desktop could not start: ${error instanceof Error ? error.message : String(error)}`);
});
