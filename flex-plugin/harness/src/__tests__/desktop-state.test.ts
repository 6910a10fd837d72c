import { AGENT_DESKTOP_VIEW, createDesktopState } from '../desktop-state';

describe('desktop views', () => {
  it("starts on Flex's agent desktop and switches views for NavigateToView, telling subscribers", () => {
    const desktop = createDesktopState({ identity: 'alice', fullName: 'Alice', workerSid: 'WK1' });
    expect(desktop.getState().activeView).toBe(AGENT_DESKTOP_VIEW);
    const seen: string[] = [];
    desktop.subscribe((state) => seen.push(state.activeView));

    desktop.navigate('fmk-outbound-sent');

    expect(desktop.getState().activeView).toBe('fmk-outbound-sent');
    expect(seen).toEqual(['fmk-outbound-sent']);
  });
});
