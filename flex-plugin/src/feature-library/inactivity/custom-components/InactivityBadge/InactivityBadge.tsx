import * as React from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';

import { PasteThemeScope } from '../../../../common/PasteThemeScope/PasteThemeScope';
import type { CountdownStore } from '../../state/countdown-store';
import type { Countdown } from '../../types/inactivity';

export interface InactivityLabels {
  paused: string;
  expired: string;
  snooze: string;
  pause: string;
  resume: string;
  changeFailed: string;
  /** `{{time}}`: the countdown, as screen readers and the tooltip say it. */
  remaining: string;
}

/** What an agent can do to a countdown; the server decides what it then is. */
export type CountdownChange = 'snooze' | 'pause' | 'resume';

export interface InactivityBadgeProps {
  store: CountdownStore;
  conversationSid: string;
  labels: InactivityLabels;
  /** Shown in the task canvas header, not in the task list. */
  onChange?: (conversationSid: string, change: CountdownChange) => Promise<void>;
}

type Phase = 'counting' | 'warning' | 'paused' | 'expired';

const VARIANTS = { counting: 'neutral', warning: 'warning', paused: 'info', expired: 'error' } as const;

export const phaseOf = (c: Countdown, serverNow: number): Phase => {
  if (c.state === 'expired') {
    return 'expired';
  }
  if (c.state === 'paused') {
    return 'paused';
  }
  const warningAt = c.warningAt ? Date.parse(c.warningAt) : undefined;
  return c.state === 'warned' || (warningAt !== undefined && serverNow >= warningAt) ? 'warning' : 'counting';
};

export const formatRemaining = (ms: number): string => {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${seconds.toString().padStart(2, '0')}`;
};

/** The server's countdown for one conversation; re-rendered every second, decided by the server. */
export const InactivityBadge = ({ store, conversationSid, labels, onChange }: InactivityBadgeProps) => {
  const [, setVersion] = React.useState(0);
  const [pending, setPending] = React.useState<CountdownChange | undefined>(undefined);
  const [failed, setFailed] = React.useState(false);

  React.useEffect(() => {
    const unsubscribe = store.subscribe(() => setVersion((v) => v + 1));
    const tick = setInterval(() => setVersion((v) => v + 1), 1_000);
    return () => {
      unsubscribe();
      clearInterval(tick);
    };
  }, [store]);

  const countdown = store.get(conversationSid);
  if (countdown === undefined || countdown.state === 'stopped') {
    return null;
  }
  const now = store.serverNow();
  const phase = phaseOf(countdown, now);
  let text = labels.paused;
  let counting = false;
  if (phase === 'expired') {
    text = labels.expired;
  } else if (phase !== 'paused' && countdown.deadline) {
    text = formatRemaining(Date.parse(countdown.deadline) - now);
    counting = true;
  }

  const spoken = counting ? labels.remaining.replace('{{time}}', text) : text;

  const change = async (what: CountdownChange) => {
    if (!onChange) {
      return;
    }
    setPending(what);
    setFailed(false);
    try {
      await onChange(conversationSid, what);
    } catch {
      setFailed(true);
    } finally {
      setPending(undefined);
    }
  };
  const running = phase === 'counting' || phase === 'warning';
  const button = (what: CountdownChange, text: string) => (
    <Button
      variant="secondary"
      size="small"
      onClick={() => change(what)}
      loading={pending === what}
      disabled={pending !== undefined && pending !== what}
      data-testid={`fmk-inactivity-${what}`}
    >
      {text}
    </Button>
  );

  return (
    <PasteThemeScope>
      <Box
        display="inline-flex"
        alignItems="center"
        columnGap="space20"
        data-testid="fmk-inactivity"
        data-phase={phase}
      >
        <Badge as="span" variant={VARIANTS[phase]}>
          <span data-testid="fmk-inactivity-remaining" aria-label={spoken} title={spoken}>
            {text}
          </span>
        </Badge>
        {onChange && running && button('snooze', labels.snooze)}
        {onChange && running && button('pause', labels.pause)}
        {onChange && phase === 'paused' && button('resume', labels.resume)}
        {failed && (
          <Box as="span" color="colorTextError" fontSize="fontSize20" role="alert">
            {labels.changeFailed}
          </Box>
        )}
      </Box>
    </PasteThemeScope>
  );
};
