import { CountdownStore } from '../../feature-library/inactivity/state/countdown-store';
import { SentStore } from '../../feature-library/outbound/state/sent-store';
import { TransferStore } from '../../feature-library/transfer/state/transfer-store';
import { fakeFlex, fakeManager } from '../../test-support/flex-doubles';
import { createBackendClient } from '../backend-client';
import { FeatureStore, onePerManager } from '../feature-store';

describe('feature stores', () => {
  it('gives every hook of one agent session the same store, and another session its own', () => {
    const { asFlexGlobal } = fakeFlex();
    const create = jest.fn(() => ({}));
    const storeFor = onePerManager(create);
    const first = fakeManager();
    const second = fakeManager();

    expect(storeFor(asFlexGlobal, first)).toBe(storeFor(asFlexGlobal, first));
    expect(storeFor(asFlexGlobal, second)).not.toBe(storeFor(asFlexGlobal, first));
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('have one shape in every feature: snapshot, subscribe, refresh and stop', () => {
    const client = createBackendClient(fakeManager());
    const stores: Array<FeatureStore<unknown>> = [
      new CountdownStore(client, 60_000, jest.fn()),
      new TransferStore(client, jest.fn(), 60_000),
      new SentStore({ load: async () => [], onFailure: jest.fn() }),
    ];
    stores.forEach((store) => {
      const before = store.snapshot();
      expect(before).toBeDefined();
      const unsubscribe = store.subscribe(jest.fn());
      unsubscribe();
      store.stop();
    });
  });
});
