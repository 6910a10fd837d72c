import type { FeatureStrings } from '../../../../types/feature';
import enUS from '../../strings/en-us.json';
import esES from '../../strings/es-es.json';
import ptBR from '../../strings/pt-br.json';

export enum InactivityStringTemplates {
  Paused = 'FMKInactivityPaused',
  Expired = 'FMKInactivityExpired',
  Snooze = 'FMKInactivitySnooze',
  SnoozeFailed = 'FMKInactivitySnoozeFailed',
  WrappedUp = 'FMKInactivityWrappedUp',
}

export const inactivityStrings: FeatureStrings = {
  'en-US': enUS,
  'es-ES': esES,
  'pt-BR': ptBR,
};
