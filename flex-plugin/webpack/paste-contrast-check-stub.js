/**
 * Build-time stand-in for @twilio-paste/color-contrast-utils (see webpack.config.js).
 *
 * Paste's theme package imports it only for `useThemeContrastCheck`, a design-time hook that audits
 * custom themes. The real module drags in every raw design token (~50 KB gzip). The plugin never
 * calls the hook, so in the bundle it reports "nothing checked" instead.
 */
const none = () => [];
const zero = () => 0;

export const getContrastRatingsOfTokensWithTextContrastRequirements = none;
export const getContrastRatingsOfTokensWithUIControlContrastRequirements = none;
export const getNumberOfTextFailures = zero;
export const getNumberOfUIControlFailures = zero;
