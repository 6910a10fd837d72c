/**
 * Builds the sandbox agent desktop into harness/build/ (served by the backend at /sandbox/):
 *   1. type-checks the harness against @twilio/flex-ui's types (tsc --noEmit),
 *   2. compiles it to browser ES modules (tsc),
 *   3. copies index.html, the stylesheet and the vendor UMD builds,
 *   4. checks that the plugin bundle's externals are exactly the globals vendor/ provides.
 * Uses only npm packages: no bundler, no downloads.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const harnessDir = dirname(fileURLToPath(import.meta.url));
const pluginDir = dirname(harnessDir);
const outDir = join(harnessDir, 'build');
const require = createRequire(join(pluginDir, 'package.json'));

/** UMD production builds, under the global names the plugin bundle's externals expect. */
const VENDOR = {
  React: 'react/umd/react.production.min.js',
  ReactDOM: 'react-dom/umd/react-dom.production.min.js',
  Redux: 'redux/dist/redux.min.js',
  ReactRedux: 'react-redux/dist/react-redux.min.js',
};

const tsc = (...args) => {
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), ...args], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`harness: tsc ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
};

const tsconfig = join(harnessDir, 'tsconfig.json');
tsc('--noEmit', '-p', tsconfig);

rmSync(outDir, { recursive: true, force: true });
tsc('-p', tsconfig);

for (const file of ['index.html', 'harness.css']) {
  copyFileSync(join(harnessDir, 'src', file), join(outDir, file));
}

mkdirSync(join(outDir, 'vendor'), { recursive: true });
for (const request of Object.values(VENDOR)) {
  const source = require.resolve(request);
  copyFileSync(source, join(outDir, 'vendor', request.split('/').pop()));
}

// webpack emits each `externals` entry as `module.exports = <Global>`; read them back from the bundle.
const bundle = join(pluginDir, 'build', 'plugin-flex-messaging-kit.js');
if (existsSync(bundle)) {
  const code = readFileSync(bundle, 'utf8');
  // Bundled libraries (lodash's caches) also end modules with `exports=Name}`; those define Name themselves.
  const definedHere = (name) => code.includes(`function ${name}(`);
  const externals = [...new Set([...code.matchAll(/\{\w+\.exports=([A-Z][A-Za-z]*)\}/g)].map((match) => match[1]))]
    .filter((name) => !definedHere(name))
    .sort();
  const unprovided = externals.filter((name) => !(name in VENDOR));
  if (unprovided.length > 0) {
    console.error(`harness: the plugin bundle expects globals vendor/ does not provide: ${unprovided.join(', ')}`);
    process.exit(1);
  }
  console.log(`harness: plugin bundle externals ${externals.join(', ') || '(none)'}; all provided by vendor/`);
} else {
  console.log('harness: no plugin bundle yet (build/plugin-flex-messaging-kit.js); skipped the externals check');
}
console.log(`harness: built ${outDir}`);
