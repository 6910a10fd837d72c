/**
 * Customises the webpack 4 configuration of @twilio/flex-plugin-scripts (the standard Flex hook:
 * `flex-plugin build` and `twilio flex:plugins:deploy` both call it).
 *
 * Why: webpack 4's parser (acorn 6) stops at ES2019. Current Paste, emotion and friends ship
 * ES2020+ syntax (optional chaining, `??`, class fields), which flex-plugin-scripts does not
 * transpile because it runs Babel on src/ only. We run the same Babel preset-env over the
 * dependencies, aimed at the browserslist in package.json, so webpack can parse them.
 */
const fs = require('fs');
const path = require('path');

const flexWebpackDir = path.dirname(require.resolve('@twilio/flex-plugin-webpack/package.json'));
const fromFlexWebpack = (request) => require.resolve(request, { paths: [flexWebpackDir] });
const { browserslist } = require('./package.json');

const designTokensDir = path.dirname(require.resolve('@twilio-paste/design-tokens/package.json'));
const defaultTokens = path.join(designTokensDir, 'dist', 'tokens.es6.js');

/**
 * Paste's theme package builds all of its themes at load time, so every theme's tokens end up in
 * the bundle. Flex hands our CustomizationProvider its baseTheme, 'default' or 'dark' (see
 * PasteThemeScope), so those two stay; pointing the other themes at the default tokens drops their
 * weight; the contrast-check stub drops the raw token dump.
 */
const pasteSlimmingAliases = {
  ...Object.fromEntries(
    ['evergreen', 'sendgrid', 'twilio', 'twilio-dark'].map((theme) => [
      `@twilio-paste/design-tokens/dist/themes/${theme}/tokens.es6$`,
      defaultTokens,
    ]),
  ),
  '@twilio-paste/color-contrast-utils$': path.resolve(__dirname, 'webpack', 'paste-contrast-check-stub.js'),
  '@twilio-paste/reakit-library$': path.resolve(__dirname, 'webpack', 'reakit-library-slim.js'),
  '@twilio-paste/utils$': path.resolve(__dirname, 'webpack', 'paste-utils-slim.js'),
};

const dependencyBabelRule = {
  test: /\.m?js$/,
  include: /[\\/]node_modules[\\/]/,
  // Already ES5, or webpack's own runtime helpers: transpiling them again only costs time.
  exclude:
    /[\\/]node_modules[\\/](core-js|@babel[\\/]runtime|regenerator-runtime|webpack|react|react-dom|scheduler)[\\/]/,
  loader: fromFlexWebpack('babel-loader'),
  options: {
    babelrc: false,
    configFile: false,
    compact: true,
    sourceType: 'unambiguous',
    browserslistConfigFile: false,
    cacheDirectory: true,
    cacheCompression: false,
    sourceMaps: true,
    presets: [[fromFlexWebpack('@babel/preset-env'), { targets: browserslist, modules: false, bugfixes: true }]],
  },
};

/**
 * The outbound panel's numbering plans ship next to the bundle rather than inside it: the backend
 * serves this file and the panel fetches it when it first opens (see outbound/utils/phone.ts).
 */
class EmitPhoneMetadata {
  apply(compiler) {
    compiler.hooks.emit.tap('EmitPhoneMetadata', (compilation) => {
      const json = fs.readFileSync(require.resolve('libphonenumber-js/metadata.min.json'));
      compilation.assets['phone-metadata.min.json'] = { source: () => json, size: () => json.length };
    });
  }
}

module.exports = (config) => {
  const { rules } = config.module;
  const oneOf = rules.find((rule) => Array.isArray(rule.oneOf));
  if (!oneOf) {
    throw new Error('flex-plugin-scripts webpack config changed: no oneOf rule to extend');
  }
  // Before the catch-all loaders, so dependency JS goes through Babel first.
  oneOf.oneOf.unshift(dependencyBabelRule);
  config.resolve.alias = { ...config.resolve.alias, ...pasteSlimmingAliases };
  // A stand-in missing an export some component imports must fail the build, not render undefined.
  config.module.strictExportPresence = true;
  config.plugins.push(new EmitPhoneMetadata());
  // flex-plugin-scripts builds with `hidden-source-map`: the .map is written but the bundle never names
  // it, so a deployed plugin's stack traces stay minified. `source-map` appends the
  // `//# sourceMappingURL=` comment (relative: the map is deployed next to the bundle).
  config.devtool = 'source-map';
  // flex-plugin-scripts adds a second SourceMapDevToolPlugin next to `devtool: hidden-source-map`;
  // it runs first, so the .map that gets written is empty. Keep only the devtool one.
  config.plugins = config.plugins.filter((plugin) => plugin.constructor.name !== 'SourceMapDevToolPlugin');
  return config;
};
