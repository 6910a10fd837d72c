/**
 * What each feature costs in the production bundle, from the build's own source map: every byte of
 * build/plugin-flex-messaging-kit.js is attributed to the original file its mapping names, files are
 * grouped by feature folder (src/feature-library/<feature>/), the plugin's shared code, Paste and
 * other dependencies, and each group's bytes are gzipped on their own (-9). A group's gzip alone is
 * larger than its share of the whole bundle's gzip (no shared dictionary), so the total is given too.
 * Run after `npm run build` (or Maven's build): `node bundle-by-feature.js`.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { SourceMapConsumer } = require('source-map');

const bundlePath = path.join(__dirname, 'build', 'plugin-flex-messaging-kit.js');
const code = fs.readFileSync(bundlePath, 'utf8');
const map = new SourceMapConsumer(JSON.parse(fs.readFileSync(`${bundlePath}.map`, 'utf8')));

const RUNTIME = 'webpack runtime, externals and unmapped';
const PASTE = 'Paste and its dependencies (shared by all features)';

const groupOf = (source) => {
  if (!source || /^webpack:\/\/\/(webpack\/bootstrap|external |\(webpack\))|^webpack:\/external /.test(source)) {
    return RUNTIME;
  }
  // The consumer normalises webpack:///./src/… and @twilio/flex-plugin's webpack:///../../src/… alike.
  if (/^webpack:\/\/\/src\/(lib\/|utils\/(shortid|runtime|loadJS|loadCSS)\.ts)/.test(source)) {
    return '@twilio/flex-plugin runtime';
  }
  const feature = source.match(/^webpack:\/\/\/src\/feature-library\/([^/]+)\//);
  if (feature) return `feature: ${feature[1]}`;
  if (/^webpack:\/\/\/src\//.test(source)) return 'plugin shared code (src/utils, src/common, entry)';
  // libphonenumber-js's own source map names its files ../source/…; only the outbound panel uses it.
  if (/\/source\//.test(source)) return 'feature: outbound (libphonenumber-js core)';
  if (
    /@twilio-paste|\/webpack\/|emotion|styled-system|reakit|react-spring|popperjs|stylis|lodash|@babel\/runtime/.test(
      source,
    )
  ) {
    return PASTE;
  }
  return `other: ${source.replace(/^webpack:\/\/\//, '')}`;
};

const lines = code.split('\n');
const chunks = new Map();
const add = (group, text) => chunks.set(group, (chunks.get(group) ?? []).concat(text));
const mappings = [];
map.eachMapping((m) => mappings.push(m), null, SourceMapConsumer.GENERATED_ORDER);
let line = 1;
let column = 0;
let group = RUNTIME;
const take = (toLine, toColumn) => {
  while (line < toLine) {
    add(group, `${lines[line - 1].slice(column)}\n`);
    line += 1;
    column = 0;
  }
  add(group, lines[line - 1].slice(column, toColumn));
  column = toColumn;
};
mappings.forEach((m) => {
  take(m.generatedLine, m.generatedColumn);
  group = groupOf(m.source);
});
take(lines.length, lines[lines.length - 1].length);

const rows = Array.from(chunks, ([name, parts]) => {
  const text = parts.join('');
  return { name, raw: Buffer.byteLength(text), gzip: zlib.gzipSync(text, { level: 9 }).length };
}).sort((a, b) => b.raw - a.raw);
const total = { raw: Buffer.byteLength(code), gzip: zlib.gzipSync(code, { level: 9 }).length };
console.log('| part | minified bytes | share | gzip -9 alone |');
console.log('| --- | ---: | ---: | ---: |');
rows.forEach((r) =>
  console.log(
    `| ${r.name} | ${r.raw.toLocaleString('en')} | ${((100 * r.raw) / total.raw).toFixed(1)} % | ${r.gzip.toLocaleString('en')} |`,
  ),
);
console.log(
  `| **whole bundle** | **${total.raw.toLocaleString('en')}** | 100 % | **${total.gzip.toLocaleString('en')}** |`,
);
