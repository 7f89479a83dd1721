import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { parseJsonObject } from './body.js';
import { MockClock } from './clock.js';
import { FaultInjector, parseFaultRequest, type Fault, type FaultKind } from './faults.js';
import { CallRecorder } from './recorder.js';

export const CONTROL_PREFIX = '/__mock/';

/** Every mock accepts these fault kinds; the vendor kinds come on top. */
const COMMON_FAULT_KINDS = ['httpStatus', 'delayMs'] as const;

type VendorFaultKind = Exclude<FaultKind, (typeof COMMON_FAULT_KINDS)[number]>;

export interface MockServerOptions<K extends VendorFaultKind> {
  /** Fault kinds `POST /__mock/faults` accepts besides `httpStatus` and `delayMs`. */
  faultKinds: readonly K[];
  /** Answers a call with an injected vendor error, in the vendor's wire shape. */
  renderFault(reply: FastifyReply, fault: Extract<Fault, { kind: K }>): FastifyReply;
  logger?: boolean;
}

export interface MockServer {
  app: FastifyInstance;
  clock: MockClock;
  /** Registers state to wipe on `POST /__mock/reset`. */
  onReset(handler: () => void): void;
}

/**
 * A Fastify instance with what every mock shares: raw bodies, the call recorder, fault injection, the mock
 * clock and the `/__mock/*` control plane (the only routes with CORS, for the H5 app in a browser).
 */
export function createMockServer<K extends VendorFaultKind>(options: MockServerOptions<K>): MockServer {
  const app = Fastify({ logger: options.logger ?? false });
  const clock = new MockClock();
  const recorder = new CallRecorder();
  const faults = new FaultInjector();
  const resetHandlers: (() => void)[] = [() => clock.reset(), () => recorder.clear(), () => faults.clear()];
  const faultKinds: FaultKind[] = [...options.faultKinds, ...COMMON_FAULT_KINDS];

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.addHook('onRequest', async (request, reply) => {
    if (isControlPath(request.url)) reply.header('access-control-allow-origin', '*');
  });

  app.addHook('preHandler', async (request, reply) => {
    if (isControlPath(request.url)) return;
    const path = pathOf(request.url);
    recorder.record({
      method: request.method,
      path,
      query: request.query,
      body: request.body,
      headers: request.headers,
      at: clock.now(),
    });
    const fault = faults.take(path);
    if (!fault) return;
    // A slow vendor still handles the call, even when the client gave up waiting.
    if (fault.kind === 'delayMs') {
      await sleep(fault.delayMs);
      return;
    }
    if (fault.kind === 'httpStatus') {
      return reply
        .code(fault.httpStatus)
        .type('text/html')
        .send(`<html><body>${fault.httpStatus}</body></html>`);
    }
    // parseFaultRequest only accepts the kinds this mock declared.
    return options.renderFault(reply, fault as Extract<Fault, { kind: K }>);
  });

  app.options(`${CONTROL_PREFIX}*`, async (request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST, OPTIONS')
      .header(
        'access-control-allow-headers',
        request.headers['access-control-request-headers'] ?? 'content-type',
      )
      .header('access-control-max-age', '600')
      .send(),
  );

  app.post(`${CONTROL_PREFIX}clock`, async (request, reply) => {
    const body = parseJsonObject(request.body);
    const advanceSeconds = typeof body === 'object' ? body.advanceSeconds : undefined;
    // Negative values are allowed so a test can undo its own advance.
    if (typeof advanceSeconds !== 'number' || !Number.isFinite(advanceSeconds)) {
      return reply.code(400).send({ error: 'advanceSeconds must be a number' });
    }
    clock.advance(advanceSeconds);
    return { now: new Date(clock.now()).toISOString(), offsetSeconds: clock.offsetSeconds() };
  });

  app.post(`${CONTROL_PREFIX}faults`, async (request, reply) => {
    const parsed = parseFaultRequest(parseJsonObject(request.body), faultKinds);
    if (typeof parsed === 'string') return reply.code(400).send({ error: parsed });
    faults.add(parsed);
    return { path: parsed.path, times: parsed.times, ...parsed.fault };
  });

  app.post(`${CONTROL_PREFIX}reset`, async (_request, reply) => {
    for (const handler of resetHandlers) handler();
    return reply.code(204).send();
  });

  app.get<{ Querystring: { path?: string } }>(`${CONTROL_PREFIX}calls`, async (request) =>
    recorder.list(request.query.path),
  );

  return { app, clock, onReset: (handler) => resetHandlers.push(handler) };
}

function isControlPath(url: string): boolean {
  return url.startsWith(CONTROL_PREFIX);
}

function pathOf(url: string): string {
  const end = url.indexOf('?');
  return end === -1 ? url : url.slice(0, end);
}

/** Mocks never listen beyond loopback. Resolves to the base URL. */
export async function listenOnLoopback(app: FastifyInstance, port: number): Promise<string> {
  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('mock is not listening on TCP');
  return `http://127.0.0.1:${address.port}`;
}
