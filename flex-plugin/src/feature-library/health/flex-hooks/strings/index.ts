import type { FeatureStrings } from '../../../../types/feature';
import { templateText } from '../../../../utils/strings';
import enUS from '../../strings/en-us.json';
import esES from '../../strings/es-es.json';
import ptBR from '../../strings/pt-br.json';

/** The health feature's string templates (`FMKHealth…`), as named in en-us.json. */
export type HealthStringKey = keyof typeof enUS;

export const healthStrings: FeatureStrings = {
  'en-US': enUS,
  'es-ES': esES,
  'pt-BR': ptBR,
};

/** A health string from manager.strings (overridable), else en-US, with `{{name}}` filled in. */
export const healthText = templateText<HealthStringKey>(enUS);
