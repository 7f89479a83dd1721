// 10,000 concurrent booking attempts over 200 meeting rooms (`POST /api/meeting-rooms/bookings`), against a bare
// Fastify POST route that runs one short transaction on the same kind of database; then no two slot-holding
// bookings of a room may overlap (checked in the database), and the availability grid of those 200 rooms for
// the day is timed.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { freePorts } from '../server/scripts/ports.mjs';
import { startNode, stopNode, waitForHttp } from '../server/scripts/proc.mjs';
import { startBenchStack } from './lib/bench-stack.mjs';
import { lanes, send } from './lib/lanes.mjs';
import { loadTestLogin } from './lib/login.mjs';
import { pool } from './lib/pool.mjs';

const ROOMS = 200;
const ATTEMPTS = 10_000;
/** Requests in flight at once, for the storm and for the baseline. */
const CONCURRENCY = 200;
/** Load-test people booking in turn (each attempt is made by one of them). */
const ORGANIZERS = 200;
const BUILDING = '压测楼';
const BOOKINGS_PATH = '/api/meeting-rooms/bookings';
const AVAILABILITY_PATH = '/api/meeting-rooms/availability';
/** Slots start on a 15-minute grid between 08:00 and 20:00 (China time) and last 30–120 minutes. */
const GRID_MINUTES = 15;
const FIRST_START = 8 * 60;
const LAST_END = 20 * 60;
const DURATIONS = [30, 45, 60, 75, 90, 105, 120];
/** Attempts slower than this are listed on stderr (which ones, and how they ended). */
const SLOW_MS = 10_000;
const AVAILABILITY_SAMPLES = 200;
const AVAILABILITY_WARMUP = 10;
/** The statuses that hold a slot (the exclusion constraint's). */
const HOLDING = ['pending', 'booked', 'checked_in'];

const round = (n, digits = 2) => Number(n.toFixed(digits));
const clock = (minute) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Percentile `q` (0–1) of `values`, nearest rank. */
function percentile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]);
}

/** A small seeded generator (mulberry32), so every run tries the same slots. */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Tomorrow in China (UTC+8), `YYYY-MM-DD`: inside every load-test room's 30 days ahead. */
function tomorrowInChina() {
  return new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
}

/** ATTEMPTS booking bodies, rooms in turn (50 each), each a random slot of the day; many overlap. */
function attempts(roomIds, date) {
  const next = random(20_261_121);
  return Array.from({ length: ATTEMPTS }, (_, i) => {
    const minutes = DURATIONS[Math.floor(next() * DURATIONS.length)];
    const starts = (LAST_END - minutes - FIRST_START) / GRID_MINUTES + 1;
    const start = FIRST_START + Math.floor(next() * starts) * GRID_MINUTES;
    return {
      roomId: roomIds[i % roomIds.length],
      title: `压测会议${String(i + 1).padStart(5, '0')}`,
      date,
      startTime: clock(start),
      endTime: clock(start + minutes),
    };
  });
}

/** The day after `date` (`YYYY-MM-DD`). */
const nextDay = (date) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** POSTs `body` as JSON; the answer's text, which must be a 2xx. */
async function postJson(url, token, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}: ${text}`);
  return text;
}

async function getJson(url, token) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const json = await res.json();
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

/**
 * POSTs every body to `base` + BOOKINGS_PATH from CONCURRENCY clients (lanes), each as organizer `tokens[i % n]`.
 * Counts bookings (200, their answers kept), 409 MEETING_ROOMS_SLOT_TAKEN and anything else (errors, the first
 * few kept).
 */
async function storm(base, bodies, tokens) {
  const run = { succeeded: 0, conflicts: 0, errors: 0, firstErrors: [], booked: [], latencies: [], slow: [] };
  const start = performance.now();
  await lanes(bodies.length, CONCURRENCY, async (i, agent) => {
    const sent = performance.now();
    let outcome;
    try {
      const { status, text } = await send(agent, `${base}${BOOKINGS_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % tokens.length]}` },
        body: JSON.stringify(bodies[i]),
      });
      if (status === 200) outcome = { booked: JSON.parse(text) };
      else if (status === 409 && JSON.parse(text).code === 'MEETING_ROOMS_SLOT_TAKEN') outcome = {};
      else outcome = { error: `${status} ${text.slice(0, 300)}` };
    } catch (err) {
      outcome = { error: err.message };
    }
    const ms = performance.now() - sent;
    run.latencies.push(ms);
    if (ms > SLOW_MS) run.slow.push({ i, ms: Math.round(ms), booked: Boolean(outcome.booked) });
    if (outcome.booked) {
      run.succeeded++;
      run.booked.push(outcome.booked);
    } else if (outcome.error) {
      run.errors++;
      if (run.firstErrors.length < 5) run.firstErrors.push(outcome.error);
    } else {
      run.conflicts++;
    }
  });
  const seconds = (performance.now() - start) / 1000;
  return { ...run, seconds: round(seconds), rps: round(bodies.length / seconds, 1) };
}

const summary = ({ succeeded, conflicts, errors, seconds, rps, latencies }) =>
  JSON.stringify({
    succeeded,
    conflicts,
    errors,
    seconds,
    rps,
    p50_ms: percentile(latencies, 0.5),
    p90_ms: percentile(latencies, 0.9),
    p99_ms: percentile(latencies, 0.99),
    max_ms: percentile(latencies, 1),
  });

/** Pairs of bookings in `list` (`{roomId, start, end}`) of one room whose times overlap. */
function overlappingPairs(list) {
  const byRoom = new Map();
  for (const b of list) {
    byRoom.set(b.roomId, [...(byRoom.get(b.roomId) ?? []), [Date.parse(b.start), Date.parse(b.end)]]);
  }
  let pairs = 0;
  for (const spans of byRoom.values()) {
    spans.sort((x, y) => x[0] - y[0]);
    for (let i = 0; i < spans.length; i++) {
      for (let j = i + 1; j < spans.length && spans[j][0] < spans[i][1]; j++) pairs++;
    }
  }
  return pairs;
}

/**
 * The bare baseline (`lib/baseline-tx-server.mjs`) on the mode's kind of database: the bench database on
 * PostgreSQL, or a PGlite folder of its own (the server owns the bench's).
 */
async function startBaseline(mode, body, defer) {
  const [port] = await freePorts(1);
  const env = { PORT: String(port), BASELINE_PATH: BOOKINGS_PATH, BASELINE_BODY: body };
  if (mode === 'production') {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/dayuan_bench';
    env.DATABASE_URL = url.toString();
  } else {
    env.DATABASE_URL = '';
    env.PGLITE_DIR = await mkdtemp(path.join(os.tmpdir(), 'dayuan-baseline-'));
    defer(() => rm(env.PGLITE_DIR, { recursive: true, force: true }));
  }
  const proc = startNode('baseline', path.join(import.meta.dirname, 'lib/baseline-tx-server.mjs'), { env });
  defer(() => stopNode(proc));
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(proc, `${url}/healthz`);
  return url;
}

/** Overlapping pairs of slot-holding bookings, over the whole table, and the load-test building's bookings. */
async function countInDatabase(stack, date) {
  const handle = await stack.openDatabase();
  try {
    const holding = sql.join(
      HOLDING.map((s) => sql`${s}`),
      sql`, `,
    );
    const [{ pairs }] = (
      await handle.db.execute(sql`
        SELECT count(*)::int AS pairs
        FROM meeting_rooms_bookings a
        JOIN meeting_rooms_bookings b ON b.room_id = a.room_id AND a.id < b.id AND a.during && b.during
        WHERE a.status IN (${holding}) AND b.status IN (${holding})`)
    ).rows;
    const [{ stored }] = (
      await handle.db.execute(sql`
        SELECT count(*)::int AS stored
        FROM meeting_rooms_bookings bk
        JOIN rooms r ON r.id = bk.room_id
        JOIN buildings bu ON bu.id = r.building_id
        WHERE bu.name = ${BUILDING} AND bk.status IN (${holding})
          AND bk.during && tstzrange((${date}::date)::timestamp AT TIME ZONE 'Asia/Shanghai',
                                     (${date}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`)
    ).rows;
    return { pairs, stored };
  } finally {
    await handle.close();
  }
}

export default async function bookingStorm({ mode, defer, log }) {
  const stack = await startBenchStack({
    mode,
    defer,
    log,
    serverEnv: {
      TRUST_PROXY: 'true',
      SEED_LOAD_TEST_PEOPLE: String(ORGANIZERS),
      SEED_LOAD_TEST_ROOMS: String(ROOMS),
    },
  });
  const tokens = await pool(ORGANIZERS, 20, (i) => loadTestLogin(stack, i + 1));
  const { items } = await getJson(`${stack.url}/api/meeting-rooms/rooms`, tokens[0]);
  const rooms = items.filter((room) => room.building.name === BUILDING);
  if (rooms.length !== ROOMS) throw new Error(`${rooms.length} rooms in ${BUILDING}, expected ${ROOMS}`);
  const buildingId = rooms[0].building.id;
  const date = tomorrowInChina();
  const bodies = attempts(
    rooms.map((room) => room.id),
    date,
  );
  log(`${ORGANIZERS} organizers logged in; ${ATTEMPTS} attempts over ${ROOMS} rooms on ${date}`);

  // The baseline answers with the body of a real booking: one made the day after, outside the storm.
  const sample = await postJson(`${stack.url}${BOOKINGS_PATH}`, tokens[0], {
    ...bodies[0],
    date: nextDay(date),
  });
  const baselineUrl = await startBaseline(mode, sample, defer);
  const baselineRuns = [await storm(baselineUrl, bodies, tokens)];
  log(`baseline: ${summary(baselineRuns[0])}`);
  const run = await storm(stack.url, bodies, tokens);
  log(`storm: ${summary(run)}`);
  if (run.slow.length > 0) {
    const booked = run.slow.filter((a) => a.booked).length;
    const firstWave = run.slow.filter((a) => a.i < CONCURRENCY).length;
    const listed = run.slow.slice(0, 40).map((a) => `#${a.i} ${a.ms} ms`);
    if (run.slow.length > listed.length) listed.push('…');
    log(
      `${run.slow.length} attempts took over ${SLOW_MS / 1000} s (${booked} booked, ${firstWave} among the ` +
        `first ${CONCURRENCY} sent): ${listed.join(', ')}`,
    );
  }

  if (run.errors > 0) log(`first errors: ${run.firstErrors.join(' | ')}`);
  baselineRuns.push(await storm(baselineUrl, bodies, tokens));
  log(`baseline again: ${summary(baselineRuns[1])}`);
  const baseline = baselineRuns.reduce((a, b) => (b.rps > a.rps ? b : a));

  const grid = `${stack.url}${AVAILABILITY_PATH}?buildingId=${buildingId}&date=${date}`;
  const answer = await getJson(grid, tokens[0]);
  const shown = answer.rooms.flatMap(({ room, bookings }) =>
    bookings.filter((b) => HOLDING.includes(b.status)).map((b) => ({ roomId: room.id, ...b })),
  );
  const timings = [];
  for (let i = 0; i < AVAILABILITY_WARMUP + AVAILABILITY_SAMPLES; i++) {
    const started = performance.now();
    await getJson(grid, tokens[i % tokens.length]);
    if (i >= AVAILABILITY_WARMUP) timings.push(performance.now() - started);
  }
  log(
    `availability: ${answer.rooms.length} rooms, ${shown.length} bookings, ` +
      `${Buffer.byteLength(JSON.stringify(answer))} bytes`,
  );

  await stack.stopServer();
  const db = await countInDatabase(stack, date);
  const answered = overlappingPairs(run.booked.map((b) => ({ roomId: b.room.id, ...b })));
  const onGrid = overlappingPairs(shown);
  log(
    `double bookings: ${db.pairs} in the database, ${answered} among the booking answers, ${onGrid} on ` +
      `the grid; ${db.stored} stored, ${shown.length} shown, ${run.succeeded} answered`,
  );

  const problems = [
    db.pairs > 0 && `${db.pairs} double bookings`,
    (answered > 0 || onGrid > 0) &&
      `overlapping bookings: ${answered} among the answers, ${onGrid} on the grid`,
    run.errors > 0 && `${run.errors} attempts answered neither 200 nor 409 SLOT_TAKEN: ${run.firstErrors[0]}`,
    (db.stored !== run.succeeded || shown.length !== run.succeeded) &&
      `${run.succeeded} bookings answered 200, ${db.stored} stored, ${shown.length} on the grid`,
    baseline.errors > 0 && `baseline: ${baseline.errors} errors: ${baseline.firstErrors[0]}`,
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(problems.join('; '));

  return {
    bench: 'booking-storm',
    mode,
    attempts: ATTEMPTS,
    succeeded: run.succeeded,
    conflicts: run.conflicts,
    errors: run.errors,
    double_bookings: db.pairs,
    rps: run.rps,
    baseline_rps: baseline.rps,
    ratio: round(run.rps / baseline.rps, 3),
    p50_ms: percentile(run.latencies, 0.5),
    p99_ms: percentile(run.latencies, 0.99),
    availability_p50_ms: percentile(timings, 0.5),
    availability_p99_ms: percentile(timings, 0.99),
    rooms: ROOMS,
    concurrency: CONCURRENCY,
    elapsed_s: run.seconds,
  };
}
