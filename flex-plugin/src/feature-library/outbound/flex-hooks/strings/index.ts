import type { FeatureStrings } from '../../../../types/feature';
import { templateText } from '../../../../utils/strings';
import enUS from '../../strings/en-us.json';
import esES from '../../strings/es-es.json';
import ptBR from '../../strings/pt-br.json';

/** The outbound feature's string templates (`FMKOutbound…`), as named in en-us.json. */
export type OutboundStringKey = keyof typeof enUS;

export const outboundStrings: FeatureStrings = {
  'en-US': enUS,
  'es-ES': esES,
  'pt-BR': ptBR,
};

/** An outbound string from manager.strings (overridable), else en-US, with `{{name}}` filled in. */
export const outboundText = templateText<OutboundStringKey>(enUS);
