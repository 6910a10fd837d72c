/** GSM 03.38 basic set; anything else forces UCS-2. */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Extension characters cost two septets. */
const GSM_EXTENDED = '^{}\\[~]|€\f';

export interface SegmentCount {
  characters: number;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
}

/** Characters and SMS segments of a body, as carriers count them (153/67 per part once split). */
export const countSegments = (body: string): SegmentCount => {
  const chars = Array.from(body);
  const gsm = chars.every((c) => GSM_BASIC.includes(c) || GSM_EXTENDED.includes(c));
  if (body.length === 0) {
    return { characters: 0, segments: 0, encoding: 'GSM-7' };
  }
  if (gsm) {
    const septets = chars.reduce((n, c) => n + (GSM_EXTENDED.includes(c) ? 2 : 1), 0);
    return { characters: chars.length, segments: septets <= 160 ? 1 : Math.ceil(septets / 153), encoding: 'GSM-7' };
  }
  const units = body.length; // UTF-16 code units
  return { characters: chars.length, segments: units <= 70 ? 1 : Math.ceil(units / 67), encoding: 'UCS-2' };
};
