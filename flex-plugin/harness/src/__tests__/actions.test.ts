import { HarnessActionsImpl } from '../actions';

describe('sandbox actions', () => {
  it('runs before-listeners, the action, then after-listeners, with the same payload', async () => {
    const actions = new HarnessActionsImpl();
    const calls: string[] = [];
    actions.registerAction('SelectTask', async (payload) => {
      calls.push(`run ${payload.sid}`);
      return 'selected';
    });
    actions.addListener('beforeSelectTask', (payload) => calls.push(`before ${payload.sid}`));
    actions.addListener('afterSelectTask', (payload) => calls.push(`after ${payload.sid}`));

    await expect(actions.invokeAction('SelectTask', { sid: 'WT1' })).resolves.toBe('selected');
    expect(calls).toEqual(['before WT1', 'run WT1', 'after WT1']);
  });

  it('lets a before-listener cancel the action', async () => {
    const actions = new HarnessActionsImpl();
    const run = jest.fn();
    actions.registerAction('SetActivity', run);
    actions.addListener('beforeSetActivity', (_payload, abort: () => void) => abort());

    await expect(actions.invokeAction('SetActivity', { activityName: 'Offline' })).rejects.toThrow(
      'Action SetActivity cancelled by before event',
    );
    expect(run).not.toHaveBeenCalled();
  });

  it('gives a replacement the original implementation', async () => {
    const actions = new HarnessActionsImpl();
    actions.registerAction('SetActivity', async (payload) => `set ${payload.activityName}`);
    actions.replaceAction('SetActivity', async (payload, original) =>
      original({ activityName: `${payload.activityName} (checked)` }),
    );

    await expect(actions.invokeAction('SetActivity', { activityName: 'Available' })).resolves.toBe(
      'set Available (checked)',
    );
  });

  it('rejects unknown actions and removed listeners stop firing', async () => {
    const actions = new HarnessActionsImpl();
    await expect(actions.invokeAction('NoSuchAction')).rejects.toThrow('Action does not exist');

    const listener = jest.fn();
    actions.registerAction('SelectTask', async () => undefined);
    actions.addListener('beforeSelectTask', listener).removeListener('beforeSelectTask', listener);
    await actions.invokeAction('SelectTask', { sid: 'WT1' });
    expect(listener).not.toHaveBeenCalled();
  });
});
