import type { FeatureStrings } from '../../../../types/feature';
import enUS from '../../strings/en-us.json';
import esES from '../../strings/es-es.json';
import ptBR from '../../strings/pt-br.json';

/** String template names the health feature adds to `manager.strings`. */
export enum HealthStringTemplates {
  Checking = 'FMKHealthChecking',
  Connected = 'FMKHealthConnected',
  Degraded = 'FMKHealthDegraded',
  Unreachable = 'FMKHealthUnreachable',
}

export const healthStrings: FeatureStrings = {
  'en-US': enUS,
  'es-ES': esES,
  'pt-BR': ptBR,
};
