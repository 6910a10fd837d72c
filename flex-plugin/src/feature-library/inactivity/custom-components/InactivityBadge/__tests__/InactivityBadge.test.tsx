import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';

import type { BackendClient } from '../../../../../utils/backend-client';
import { CountdownStore } from '../../../state/countdown-store';
import type { Countdown } from '../../../types/inactivity';
import { InactivityBadge, formatRemaining } from '../InactivityBadge';

const labels = {
  paused: 'Timer paused',
  expired: 'Inactive: wrapping up',
  snooze: 'Snooze 5 min',
  pause: 'Pause',
  resume: 'Resume',
  changeFailed: 'Could not change the timer',
  remaining: '{{time}} left before this chat wraps up for inactivity',
};
const SID = 'CH00000000000000000000000000000001';
const SERVER_NOW = '2026-01-01T00:00:00Z';

const countdown = (over: Partial<Countdown> = {}): Countdown => ({
  conversationSid: SID,
  taskSid: 'WT1',
  channelType: 'sms',
  state: 'active',
  deadline: '2026-01-01T00:02:00Z',
  warningAt: '2026-01-01T00:01:30Z',
  serverTime: SERVER_NOW,
  ...over,
});

const idleClient = { baseUrl: 'http://kit.test', get: jest.fn(), post: jest.fn() } as unknown as BackendClient;

/** The browser's clock is an hour off: the badge must still show the server's remaining time. */
let browserNow = Date.parse(SERVER_NOW) + 3_600_000;
const storeWith = (c: Countdown, onExpired = jest.fn()) => {
  const store = new CountdownStore(idleClient, 60_000, onExpired, () => browserNow);
  store.apply([c], c.serverTime);
  return store;
};

beforeEach(() => {
  browserNow = Date.parse(SERVER_NOW) + 3_600_000;
});

describe('InactivityBadge', () => {
  it("shows the server's remaining time even when the browser clock is wrong", () => {
    render(<InactivityBadge store={storeWith(countdown())} conversationSid={SID} labels={labels} />);
    expect(screen.getByTestId('fmk-inactivity-remaining').textContent).toBe('2:00');
    // A bare 0:23 means nothing to a screen reader: the label says what the time is for.
    expect(screen.getByTestId('fmk-inactivity-remaining').getAttribute('aria-label')).toBe(
      '2:00 left before this chat wraps up for inactivity',
    );
    expect(screen.getByTestId('fmk-inactivity').getAttribute('data-phase')).toBe('counting');
  });

  it('changes colour once the warning time is reached', () => {
    jest.useFakeTimers();
    try {
      render(<InactivityBadge store={storeWith(countdown())} conversationSid={SID} labels={labels} />);
      browserNow += 91_000;
      act(() => {
        jest.advanceTimersByTime(1_000);
      });
      expect(screen.getByTestId('fmk-inactivity').getAttribute('data-phase')).toBe('warning');
      expect(screen.getByTestId('fmk-inactivity-remaining').textContent).toBe('0:29');
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows paused and expired countdowns as words, with no buttons once expired', () => {
    const { rerender } = render(
      <InactivityBadge
        store={storeWith(countdown({ state: 'paused', deadline: null }))}
        conversationSid={SID}
        labels={labels}
      />,
    );
    expect(screen.getByTestId('fmk-inactivity-remaining').textContent).toBe('Timer paused');
    rerender(
      <InactivityBadge
        store={storeWith(countdown({ state: 'expired' }))}
        conversationSid={SID}
        labels={labels}
        onChange={jest.fn()}
      />,
    );
    expect(screen.getByTestId('fmk-inactivity').getAttribute('data-phase')).toBe('expired');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('renders nothing for a conversation the server does not track', () => {
    const { container } = render(
      <InactivityBadge store={storeWith(countdown())} conversationSid="CHother" labels={labels} />,
    );
    expect(container.textContent).toBe('');
  });

  it('snoozes through the callback and says so when it fails', async () => {
    const onChange = jest.fn().mockRejectedValueOnce(new Error('409')).mockResolvedValueOnce(undefined);
    render(
      <InactivityBadge store={storeWith(countdown())} conversationSid={SID} labels={labels} onChange={onChange} />,
    );
    fireEvent.click(screen.getByTestId('fmk-inactivity-snooze'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not change the timer'));
    fireEvent.click(screen.getByTestId('fmk-inactivity-snooze'));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(onChange).toHaveBeenCalledWith(SID, 'snooze');
  });

  it('offers pause beside snooze while counting, and only resume once paused', async () => {
    const onChange = jest.fn().mockResolvedValue(undefined);
    const { rerender } = render(
      <InactivityBadge store={storeWith(countdown())} conversationSid={SID} labels={labels} onChange={onChange} />,
    );
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Snooze 5 min', 'Pause']);
    fireEvent.click(screen.getByTestId('fmk-inactivity-pause'));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(SID, 'pause'));

    rerender(
      <InactivityBadge
        store={storeWith(countdown({ state: 'paused', deadline: null, warningAt: null }))}
        conversationSid={SID}
        labels={labels}
        onChange={onChange}
      />,
    );
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Resume']);
    fireEvent.click(screen.getByTestId('fmk-inactivity-resume'));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith(SID, 'resume'));
  });

  it('shows no buttons in the task list, where no callback is given', () => {
    render(<InactivityBadge store={storeWith(countdown())} conversationSid={SID} labels={labels} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('formatRemaining', () => {
  it('rounds up to whole seconds and never goes negative', () => {
    expect(formatRemaining(61_001)).toBe('1:02');
    expect(formatRemaining(-5_000)).toBe('0:00');
  });
});
