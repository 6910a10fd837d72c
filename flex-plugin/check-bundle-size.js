/**
 * Fails the build when the production plugin bundle grows past its budget (all features together,
 * gzip -9): Flex loads it on every agent's sign-in. Also fails when the bundle does not link its
 * source map. Run by Maven right after `npm run build`.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BUDGET_BYTES = 150000;
const bundle = path.join(__dirname, 'build', 'plugin-flex-messaging-kit.js');

const raw = fs.readFileSync(bundle);
// A deployed bundle must name its source map (webpack.config.js sets devtool: 'source-map').
const mapName = `${path.basename(bundle)}.map`;
if (!raw.toString('utf8').trimEnd().endsWith(`//# sourceMappingURL=${mapName}`)) {
  console.error(`plugin bundle: no //# sourceMappingURL=${mapName} at its end`);
  process.exit(1);
}
if (!fs.existsSync(path.join(path.dirname(bundle), mapName))) {
  console.error(`plugin bundle: ${mapName} is missing`);
  process.exit(1);
}
const gzipped = zlib.gzipSync(raw, { level: 9 }).length;
const line = `plugin bundle: ${raw.length} B, ${gzipped} B gzip -9 (budget ${BUDGET_BYTES} B)`;
if (gzipped > BUDGET_BYTES) {
  console.error(`${line}: over budget`);
  process.exit(1);
}
console.log(line);
