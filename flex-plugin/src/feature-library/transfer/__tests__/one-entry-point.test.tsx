import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { combineReducers, createStore } from 'redux';

import { HarnessActionsImpl } from '../../../../harness/src/actions';
import { fakeFlex, fakeManager } from '../../../test-support/flex-doubles';
import type { FlexGlobal, PluginManager } from '../../../types/feature';
import { DIRECTORY_STATE, replaceShowDirectory } from '../flex-hooks/actions/TransferTask';
import { addTransferButtonToTaskCanvasHeader } from '../flex-hooks/components/TaskCanvasHeader';
import enUS from '../strings/en-us.json';

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

const TASK = 'WT00000000000000000000000000000001';
const smsTask = { taskSid: TASK, status: 'assigned', attributes: { conversationSid: 'CH1' } };
const voiceTask = { taskSid: 'WT00000000000000000000000000000002', status: 'assigned', taskChannelUniqueName: 'voice' };

/** Flex-like Actions with Flex's own ShowDirectory and SetComponentState, and the transfer hooks. */
const setUp = (uiAttributes?: Record<string, unknown>) => {
  const store = createStore(combineReducers({ flex: combineReducers({ view }) }));
  const actions = new HarnessActionsImpl();
  const flexDirectory = jest.fn(async () => undefined);
  actions.registerAction('ShowDirectory', flexDirectory);
  actions.registerAction('SetComponentState', async (payload: { name: string; state: object }) => {
    store.dispatch({ type: 'VIEW_SET_COMPONENT_STATE', payload });
  });
  const { flex: doubles } = fakeFlex();
  const flex = { ...doubles, Actions: actions } as unknown as FlexGlobal;
  const manager = { ...fakeManager({ uiAttributes }), store } as unknown as PluginManager;
  replaceShowDirectory(flex, manager);
  addTransferButtonToTaskCanvasHeader(flex, manager);
  const [entry] = doubles.TaskCanvasHeader.Content.add.mock.calls[0] as [React.ReactElement];
  const openFor = () => store.getState().flex.view.componentViewStates[DIRECTORY_STATE]?.taskSid;
  return { actions, flexDirectory, entry, openFor };
};

describe('one Transfer entry point', () => {
  beforeEach(() => {
    (global as unknown as { fetch: unknown }).fetch = jest.fn(async () => new Promise(() => undefined));
  });

  it("opens our directory, not Flex's, when Flex's own Transfer (ShowDirectory) is used on a messaging task", async () => {
    const { actions, flexDirectory, openFor } = setUp();
    await actions.invokeAction('ShowDirectory', { task: smsTask });
    expect(openFor()).toBe(TASK);
    expect(flexDirectory).not.toHaveBeenCalled();

    await actions.invokeAction('ShowDirectory', { task: voiceTask });
    expect(flexDirectory).toHaveBeenCalledTimes(1);
  });

  it('shows one directory whichever button opened it, and closes it for both', async () => {
    const { actions, entry, openFor } = setUp();
    render(React.cloneElement(entry, { task: smsTask }));

    fireEvent.click(screen.getByTestId('fmk-transfer-button'));
    expect(await screen.findByRole('dialog', { name: enUS.FMKTransferDirectoryTitle })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: enUS.FMKTransferClose }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(openFor()).toBeNull();

    await act(async () => {
      await actions.invokeAction('ShowDirectory', { task: smsTask });
    });
    expect(await screen.findAllByRole('dialog')).toHaveLength(1);
  });

  it("leaves Flex's Transfer the only button when ownButton is off", async () => {
    const { actions, entry } = setUp({ flexMessagingKit: { features: { transfer: { ownButton: false } } } });
    render(React.cloneElement(entry, { task: smsTask }));
    expect(screen.queryByTestId('fmk-transfer-button')).toBeNull();

    await act(async () => {
      await actions.invokeAction('ShowDirectory', { task: smsTask });
    });
    expect(await screen.findByRole('dialog', { name: enUS.FMKTransferDirectoryTitle })).toBeTruthy();
  });
});
