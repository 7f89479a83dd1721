import Fastify from 'fastify';

// A bare Fastify app: `POST <BASELINE_PATH>` parses the JSON body and answers BASELINE_BODY (JSON), with no
// auth, db or logging.
const body = JSON.parse(process.env.BASELINE_BODY ?? '{}');
const app = Fastify({ logger: false });
app.post(process.env.BASELINE_PATH ?? '/', async () => body);
app.get('/healthz', async () => ({ status: 'ok' }));

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
