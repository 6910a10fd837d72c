import { vendor } from '../globals.js';

/**
 * The page's React is the UMD global the plugin bundle also uses (webpack external `React`), so
 * plugin elements and harness elements share one React. TSX files import it from here.
 */
export const React = vendor().React;
