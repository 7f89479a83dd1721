// npm run bench -- <name> [--mode embedded|production] [--duration 10] [--connections 50]
// Runs bench/<name>.mjs; progress goes to stderr, the result is the last stdout line, as JSON.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Runs `npm run build:backend` (output to stderr) when a server or mocks entry point is missing. */
async function ensureBuilt() {
  const entries = ['server/dist/main.js', 'server/dist/seed/main.js', 'mocks/dist/main.js'];
  if (entries.every((file) => existsSync(path.join(ROOT, file)))) return;
  log('backend not built: npm run build:backend');
  const child = spawn('npm', ['run', 'build:backend'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`npm run build:backend exited with ${code}`);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    mode: { type: 'string', default: 'embedded' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
  },
});

const log = (line) => console.error(`[bench] ${line}`);
const usage = (problem) => {
  console.error(
    `${problem}\nusage: npm run bench -- <name> [--mode embedded|production] [--duration s] [--connections n]`,
  );
  process.exit(2);
};
const positive = (name) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1) usage(`--${name} must be a positive integer`);
  return n;
};

const [name] = positionals;
const file = path.join(import.meta.dirname, `${name}.mjs`);
if (!/^[a-z][\w-]*$/.test(name ?? '') || name === 'run' || !existsSync(file)) {
  usage(`no bench named "${name ?? ''}"`);
}
if (!['embedded', 'production'].includes(values.mode)) usage('--mode must be embedded or production');
const options = { mode: values.mode, duration: positive('duration'), connections: positive('connections') };

// Clean-ups run last-in first-out, once, whether the bench succeeds, fails or is interrupted.
const cleanups = [];
async function cleanUp() {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()();
    } catch (err) {
      log(`clean-up failed: ${err.message}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void cleanUp().then(() => process.exit(130)));
}

let result;
try {
  await ensureBuilt();
  const { default: bench } = await import(file);
  result = await bench({ ...options, defer: (fn) => cleanups.push(fn), log });
} catch (err) {
  log(`FAILED: ${err.stack ?? err}`);
  result = { bench: name, mode: options.mode, error: err.message };
  process.exitCode = 1;
} finally {
  await cleanUp();
}
console.log(JSON.stringify(result));
