import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { demoCompound, demoLogins } from '@dayuan/mocks';
import { directoryRoutes, notificationRoutes as n } from '@dayuan/shared';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { notificationDeliveries } from '../src/platform/db/schema.js';
import { DeliveryDispatcher } from '../src/platform/notifications/dispatcher.js';
import { NotificationsRepository } from '../src/platform/notifications/notifications.repository.js';
import { connectRealtime } from './support/realtime-client.js';
import { okBody, startTestApp, type TestApp } from './support/test-app.js';

// Production-mode behaviour: several instances on one PostgreSQL and Redis, and Redis going away.
const production = !!process.env.DATABASE_URL && !!process.env.REDIS_URL;
const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;

const apps: TestApp[] = [];
afterAll(async () => {
  for (const app of apps.reverse()) await app.close();
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

function startRedis(port: number) {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  return {
    stop: () => new Promise<void>((resolve) => child.once('exit', () => resolve()) && child.kill('SIGKILL')),
    ready: async () => {
      for (let i = 0; i < 100; i++) {
        if (
          spawnSync('redis-cli', ['-p', String(port), 'ping'])
            .stdout?.toString()
            .includes('PONG')
        ) {
          return;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('redis-server did not start');
    },
  };
}

describe.runIf(production)('two instances on one PostgreSQL and Redis', () => {
  it('pushes to a socket on instance B what instance A recorded', async () => {
    const a = await startTestApp();
    apps.push(a);
    const b = await startTestApp({}, { sameDeploymentAs: a });
    apps.push(b);
    const driver = await b.loginAs(demoLogins.driver);
    const socket = await connectRealtime(await b.listen(), driver.tokens.accessToken);
    await socket.next((m) => m.type === 'ready');

    const admin = await a.loginAs(demoLogins.admin);
    okBody(
      await a.call(directoryRoutes.setRoles, {
        token: admin.tokens.accessToken,
        params: { id: driver.me.id },
        body: { roles: [{ role: 'staff' }, { role: 'driver' }, { role: 'meeting_service' }] },
      }),
    );
    const pushed = await socket.next((m) => m.type === 'notification');
    expect(pushed).toMatchObject({ item: { title: '您的角色已调整' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(socket.messages.filter((m) => m.type === 'notification')).toHaveLength(1);
    socket.close();
    // Their workers would otherwise keep working on this worker's database in the next test.
    for (const app of apps.splice(0)) await app.close();
  });
});

describe.runIf(production && hasRedisServer)('Redis stopped and restarted during dispatch', () => {
  it('loses nothing and sends nothing twice', async () => {
    const port = await freePort();
    let redis = startRedis(port);
    await redis.ready();
    const t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${port}`, NOTIFY_LEASE_MS: '1500' });
    apps.push(t);
    const admin = await t.loginAs(demoLogins.admin);

    const announced = okBody(
      await t.call(n.announce, {
        token: admin.tokens.accessToken,
        body: { title: '消防演练', body: '明早 9:00 全员参加消防演练。', urgency: 'urgent' },
      }),
    );
    expect(announced.recipients).toBe(demoCompound.people.length);
    // Redis dies while deliveries are relayed and sent; it comes back empty (no persistence).
    await new Promise((r) => setTimeout(r, 30));
    const openAtOutage = await t.app.get(NotificationsRepository).openDeliveries();
    await redis.stop();
    await new Promise((r) => setTimeout(r, 1000));
    redis = startRedis(port);
    await redis.ready();
    try {
      expect(openAtOutage).toBeGreaterThan(0);
      await t.app.get(DeliveryDispatcher).drain(60_000);
      const statuses = await t.db
        .select({ status: notificationDeliveries.status })
        .from(notificationDeliveries);
      expect(statuses.filter((s) => s.status !== 'sent' && s.status !== 'skipped')).toEqual([]);
      const sms = await t.db
        .select()
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.channel, 'sms'));
      expect(sms).toHaveLength(demoCompound.people.length);
      for (const person of demoCompound.people) {
        const texts = (await (
          await fetch(`${t.sms.url}/__mock/sms/outbox?phone=${person.phone}`)
        ).json()) as { text: string }[];
        expect(
          texts.filter((m) => m.text.includes('消防演练')),
          person.employeeNo,
        ).toHaveLength(1);
      }
    } finally {
      await t.close();
      apps.splice(apps.indexOf(t), 1);
      await redis.stop();
    }
  }, 90_000);
});
