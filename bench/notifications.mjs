// 5 announcements to 2,000 people = 10,000 notifications pushed over WebSockets, against bare BullMQ no-op jobs.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { demoCompound, demoLogins } from '@dayuan/mocks';
import { Queue, Worker } from 'bullmq';
import WebSocket from 'ws';
import { wechatLogin } from './lib/login.mjs';
import { pool } from './lib/pool.mjs';
import { deleteKeys } from './lib/redis-keys.mjs';
import { startBenchStack } from './lib/bench-stack.mjs';

const RECIPIENTS = 2000;
const ANNOUNCEMENTS = 5;
const NOTIFICATIONS = RECIPIENTS * ANNOUNCEMENTS;
const LOGIN_CONCURRENCY = 20;
const ARRIVAL_TIMEOUT_MS = 120_000;
/** Below the server's 70 s silence limit: logging everyone in takes longer than that. */
const PING_EVERY_MS = 20_000;
const INBOX_SAMPLE_EVERY = 100;
const DEPARTMENT = '压测部';
const BASELINE_REDIS = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

const round = (n, digits) => Number(n.toFixed(digits));

/** Jobs per second of a bare BullMQ queue: `addBulk` NOTIFICATIONS jobs, a no-op Worker with concurrency 50. */
async function bullmqBaseline(log) {
  const url = new URL(BASELINE_REDIS);
  const connection = { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
  const prefix = `bench-baseline-${process.pid}-${randomBytes(4).toString('hex')}`;
  // The same job options as the server's queue.
  const queue = new Queue('noop', {
    connection,
    prefix,
    defaultJobOptions: { removeOnComplete: { age: 3600 } },
  });
  const worker = new Worker('noop', async () => undefined, { connection, prefix, concurrency: 50 });
  try {
    await worker.waitUntilReady();
    let completed = 0;
    const done = new Promise((resolve) => {
      worker.on('completed', () => {
        if (++completed === NOTIFICATIONS) resolve(performance.now());
      });
    });
    const start = performance.now();
    await queue.addBulk(Array.from({ length: NOTIFICATIONS }, (_, i) => ({ name: 'noop', data: { i } })));
    const seconds = ((await done) - start) / 1000;
    log(`baseline: ${NOTIFICATIONS} no-op BullMQ jobs in ${seconds.toFixed(2)} s`);
    return NOTIFICATIONS / seconds;
  } finally {
    await worker.close();
    await queue.close();
    log(`baseline: removed ${await deleteKeys(BASELINE_REDIS, `${prefix}:`)} Redis keys`);
  }
}

async function api(base, method, path, token, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

/** Opens `/api/ws`, authenticates and resolves on `ready`; `onItem` hears each pushed notification. */
function openSocket(url, token, onItem) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const fail = (err) => {
      clearTimeout(timer);
      socket.terminate();
      reject(err);
    };
    const timer = setTimeout(() => fail(new Error('no ready within 10 s')), 10_000);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'auth', token })));
    socket.on('error', fail);
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw));
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(socket);
      } else if (message.type === 'notification') {
        onItem(message.item);
      } else if (message.type === 'error') {
        fail(new Error(`socket refused: ${message.code}`));
      }
    });
  });
}

export default async function notifications({ mode, defer, log }) {
  const baselineRate = await bullmqBaseline(log);

  const stack = await startBenchStack({
    mode,
    defer,
    log,
    serverEnv: { TRUST_PROXY: 'true', SEED_LOAD_TEST_PEOPLE: String(RECIPIENTS) },
  });
  defer(() => {
    const tail = stack.processes
      .find((p) => p.name === 'server')
      .output()
      .trim();
    if (tail) log(`server output (tail):\n${tail}`);
  });
  log(`stack up: ${stack.url} (${mode})`);

  const seen = Array.from({ length: RECIPIENTS }, () => new Set());
  let delivered = 0;
  let frames = 0;
  let lastArrival;
  let allArrived;
  const arrived = new Promise((resolve) => (allArrived = resolve));
  const onItem = (i) => (item) => {
    frames++;
    if (seen[i].has(item.id)) return;
    seen[i].add(item.id);
    lastArrival = performance.now();
    if (++delivered === NOTIFICATIONS) allArrived();
  };

  const sockets = [];
  let unexpectedCloses = 0;
  const keepAlive = setInterval(() => {
    for (const socket of sockets) socket.send(JSON.stringify({ type: 'ping' }));
  }, PING_EVERY_MS);
  defer(() => {
    clearInterval(keepAlive);
    for (const socket of sockets) socket.terminate();
  });

  const wsUrl = `${stack.url.replace(/^http/, 'ws')}/api/ws`;
  const loginStart = performance.now();
  const tokens = await pool(RECIPIENTS, LOGIN_CONCURRENCY, async (i) => {
    const n = i + 1;
    const openid = `oLoadTest${String(n).padStart(19, '0')}`;
    // A client address of its own per person: auth endpoints are rate-limited per IP.
    const xff = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    const token = await wechatLogin(stack, openid, { 'x-forwarded-for': xff });
    const socket = await openSocket(wsUrl, token, onItem(i));
    socket.once('close', () => unexpectedCloses++);
    sockets.push(socket);
    return token;
  });
  log(
    `${RECIPIENTS} people logged in, sockets ready, in ${((performance.now() - loginStart) / 1000).toFixed(1)} s`,
  );

  const adminOpenid = demoCompound.people.find((p) => p.employeeNo === demoLogins.admin).openid;
  const admin = await wechatLogin(stack, adminOpenid);
  const { items } = await api(stack.url, 'GET', '/api/directory/departments', admin);
  const department = items.find((d) => d.path === DEPARTMENT);
  if (department?.memberCount !== RECIPIENTS) {
    throw new Error(
      `department ${DEPARTMENT}: ${JSON.stringify(department)}, expected ${RECIPIENTS} members`,
    );
  }

  const start = performance.now();
  for (let k = 1; k <= ANNOUNCEMENTS; k++) {
    const { recipients } = await api(stack.url, 'POST', '/api/notifications/announcements', admin, {
      title: `压测通知 ${k}`,
      body: `第 ${k} 条压测通知，无需处理。`,
      departmentIds: [department.id],
      urgency: 'normal',
    });
    if (recipients !== RECIPIENTS) throw new Error(`announcement ${k} reached ${recipients} people`);
    log(`announcement ${k} recorded at ${((performance.now() - start) / 1000).toFixed(2)} s`);
  }
  let timer;
  const timedOut = new Promise((resolve) => (timer = setTimeout(resolve, ARRIVAL_TIMEOUT_MS)));
  await Promise.race([arrived, timedOut]);
  clearTimeout(timer);
  const seconds = ((lastArrival ?? performance.now()) - start) / 1000;
  const lost = NOTIFICATIONS - delivered;
  log(
    `${delivered} distinct arrivals (${frames} frames) in ${seconds.toFixed(2)} s; ` +
      `${unexpectedCloses} sockets closed by the server`,
  );

  const sample = tokens.filter((_, i) => i % INBOX_SAMPLE_EVERY === 0);
  const counts = await Promise.all(
    sample.map(
      async (token) => (await api(stack.url, 'GET', '/api/notifications/unread-count', token)).count,
    ),
  );
  const inboxSampleOk = counts.every((n) => n === ANNOUNCEMENTS);
  const deadLetters = await api(stack.url, 'GET', '/api/notifications/dead-letters', admin);
  log(
    `unread counts of ${sample.length} recipients: ${[...new Set(counts)].join(', ')}; dead letters: ${deadLetters.total}`,
  );
  if (lost > 0) throw new Error(`${lost} of ${NOTIFICATIONS} notifications never arrived within the timeout`);
  if (!inboxSampleOk) throw new Error(`sampled unread counts ${counts.join(',')}, expected ${ANNOUNCEMENTS}`);

  const rate = NOTIFICATIONS / seconds;
  return {
    bench: 'notifications',
    mode,
    notifications: NOTIFICATIONS,
    recipients: RECIPIENTS,
    delivered,
    lost,
    rate_per_s: round(rate, 1),
    baseline_jobs_per_s: round(baselineRate, 1),
    ratio: round(rate / baselineRate, 3),
    elapsed_s: round(seconds, 2),
    inbox_sample_ok: inboxSampleOk,
  };
}
