// `npm start`: the desktop app where Electron can run; otherwise one clear sentence and the web
// build on http://127.0.0.1:4173, so `npm install && npm start` always gives a working app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function electronBinary() {
  try {
    // node_modules/electron/index.js throws when its binary is missing.
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function fetchElectron() {
  // install.js is electron's own postinstall, skipped at `npm install` (package.json allowScripts)
  // because these machines cannot reach its binary host.
  const result = spawnSync(process.execPath, [require.resolve('electron/install.js')], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  return result.status === 0 ? electronBinary() : null;
}

function hasDisplay() {
  return (
    process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
  );
}

function run(cmd, args) {
  const child = spawn(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

let binary = hasDisplay() ? (electronBinary() ?? fetchElectron()) : null;
if (binary) {
  const build = spawnSync(npm, ['run', 'build'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  run(binary, ['.']);
} else {
  const why = hasDisplay()
    ? 'its binary could not be downloaded on this machine'
    : 'this machine has no display';
  console.log(
    `The desktop app cannot start here (${why}), so AED Writer is served as a web app at http://127.0.0.1:${process.env.PORT ?? 4173}/ instead.`,
  );
  run(npm, ['run', 'web', '--silent']);
}
