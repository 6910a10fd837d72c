// Used only by `flex-plugin start` (local Flex with this plugin). Deployed plugins get their
// configuration from the Flex service, including ui_attributes.flexMessagingKit.
var appConfig = {
  pluginService: {
    enabled: true,
    url: '/plugins',
  },
  ytica: false,
  logLevel: 'info',
  showSupervisorDesktopView: true,
};
