/**
 * Fails the build when the production plugin bundle grows past its budget (all features together,
 * gzip -9): Flex loads it on every agent's sign-in. Run by Maven right after `npm run build`.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BUDGET_BYTES = 150000;
const bundle = path.join(__dirname, 'build', 'plugin-flex-messaging-kit.js');

const raw = fs.readFileSync(bundle);
const gzipped = zlib.gzipSync(raw, { level: 9 }).length;
const line = `plugin bundle: ${raw.length} B, ${gzipped} B gzip -9 (budget ${BUDGET_BYTES} B)`;
if (gzipped > BUDGET_BYTES) {
  console.error(`${line}: over budget`);
  process.exit(1);
}
console.log(line);
