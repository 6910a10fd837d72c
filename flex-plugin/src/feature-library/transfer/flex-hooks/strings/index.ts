import type { FeatureStrings } from '../../../../types/feature';
import { templateText } from '../../../../utils/strings';
import enUS from '../../strings/en-us.json';
import esES from '../../strings/es-es.json';
import ptBR from '../../strings/pt-br.json';

/** The transfer feature's string templates (`FMKTransfer…`), as named in en-us.json. */
export type TransferStringKey = keyof typeof enUS;

export const transferStrings: FeatureStrings = {
  'en-US': enUS,
  'es-ES': esES,
  'pt-BR': ptBR,
};

/** A transfer string from manager.strings (overridable), else en-US, with `{{name}}` filled in. */
export const transferText = templateText<TransferStringKey>(enUS);
