/**
 * Unit tests run `jest` directly (`npm test`): `flex-plugin test` does not work with this toolchain.
 * The preset is the one flex-plugin-scripts itself would use; the rest fills in what its CLI
 * wrapper normally provides.
 */
const { name, version, dependencies, devDependencies } = require('./package.json');

module.exports = {
  preset: '@twilio/flex-plugin-test',
  testEnvironment: 'jsdom',
  moduleFileExtensions: ['js', 'jsx', 'ts', 'tsx', 'json', 'node'],
  // The plugin (src/) and the sandbox desktop's logic (harness/src/).
  roots: ['<rootDir>/src', '<rootDir>/harness/src'],
  testMatch: [
    '<rootDir>/{src,harness/src}/**/__tests__/**/*.{js,jsx,ts,tsx}',
    '<rootDir>/{src,harness/src}/**/*.test.{js,jsx,ts,tsx}',
  ],
  moduleNameMapper: {
    // Paste's icons are ESM under esm/ and CommonJS under cjs/; Jest runs node_modules untranspiled.
    '^@twilio-paste/icons/esm/(.*)$': '@twilio-paste/icons/cjs/$1',
    // The harness is browser ESM and imports './x.js'; Jest resolves the .ts source.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // Replaced at build time by webpack's DefinePlugin (see @twilio/flex-plugin's FlexPlugin).
  globals: {
    __FPB_PLUGIN_UNIQUE_NAME: name,
    __FPB_PLUGIN_VERSION: version,
    __FPB_FLEX_PLUGIN_SCRIPTS_VERSION: dependencies['@twilio/flex-plugin-scripts'],
    __FPB_FLEX_PLUGIN_VERSION: require('@twilio/flex-plugin/package.json').version,
    __FPB_FLEX_UI_VERSION: devDependencies['@twilio/flex-ui'],
    __FPB_REACT_VERSION: dependencies.react,
    __FPB_REACT_DOM_VERSION: dependencies['react-dom'],
  },
  // Jest's transform cache defaults to the system temp dir, where it outlives the checkout.
  cacheDirectory: '<rootDir>/target/jest-cache',
  testPathIgnorePatterns: ['/node_modules/', '/build/'],
  // Paste-heavy render tests take a few seconds on a busy 2-core CI machine; 5 s made them flaky.
  testTimeout: 30000,
};
