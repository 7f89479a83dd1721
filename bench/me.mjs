// Authenticated `GET /api/me` against a bare Fastify route answering the same body, same load.
import path from 'node:path';
import { demoCompound, demoLogins } from '@dayuan/mocks';
import { freePorts } from '../server/scripts/ports.mjs';
import { startNode, stopNode, waitForHttp } from '../server/scripts/proc.mjs';
import { measure } from './lib/load.mjs';
import { wechatLogin } from './lib/login.mjs';
import { startBenchStack } from './lib/bench-stack.mjs';

const ROUNDS = 2;
const ME_PATH = '/api/me';

async function startBaseline(body, defer) {
  const [port] = await freePorts(1);
  const proc = startNode('baseline', path.join(import.meta.dirname, 'lib/baseline-server.mjs'), {
    env: { PORT: String(port), BASELINE_PATH: ME_PATH, BASELINE_BODY: body },
  });
  defer(() => stopNode(proc));
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(proc, `${url}/healthz`);
  return url;
}

export default async function me({ mode, duration, connections, defer, log }) {
  const stack = await startBenchStack({ mode, defer, log });
  const openid = demoCompound.people.find((p) => p.employeeNo === demoLogins.staff).openid;
  const headers = { authorization: `Bearer ${await wechatLogin(stack, openid)}` };

  const res = await fetch(`${stack.url}${ME_PATH}`, { headers });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${ME_PATH} answered ${res.status}: ${body}`);
  log(`logged in as ${demoLogins.staff}; ${ME_PATH} body is ${Buffer.byteLength(body)} bytes`);
  const baselineUrl = await startBaseline(body, defer);

  // Interleaved so background load on the box hits both sides alike; the better round of each counts.
  const runs = { baseline: [], project: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [side, base] of [
      ['baseline', baselineUrl],
      ['project', stack.url],
    ]) {
      const run = await measure({ url: `${base}${ME_PATH}`, headers, connections, duration });
      log(`round ${round} ${side}: ${JSON.stringify(run)}`);
      if (run.errors > 0 || run.non2xx > 0) {
        throw new Error(`${side} had ${run.errors} errors and ${run.non2xx} non-2xx responses`);
      }
      runs[side].push(run);
    }
  }
  const best = (list) => list.reduce((a, b) => (b.rps > a.rps ? b : a));
  const project = best(runs.project);
  const baseline = best(runs.baseline);
  return {
    bench: 'me',
    mode,
    rps: project.rps,
    baseline_rps: baseline.rps,
    ratio: Number((project.rps / baseline.rps).toFixed(3)),
    p50_ms: project.p50_ms,
    p99_ms: project.p99_ms,
    baseline_p99_ms: baseline.p99_ms,
    connections,
    duration_s: duration,
    errors: 0,
  };
}
