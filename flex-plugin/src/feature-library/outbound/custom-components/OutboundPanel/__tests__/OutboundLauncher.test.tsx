import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { combineReducers, createStore } from 'redux';

import { HarnessActionsImpl } from '../../../../../../harness/src/actions';
import { fakeManager } from '../../../../../test-support/flex-doubles';
import type { FlexGlobal, PluginManager } from '../../../../../types/feature';
import { PANEL_STATE, registerOutboundActions, TOGGLE_ACTION } from '../../../flex-hooks/actions';
import enUS from '../../../strings/en-us.json';
import { OutboundLauncher } from '../OutboundLauncher';

type ViewState = { componentViewStates: Record<string, Record<string, unknown>> };

/** Flex's view reducer for VIEW_SET_COMPONENT_STATE (@twilio/flex-ui's bundle): merge by name. */
const view = (state: ViewState = { componentViewStates: {} }, action: { type: string; payload?: any }): ViewState =>
  action.type === 'VIEW_SET_COMPONENT_STATE'
    ? {
        componentViewStates: {
          ...state.componentViewStates,
          [action.payload.name]: { ...state.componentViewStates[action.payload.name], ...action.payload.state },
        },
      }
    : state;

const setUp = () => {
  const store = createStore(combineReducers({ flex: combineReducers({ view }) }));
  const actions = new HarnessActionsImpl();
  actions.registerAction('SetComponentState', async (payload: { name: string; state: object }) => {
    store.dispatch({ type: 'VIEW_SET_COMPONENT_STATE', payload });
  });
  const manager = { ...fakeManager(), store } as unknown as PluginManager;
  registerOutboundActions({ Actions: actions, Notifications: {} } as unknown as FlexGlobal, manager);
  render(
    <div data-testid="header-start" style={{ overflow: 'hidden' }}>
      <OutboundLauncher
        store={manager.store}
        toggle={(open?: boolean) => void actions.invokeAction(TOGGLE_ACTION, open === undefined ? {} : { open })}
        label={enUS.FMKOutboundButton}
        closeLabel={enUS.FMKOutboundClose}
        senders={{ sms: ['+15005550006'], whatsapp: [] }}
        strings={{}}
        send={jest.fn()}
        loadTemplates={async () => ({ canned: [], contentTemplates: [] })}
        loadWindow={async () => ({ open: true })}
        newKey={() => 'key'}
      />
    </div>,
  );
  const isOpen = () => (store.getState().flex.view.componentViewStates[PANEL_STATE] as { isOpen?: boolean })?.isOpen;
  return { actions, isOpen };
};

const launcher = () => screen.getByRole('button', { name: enUS.FMKOutboundButton });

describe('the outbound panel', () => {
  it('opens as a dialog outside the header, named by its title, with focus inside it', async () => {
    const { isOpen } = setUp();
    fireEvent.click(launcher());

    const dialog = await screen.findByRole('dialog', { name: enUS.FMKOutboundTitle });
    expect(isOpen()).toBe(true);
    expect(screen.getByTestId('header-start').contains(dialog)).toBe(false);
    expect(launcher().getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
  });

  it('closes on Esc and on its close button, and gives focus back to the header icon', async () => {
    const { isOpen } = setUp();
    fireEvent.click(launcher());
    fireEvent.keyDown(await screen.findByRole('dialog'), { key: 'Escape' });

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(isOpen()).toBe(false);
    expect(document.activeElement).toBe(launcher());

    fireEvent.click(launcher());
    fireEvent.click(await screen.findByRole('button', { name: enUS.FMKOutboundClose }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('opens when anything sets its state in Flex', async () => {
    const { actions } = setUp();
    await act(async () => {
      await actions.invokeAction('SetComponentState', { name: PANEL_STATE, state: { isOpen: true } });
    });
    expect(await screen.findByRole('dialog', { name: enUS.FMKOutboundTitle })).toBeTruthy();
  });
});
