import type { FeatureStrings } from '../../../../types/feature';
import { templateText } from '../../../../utils/strings';
import enUS from '../../strings/en-us.json';
import esES from '../../strings/es-es.json';
import ptBR from '../../strings/pt-br.json';

/** The inactivity feature's string templates (`FMKInactivity…`), as named in en-us.json. */
export type InactivityStringKey = keyof typeof enUS;

export const inactivityStrings: FeatureStrings = {
  'en-US': enUS,
  'es-ES': esES,
  'pt-BR': ptBR,
};

/** A inactivity string from manager.strings (overridable), else en-US, with `{{name}}` filled in. */
export const inactivityText = templateText<InactivityStringKey>(enUS);
