import type * as ReactTypes from 'react';
import type * as ReactDOMTypes from 'react-dom';
import type * as ReactReduxTypes from 'react-redux';
import type * as ReduxTypes from 'redux';

/**
 * The libraries the page loads as UMD scripts from vendor/ before this module runs: the same
 * globals Flex provides to plugins, and the ones the plugin bundle's webpack externals name.
 */
export interface VendorGlobals {
  React: typeof ReactTypes;
  ReactDOM: typeof ReactDOMTypes;
  Redux: typeof ReduxTypes;
  ReactRedux: typeof ReactReduxTypes;
}

const VENDOR_NAMES: Array<keyof VendorGlobals> = ['React', 'ReactDOM', 'Redux', 'ReactRedux'];

/** Names of vendor globals that did not load (empty when the page is complete). */
export const missingVendorGlobals = (): string[] =>
  VENDOR_NAMES.filter((name) => (window as unknown as Partial<VendorGlobals>)[name] === undefined);

/** Read lazily: modules import this before the check above has run. */
export const vendor = (): VendorGlobals => window as unknown as VendorGlobals;
