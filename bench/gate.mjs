// Signed gate-device scans (`POST /api/gate/scans`), each with a fresh code (staff entry codes, and every tenth a
// visitor pass), against a bare Fastify POST route under the same load; then the latency at a steady 500 scans/s.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { demoCompound, demoLogins, GATE_SCAN_PATH, signScan } from '@dayuan/mocks';
import autocannon from 'autocannon';
import { ENTRY_CODE_STEP_SECONDS, EntryCodes } from '../server/dist/visitors/entry-code.js';
import { freePorts } from '../server/scripts/ports.mjs';
import { startNode, stopNode, waitForHttp } from '../server/scripts/proc.mjs';
import { wechatLogin } from './lib/login.mjs';
import { startBenchStack } from './lib/bench-stack.mjs';

const PEOPLE = 20_000;
const VISITS = 10_000;
/** The share of scans that show a visitor pass (GATE_VISITOR_SHARE, 0 to 0.5; the rest are staff codes). */
const VISITOR_SHARE = Number(process.env.GATE_VISITOR_SHARE ?? 0.1);
if (!(VISITOR_SHARE >= 0 && VISITOR_SHARE <= 0.5)) throw new Error('GATE_VISITOR_SHARE must be within 0–0.5');
const VISIT_MAX_ENTRIES = 10;
const ROUNDS = 2;
const WARMUP_S = 2;
const LATENCY_RATE = 500;
const STEP_MS = ENTRY_CODE_STEP_SECONDS * 1000;
/** A code of the previous step is not handed out this close to its expiry. */
const EXPIRY_MARGIN_MS = 5000;

const round = (n, digits = 2) => Number(n.toFixed(digits));

/** Every item of an admin list, all pages fetched at once. */
async function listAll(stack, headers, route, total, pick) {
  const list = async (page) => {
    const res = await fetch(
      `${stack.url}${route}${route.includes('?') ? '&' : '?'}pageSize=100&page=${page}`,
      {
        headers,
      },
    );
    const json = await res.json();
    if (!res.ok) throw new Error(`GET ${route} answered ${res.status}: ${JSON.stringify(json)}`);
    return json.items.filter(pick).map((item) => item.id);
  };
  const pages = await Promise.all(Array.from({ length: Math.ceil(total / 100) }, (_, i) => list(i + 1)));
  const ids = [...new Set(pages.flat())];
  if (ids.length !== total) throw new Error(`${ids.length} items listed from ${route}, expected ${total}`);
  return ids;
}

/** The ids of the load-test people and visits, listed by the demo admin. */
async function loadTestSubjects(stack) {
  const admin = demoCompound.people.find((p) => p.employeeNo === demoLogins.admin).openid;
  const headers = { authorization: `Bearer ${await wechatLogin(stack, admin)}` };
  return {
    personIds: await listAll(stack, headers, '/api/directory/people?q=L', PEOPLE, (p) =>
      /^L\d+$/.test(p.employeeNo),
    ),
    visitIds: await listAll(stack, headers, '/api/visitors/visits?scope=all', VISITS, (v) =>
      v.visitor.name.startsWith('压测访客'),
    ),
  };
}

/**
 * Visitor passes in turn, each scan legal for the pass as the server will have it by then: in and out
 * alternate, each (pass, direction) once per code step (a code is single-use per direction), at most
 * VISIT_MAX_ENTRIES entries. With `reuse` codes are minted for any pass in any direction.
 */
function visitorScans(entryCodeKey, visitIds, { reuse }) {
  const codes = new EntryCodes(entryCodeKey, 'DV1');
  const passes = visitIds.map((id) => ({ id, inside: false, entries: 0, lastStep: { in: -1, out: -1 } }));
  let cursor = 0;
  return () => {
    const step = Math.floor(Date.now() / STEP_MS);
    for (let tried = 0; tried < passes.length; tried++) {
      const pass = passes[cursor++ % passes.length];
      const direction = pass.inside ? 'out' : 'in';
      if (
        !reuse &&
        (pass.lastStep[direction] === step || (direction === 'in' && pass.entries === VISIT_MAX_ENTRIES))
      ) {
        continue;
      }
      pass.inside = !pass.inside;
      pass.lastStep[direction] = step;
      if (direction === 'in') pass.entries++;
      return { code: codes.issue(pass.id, step * STEP_MS).code, direction };
    }
    return undefined;
  };
}

/**
 * Signed scans from the demo QR devices in turn, each with a code never used before: every (person,
 * direction) once per 30 s step, the current step's codes first, then the previous step's. With `reuse` (for
 * the baseline, which checks nothing) codes repeat, but each request still gets a newly minted one.
 */
function scanSource(entryCodeKey, { personIds, visitIds }, { reuse = false } = {}) {
  const codes = new EntryCodes(entryCodeKey);
  const visitorScan = visitorScans(entryCodeKey, visitIds, { reuse });
  const devices = demoCompound.gateDevices;
  const handedOut = new Map(); // step → codes of that step handed out
  const source = { sent: 0, exhausted: 0 };
  const freshCode = () => {
    const now = Date.now();
    const step = Math.floor(now / STEP_MS);
    for (const s of [step, step - 1]) {
      const i = handedOut.get(s) ?? 0;
      const spent = i === personIds.length * 2 || (s < step && now > (step + 1) * STEP_MS - EXPIRY_MARGIN_MS);
      if (spent && !reuse) continue;
      handedOut.set(s, i + 1);
      const personId = personIds[(i >> 1) % personIds.length];
      return { code: codes.issue(personId, s * STEP_MS).code, direction: i % 2 ? 'out' : 'in' };
    }
    source.exhausted++;
    return { code: 'DY1.exhausted', direction: 'in' };
  };
  let visitorsSent = 0;
  const nextScan = () => {
    // Spread evenly: a visitor scan whenever the running count of them falls behind the share.
    if (visitorsSent < VISITOR_SHARE * source.sent) {
      visitorsSent++;
      const scan = visitorScan();
      if (scan) return scan;
      source.exhausted++;
      return { code: 'DV1.exhausted', direction: 'in' };
    }
    return freshCode();
  };
  source.next = () => signScan(devices[source.sent++ % devices.length], nextScan());
  return source;
}

const outOfCodes = (scans) =>
  scans.exhausted > 0
    ? ` (the bench ran out of fresh codes ${scans.exhausted} times: raise PEOPLE or VISITS)`
    : '';

/** One autocannon run of fresh signed scans against `base`; every answer must be 200 with `decision: 'allow'`. */
async function load(side, base, scans, { connections, duration }) {
  let allowed = 0;
  let refused;
  const r = await autocannon({
    url: `${base}${GATE_SCAN_PATH}`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({ ...req, ...scans.next() }),
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"decision":"allow"')) allowed++;
          else refused ??= `${status} ${body}`;
        },
      },
    ],
  });
  const run = {
    rps: round(r.requests.average, 1),
    p50_ms: round(r.latency.p50),
    p99_ms: round(r.latency.p99),
    requests: r.requests.total,
    allowed,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
  if (run.errors > 0 || allowed < run.requests) {
    throw new Error(
      `${side}: ${run.errors} errors, ${run.requests - allowed} of ${run.requests} answers not an allow` +
        `${outOfCodes(scans)}; first: ${refused}`,
    );
  }
  return run;
}

const send = (base, scan) =>
  fetch(`${base}${scan.path}`, { method: 'POST', headers: scan.headers, body: scan.body });

/**
 * Latency at a steady `rate` of scans per second: open loop, one request every 1/rate s whether or not the
 * earlier ones have been answered, each timed from when it was due. (autocannon's `overallRate` is no use here:
 * each connection sends its share back to back at the start of every second, so all connections at once.)
 */
async function paced(base, scans, { rate, duration }) {
  const latencies = [];
  const answers = [];
  let refused;
  const start = performance.now();
  for (let i = 0; i < rate * duration; i++) {
    const due = start + (i * 1000) / rate;
    if (due > performance.now()) await sleep(due - performance.now());
    answers.push(
      send(base, scans.next()).then(async (res) => {
        const body = await res.text();
        latencies.push(performance.now() - due);
        if (res.status !== 200 || !body.includes('"decision":"allow"')) refused ??= `${res.status} ${body}`;
      }),
    );
  }
  await Promise.all(answers);
  const seconds = (performance.now() - start) / 1000;
  if (refused) {
    throw new Error(`paced scans: not every answer an allow${outOfCodes(scans)}; first: ${refused}`);
  }
  latencies.sort((a, b) => a - b);
  const at = (q) => round(latencies[Math.ceil(q * latencies.length) - 1]);
  return {
    rps: round(latencies.length / seconds, 1),
    p50_ms: at(0.5),
    p99_ms: at(0.99),
    requests: latencies.length,
  };
}

async function startBaseline(body, defer) {
  const [port] = await freePorts(1);
  const proc = startNode('baseline', path.join(import.meta.dirname, 'lib/baseline-post-server.mjs'), {
    env: { PORT: String(port), BASELINE_PATH: GATE_SCAN_PATH, BASELINE_BODY: body },
  });
  defer(() => stopNode(proc));
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(proc, `${url}/healthz`);
  return url;
}

export default async function gate({ mode, duration, connections, defer, log }) {
  const entryCodeKey = randomBytes(32).toString('base64');
  const stack = await startBenchStack({
    mode,
    defer,
    log,
    serverEnv: {
      ENTRY_CODE_KEY: entryCodeKey,
      SEED_LOAD_TEST_PEOPLE: String(PEOPLE),
      SEED_LOAD_TEST_VISITS: String(VISITS),
    },
  });
  const listed = performance.now();
  const subjects = await loadTestSubjects(stack);
  log(
    `listed ${PEOPLE} load-test people and ${VISITS} visits in ${((performance.now() - listed) / 1000).toFixed(1)} s`,
  );
  const scans = scanSource(entryCodeKey, subjects);
  const baselineScans = scanSource(entryCodeKey, subjects, { reuse: true });

  const res = await send(stack.url, scans.next());
  const body = await res.text();
  if (res.status !== 200 || JSON.parse(body).decision !== 'allow') {
    throw new Error(`POST ${GATE_SCAN_PATH} answered ${res.status}: ${body}`);
  }
  log(`a scan answers ${Buffer.byteLength(body)} bytes: ${body}`);
  const baselineUrl = await startBaseline(body, defer);

  // Interleaved so background load on the box hits both sides alike; the better round of each counts.
  const runs = { baseline: [], project: [] };
  let projectScans = 1;
  for (let n = 1; n <= ROUNDS; n++) {
    for (const [side, base, source] of [
      ['baseline', baselineUrl, baselineScans],
      ['project', stack.url, scans],
    ]) {
      const warmup = await load(side, base, source, { connections, duration: WARMUP_S });
      const run = await load(side, base, source, { connections, duration });
      log(`round ${n} ${side}: ${JSON.stringify(run)}`);
      if (side === 'project') projectScans += warmup.requests + run.requests;
      runs[side].push(run);
    }
  }
  const warmup = await paced(stack.url, scans, { rate: LATENCY_RATE, duration: WARMUP_S });
  const steady = await paced(stack.url, scans, { rate: LATENCY_RATE, duration });
  log(`project at ${LATENCY_RATE}/s: ${JSON.stringify(steady)}`);
  projectScans += warmup.requests + steady.requests;

  const best = (list) => list.reduce((a, b) => (b.rps > a.rps ? b : a));
  const project = best(runs.project);
  const baseline = best(runs.baseline);
  return {
    bench: 'gate',
    mode,
    rps: project.rps,
    baseline_rps: baseline.rps,
    ratio: round(project.rps / baseline.rps, 3),
    p99_ms_at_500: steady.p99_ms,
    p50_ms_at_500: steady.p50_ms,
    scans: projectScans,
    visitor_share: VISITOR_SHARE,
    denied: 0,
    errors: 0,
    connections,
    duration_s: duration,
  };
}
