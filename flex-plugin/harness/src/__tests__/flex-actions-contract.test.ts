import { loadRealFlex, uniqueName } from '../../../src/test-support/real-flex';
import { HarnessActionsImpl } from '../actions';
import { HarnessNotificationsImpl } from '../notifications';

/**
 * The harness's Actions and Notifications against Flex 2.17.1's own (ActionsImpl.invokeAction and
 * NotificationManager.registerNotification in @twilio/flex-ui/bundle/twilio-flex.prod.js): every
 * case runs against both and must come out the same.
 */
type ActionsLike = Pick<HarnessActionsImpl, 'registerAction' | 'invokeAction' | 'addListener'>;

const realFlex = loadRealFlex();
const implementations: Array<[string, () => ActionsLike]> = [
  ['Flex 2.17', () => realFlex.Actions as unknown as ActionsLike],
  ['harness', () => new HarnessActionsImpl()],
];

beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe.each(implementations)('%s Actions', (_name, make) => {
  it('reject an error from the action body as a FlexError that wraps the original', async () => {
    const actions = make();
    const name = uniqueName('ContractBodyFails');
    const original = Object.assign(new Error('conflict'), { status: 409, code: 'conversation_exists' });
    actions.registerAction(name, async () => {
      throw original;
    });

    const error = await actions.invokeAction(name, {}).catch((e: unknown) => e);

    expect(error).not.toBe(original);
    expect((error as Error).message).toBe('conflict');
    expect((error as { content: { wrappedError: unknown; context: string } }).content).toEqual(
      expect.objectContaining({ wrappedError: original, context: 'Actions' }),
    );
  });

  it('reject when a before-listener aborts, without running the action', async () => {
    const actions = make();
    const name = uniqueName('ContractAborted');
    const body = jest.fn(async () => 'ran');
    actions.registerAction(name, body);
    actions.addListener(`before${name}`, (_payload: unknown, abort: () => void) => abort());

    await expect(actions.invokeAction(name, {})).rejects.toThrow(`Action ${name} cancelled by before event`);
    expect(body).not.toHaveBeenCalled();
  });

  it('still run the action when a before-listener fails, and keep its result when an after-listener fails', async () => {
    const actions = make();
    const name = uniqueName('ContractListenersFail');
    actions.registerAction(name, async () => 'done');
    actions.addListener(`before${name}`, async () => {
      throw new Error('before failed');
    });
    actions.addListener(`after${name}`, async () => {
      throw new Error('after failed');
    });

    await expect(actions.invokeAction(name, {})).resolves.toBe('done');
  });

  it('reject an unknown action', async () => {
    await expect(make().invokeAction(uniqueName('ContractUnknown'), {})).rejects.toThrow('Action does not exist');
  });
});

describe.each([
  ['Flex 2.17', () => realFlex.Notifications as unknown as Pick<HarnessNotificationsImpl, 'registerNotification'>],
  ['harness', () => new HarnessNotificationsImpl(() => ({}))],
])('%s Notifications', (_name, make) => {
  it('throw when an id is registered twice', () => {
    const notifications = make();
    const id = uniqueName('ContractNotification');
    notifications.registerNotification({ id, content: id, type: realFlex.NotificationType.information });

    expect(() =>
      notifications.registerNotification({ id, content: id, type: realFlex.NotificationType.information }),
    ).toThrow('Notification already registered');
  });
});
