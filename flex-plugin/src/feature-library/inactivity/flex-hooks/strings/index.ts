import type { FeatureStrings } from '../../../../types/feature';
import enUS from '../../strings/en-us.json';
import esES from '../../strings/es-es.json';
import ptBR from '../../strings/pt-br.json';

export enum InactivityStringTemplates {
  Paused = 'FMKInactivityPaused',
  Expired = 'FMKInactivityExpired',
  Snooze = 'FMKInactivitySnooze',
  Pause = 'FMKInactivityPause',
  Resume = 'FMKInactivityResume',
  ChangeFailed = 'FMKInactivityChangeFailed',
  WrappedUp = 'FMKInactivityWrappedUp',
}

/** Notification ids; their templates are strings of the same name. */
export enum InactivityNotification {
  WrappedUp = 'FMKInactivityWrappedUp',
}

export const inactivityStrings: FeatureStrings = {
  'en-US': enUS,
  'es-ES': esES,
  'pt-BR': ptBR,
};
