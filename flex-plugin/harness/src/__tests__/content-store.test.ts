import type { ReactElement } from 'react';

import { ContentStore } from '../content-store';

const element = (key: string | null, props: Record<string, unknown> = {}) =>
  ({ type: 'span', key, props }) as unknown as ReactElement;

const keys = (store: ContentStore, props: object = {}) => store.visibleFragments(props).map((fragment) => fragment.key);

describe('sandbox content fragments', () => {
  it('orders fragments by sortOrder, then by the order plugins added them', () => {
    const store = new ContentStore('MainHeader');
    store.add(element('activity'), { sortOrder: 10 });
    store.add(element('user-controls'), { sortOrder: 20 });
    store.add(element(null), { key: 'fmk-health-status', sortOrder: -1 } as never);
    store.add(element('late'));
    store.add(element('later'));

    expect(keys(store)).toEqual(['fmk-health-status', 'late', 'later', 'activity', 'user-controls']);
  });

  it("puts an item added without align in the header's start section, as Flex's MainHeader does", () => {
    const store = new ContentStore('MainHeader');
    store.add(element('plugin-default'), { sortOrder: -1 });
    store.add(element('plugin-end'), { sortOrder: -1, align: 'end' });
    store.add(element('activity'), { sortOrder: 10, align: 'end' });

    expect(keys(store)).toEqual(['plugin-default', 'plugin-end', 'activity']);
    expect(store.visibleFragments({}, 'start').map((f) => f.key)).toEqual(['plugin-default']);
    expect(store.visibleFragments({}, 'end').map((f) => f.key)).toEqual(['plugin-end', 'activity']);
  });

  it('takes the key from the options, else from the element', () => {
    const store = new ContentStore('TaskCanvas');
    store.add(element('from-element'));
    store.add(element('ignored'), { key: 'from-options' } as never);

    expect(keys(store)).toEqual(['from-element', 'from-options']);
  });

  it('shows a fragment only when its `if` holds for the component props', () => {
    const store = new ContentStore('TaskCanvasHeader');
    store.add(element('sms-only'), { if: (props: { channel?: string }) => props.channel === 'sms' });

    expect(keys(store, { channel: 'sms' })).toEqual(['sms-only']);
    expect(keys(store, { channel: 'whatsapp' })).toEqual([]);
  });

  it('removes by key, optionally only when a condition holds, and can undo it', () => {
    const store = new ContentStore('MainHeader');
    store.add(element('activity'));
    const undo = store.remove('activity', { if: (props: { hidden?: boolean }) => Boolean(props.hidden) });

    expect(keys(store, { hidden: true })).toEqual([]);
    expect(keys(store, { hidden: false })).toEqual(['activity']);
    undo();
    expect(keys(store, { hidden: true })).toEqual(['activity']);
  });

  it('replace shows only the replacement until its cleanup runs', () => {
    const store = new ContentStore('TaskInfoPanel');
    store.add(element('details'));
    const cleanup = store.replace(element('custom-panel'));

    expect(keys(store)).toEqual(['custom-panel']);
    cleanup();
    expect(keys(store)).toEqual(['details']);
  });

  it("add's cleanup removes exactly that fragment and tells the page", () => {
    const store = new ContentStore('MainHeader');
    const changes = jest.fn();
    store.subscribe(changes);
    store.add(element('a'));
    const removeB = store.add(element('b'));

    removeB();

    expect(keys(store)).toEqual(['a']);
    expect(changes).toHaveBeenCalledTimes(3);
  });
});
