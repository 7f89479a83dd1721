// Starts the back end as real processes: the mocks, a migrated and seeded database, and the server.
// Used by `npm start`, the browser e2e tests and the benchmarks.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePorts } from './ports.mjs';
import { runNode, startNode, stopNode, waitForHttp } from './proc.mjs';

export const repoDir = path.resolve(import.meta.dirname, '../..');
const SERVER_MAIN = path.join(repoDir, 'server/dist/main.js');
const SEED_MAIN = path.join(repoDir, 'server/dist/seed/main.js');
const MOCKS_MAIN = path.join(repoDir, 'mocks/dist/main.js');

async function admin(baseUrl, statement) {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Env vars selecting a fresh, empty database for `mode`, and how to remove it. */
async function freshDatabase(mode, { pgliteDir, databaseName }) {
  if (mode === 'embedded') {
    if (pgliteDir) {
      return { env: { DATABASE_URL: '', REDIS_URL: '', PGLITE_DIR: pgliteDir }, remove: async () => {} };
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dayuan-pglite-'));
    return {
      env: { DATABASE_URL: '', REDIS_URL: '', PGLITE_DIR: dir },
      remove: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const base = process.env.DATABASE_URL;
  if (!base || !process.env.REDIS_URL) throw new Error('production mode needs DATABASE_URL and REDIS_URL');
  const drop = () => admin(base, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await drop();
  await admin(base, `CREATE DATABASE ${databaseName}`);
  const url = new URL(base);
  url.pathname = `/${databaseName}`;
  // Its own Redis namespace too, so it never shares keys, channels or queues with another deployment.
  const env = {
    DATABASE_URL: url.toString(),
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: `${databaseName}:`,
  };
  return { env, remove: drop };
}

/**
 * Mocks + seeded database + server. `mode`: `embedded` (PGlite, in-process state; `pgliteDir` keeps the data)
 * or `production` (a fresh database on DATABASE_URL's server, Redis on REDIS_URL). Ports default to free ones.
 * Returns the URLs and `stop()`, which also removes a database it created.
 */
export async function startStack({
  mode = 'embedded',
  port,
  wechatPort,
  smsPort,
  pgliteDir,
  databaseName = `dayuan_stack_${process.pid}`,
  h5Dir,
  serverEnv = {},
  echo = false,
} = {}) {
  const [freeServer, freeWechat, freeSms] = await freePorts(3);
  const ports = { server: port ?? freeServer, wechat: wechatPort ?? freeWechat, sms: smsPort ?? freeSms };
  const undo = [];
  const stop = async () => {
    while (undo.length > 0) await undo.pop()();
  };
  try {
    const mocks = startNode('mocks', MOCKS_MAIN, {
      env: { WECHAT_MOCK_PORT: String(ports.wechat), SMS_MOCK_PORT: String(ports.sms) },
      echo,
    });
    undo.push(() => stopNode(mocks));
    const wechatUrl = `http://127.0.0.1:${ports.wechat}`;
    const smsUrl = `http://127.0.0.1:${ports.sms}`;
    await waitForHttp(mocks, `${smsUrl}/__mock/sms/outbox`);

    const url = `http://127.0.0.1:${ports.server}`;
    const database = await freshDatabase(mode, { pgliteDir, databaseName });
    undo.push(database.remove);
    const env = {
      HOST: '127.0.0.1',
      PORT: String(ports.server),
      LOG_LEVEL: 'warn',
      WECHAT_API_BASE: wechatUrl,
      SMS_API_BASE: smsUrl,
      H5_DIR: h5Dir ?? '',
      // Serving H5: visitors' SMS links open its pages directly.
      ...(h5Dir ? { VISITOR_LINK: 'h5', PUBLIC_H5_URL: url } : {}),
      ...database.env,
      ...serverEnv,
    };
    await runNode('seed', SEED_MAIN, { env, cwd: repoDir });
    const server = startNode('server', SERVER_MAIN, { env, cwd: repoDir, echo });
    undo.push(() => stopNode(server));
    await waitForHttp(server, `${url}/healthz`, 60_000);
    return { url, wechatUrl, smsUrl, processes: [mocks, server], stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
