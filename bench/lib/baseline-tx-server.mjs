import Fastify from 'fastify';

// A bare Fastify app: `POST <BASELINE_PATH>` parses the JSON body, stores it in one short transaction
// (BEGIN; INSERT; COMMIT) and answers BASELINE_BODY (JSON); no auth, validation or logging.
// The database is PostgreSQL at DATABASE_URL (a pool of PG_POOL_MAX, 10 like the server's default), else
// PGlite in PGLITE_DIR; the table `bench_baseline_posts` is created there if missing.
const TABLE = `CREATE TABLE IF NOT EXISTS bench_baseline_posts (
  id bigserial PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`;
const INSERT = 'INSERT INTO bench_baseline_posts (body) VALUES ($1)';

/** `insert(body)` runs the transaction; `close()` ends the connection. */
async function openDatabase() {
  if (process.env.DATABASE_URL) {
    const { default: pg } = await import('pg');
    const db = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      max: Number(process.env.PG_POOL_MAX ?? 10),
    });
    await db.query(TABLE);
    const insert = async (body) => {
      const client = await db.connect();
      try {
        await client.query('BEGIN');
        await client.query(INSERT, [body]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    };
    return { insert, close: () => db.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir: process.env.PGLITE_DIR });
  await db.query(TABLE);
  const insert = (body) => db.transaction((tx) => tx.query(INSERT, [body]));
  return { insert, close: () => db.close() };
}

const body = JSON.parse(process.env.BASELINE_BODY ?? '{}');
const db = await openDatabase();
const app = Fastify({ logger: false });
app.post(process.env.BASELINE_PATH ?? '/', async (req) => {
  await db.insert(req.body);
  return body;
});
app.get('/healthz', async () => ({ status: 'ok' }));

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.once(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(db.close)
      .then(() => process.exit(0)),
);
