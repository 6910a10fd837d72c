import { sentItem } from '../../../../test-support/sent-messages';
import type { SentMessage } from '../../types/outbound';
import { NOTIFIED_FAILURES_KEY, SentStore } from '../sent-store';

const memory = () => {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => values.set(key, value),
    values,
  };
};

const fakeDocument = () => {
  const listeners = new Set<() => void>();
  return {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
    fire: () => listeners.forEach((listener) => listener()),
    listeners,
  };
};

describe('sent store', () => {
  afterEach(() => jest.useRealTimers());

  it('reports each failed or undelivered first message once, and remembers it across reloads', async () => {
    const failed = sentItem({ conversationSid: 'CH1' }, { status: 'undelivered', errorCode: 30003 });
    const fine = sentItem({ conversationSid: 'CH2', messageSid: 'IM2' }, { status: 'delivered' });
    const whatsapp = sentItem({ conversationSid: 'CH3', messageSid: 'IM3' }, { status: 'failed', errorCode: 63016 });
    let rows = [failed, fine];
    const onFailure = jest.fn();
    const session = memory();
    const store = new SentStore({ load: async () => rows, onFailure, memory: session });

    await store.refresh();
    await store.refresh();
    expect(onFailure.mock.calls.map(([item]) => item.conversationSid)).toEqual(['CH1']);

    rows = [failed, fine, whatsapp];
    await store.refresh();
    expect(onFailure.mock.calls.map(([item]) => item.conversationSid)).toEqual(['CH1', 'CH3']);
    expect(JSON.parse(session.values.get(NOTIFIED_FAILURES_KEY)!)).toEqual(['CH1:IM1', 'CH3:IM3']);

    const afterReload = jest.fn();
    await new SentStore({ load: async () => rows, onFailure: afterReload, memory: session }).refresh();
    expect(afterReload).not.toHaveBeenCalled();
  });

  it('a reused conversation whose new first message fails is reported again', async () => {
    const onFailure = jest.fn();
    let rows = [sentItem({ messageSid: 'IM1' }, { status: 'undelivered' })];
    const store = new SentStore({ load: async () => rows, onFailure });
    await store.refresh();
    rows = [sentItem({ messageSid: 'IM9' }, { status: 'undelivered' })];
    await store.refresh();
    expect(onFailure).toHaveBeenCalledTimes(2);
  });

  it('keeps the last rows and exposes the error when a refresh fails', async () => {
    const load = jest
      .fn<Promise<SentMessage[]>, []>()
      .mockResolvedValueOnce([sentItem()])
      .mockRejectedValueOnce(new Error('down'));
    const store = new SentStore({ load, onFailure: jest.fn() });
    await store.refresh();
    await store.refresh();
    expect(store.snapshot().items).toHaveLength(1);
    expect((store.snapshot().error as Error).message).toBe('down');
  });

  it('asks once for concurrent refreshes', async () => {
    const load = jest.fn(async () => [sentItem()]);
    const store = new SentStore({ load, onFailure: jest.fn() });
    await Promise.all([store.refresh(), store.refresh(), store.refresh()]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('polls at its interval only while the page is visible, and at once when it shows again', async () => {
    jest.useFakeTimers();
    const load = jest.fn(async () => [] as SentMessage[]);
    const store = new SentStore({ load, onFailure: jest.fn() });
    const doc = fakeDocument();
    const stop = store.poll(15_000, doc);

    jest.advanceTimersByTime(15_000);
    expect(load).toHaveBeenCalledTimes(1);
    await store.refresh(); // the tick's request, finished
    doc.visibilityState = 'hidden';
    jest.advanceTimersByTime(45_000);
    expect(load).toHaveBeenCalledTimes(1);
    doc.visibilityState = 'visible';
    doc.fire();
    expect(load).toHaveBeenCalledTimes(2);

    stop();
    expect(doc.listeners.size).toBe(0);
    jest.advanceTimersByTime(60_000);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
