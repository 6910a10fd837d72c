/**
 * Build-time stand-in for @twilio-paste/reakit-library (see webpack.config.js).
 *
 * The published package is one pre-bundled file holding all of Reakit (~28 KB gzip); its top-level
 * component factories are calls, so the minifier cannot drop the unused ones and any Paste
 * component that needs a single Reakit piece (Tabs needs four) pulls in everything. The same exports
 * come from Paste's Reakit fork, which ships one module per component, so only what is used lands.
 */
export {
  useCompositeState,
  Composite,
  CompositeGroup,
  CompositeItem,
  useDisclosureState,
  Disclosure,
  DisclosureContent,
  useMenuState,
  Menu,
  MenuGroup,
  MenuItem,
  MenuItemCheckbox,
  MenuItemRadio,
  MenuButton,
  MenuSeparator,
  usePopoverState,
  Popover,
  PopoverDisclosure,
  Portal,
  useTabState,
  Tab,
  TabList,
  TabPanel,
  useTooltipState,
  Tooltip,
  TooltipReference,
} from '@twilio-paste/paste-reakit-fork';
// Paste's own arrows live only in the pre-bundled file; it is reached only if one is used.
export { PopoverArrow, TooltipArrow } from '@twilio-paste/reakit-library/dist/index.es.js';
