import { AGENT_DESKTOP_VIEW, createDesktopState } from '../desktop-state';

describe('desktop views', () => {
  it("starts on Flex's agent desktop and switches views for NavigateToView, telling subscribers", () => {
    const desktop = createDesktopState({ identity: 'alice', fullName: 'Alice', workerSid: 'WK1' });
    expect(desktop.getState().activeView).toBe(AGENT_DESKTOP_VIEW);
    const seen: string[] = [];
    desktop.subscribe((state) => seen.push(state.activeView));

    desktop.navigate('fmk-sent-messages');

    expect(desktop.getState().activeView).toBe('fmk-sent-messages');
    expect(seen).toEqual(['fmk-sent-messages']);
  });
});
