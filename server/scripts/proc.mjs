import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const OUTPUT_TAIL = 4000;

/** Starts `node <script>`; keeps the tail of its output to explain a failure, and echoes it when `echo`. */
export function startNode(name, script, { env = {}, args = [], cwd, echo = false } = {}) {
  const child = spawn(process.execPath, [script, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-OUTPUT_TAIL);
    if (echo) {
      for (const line of chunk.toString().split('\n')) if (line) process.stdout.write(`[${name}] ${line}\n`);
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { name, child, exited, output: () => output };
}

/** Stops a process started by startNode: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopNode(proc, graceMs = 5000) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  await proc.exited;
  clearTimeout(timer);
}

/** Runs `node <script>` to completion; rejects with its output when it fails. */
export async function runNode(name, script, options) {
  const proc = startNode(name, script, options);
  const code = await proc.exited;
  if (code !== 0) throw new Error(`${name} exited with ${code}:\n${proc.output()}`);
  return proc.output();
}

/** Polls `url` until it answers 2xx; fails early if the process dies. */
export async function waitForHttp(proc, url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let exitCode;
  void proc.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${proc.name} exited with ${exitCode}:\n${proc.output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs} ms:\n${proc.output()}`);
}
