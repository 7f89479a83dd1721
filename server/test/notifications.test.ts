import { demoCompound, demoLogins, wechatFixtures } from '@dayuan/mocks';
import { directoryRoutes, notificationRoutes as n, type Session } from '@dayuan/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationDeliveries, notifications } from '../src/platform/db/schema.js';
import { DeliveryDispatcher } from '../src/platform/notifications/dispatcher.js';
import { Notifier } from '../src/platform/notifications/notifier.js';
import { connectRealtime } from './support/realtime-client.js';
import { mockPost, okBody, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: Session;
let baseUrl: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.loginAs(demoLogins.admin);
  baseUrl = await t.listen();
});
afterAll(() => t.close());

const drain = (app: TestApp = t) => app.app.get(DeliveryDispatcher).drain();
const accountTemplate = wechatFixtures.subscribeTemplates.find((x) => x.title === '账号变更提醒')!.id;
const outbox = async <T>(path: string) => (await (await fetch(`${t.wechat.url}${path}`)).json()) as T;
const smsTo = async (phone: string) =>
  (await (await fetch(`${t.sms.url}/__mock/sms/outbox?phone=${phone}`)).json()) as { text: string }[];

async function changeRoles(personId: string, roles: { role: 'staff' | 'driver' }[]) {
  return okBody(
    await t.call(directoryRoutes.setRoles, {
      token: admin.tokens.accessToken,
      params: { id: personId },
      body: { roles },
    }),
  );
}

async function deliveriesOf(notificationId: string) {
  return t.db
    .select()
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.notificationId, notificationId));
}

describe('a role change tells the person', () => {
  it('lands in the inbox and arrives over the WebSocket without a refresh', async () => {
    const driver = await t.loginAs(demoLogins.driver);
    const socket = await connectRealtime(baseUrl, driver.tokens.accessToken);
    const ready = await socket.next((m) => m.type === 'ready');
    expect(ready).toMatchObject({ type: 'ready', unread: 0 });

    await changeRoles(driver.me.id, [{ role: 'staff' }, { role: 'driver' }]);
    const pushed = await socket.next((m) => m.type === 'notification');
    expect(pushed).toMatchObject({
      item: {
        title: '您的角色已调整',
        body: '管理员已将您的角色调整为：工作人员、驾驶员',
        link: '/pages/me/index',
      },
    });
    socket.close();

    const inbox = okBody(await t.call(n.inbox, { token: driver.tokens.accessToken }));
    expect(inbox.total).toBe(1);
    expect(okBody(await t.call(n.unreadCount, { token: driver.tokens.accessToken })).count).toBe(1);
    const read = okBody(
      await t.call(n.markRead, { token: driver.tokens.accessToken, params: { id: inbox.items[0]!.id } }),
    );
    expect(read.readAt).not.toBeNull();
    expect(okBody(await t.call(n.unreadCount, { token: driver.tokens.accessToken })).count).toBe(0);

    const someoneElse = await t.loginAs(demoLogins.guard);
    const foreign = await t.call(n.markRead, {
      token: someoneElse.tokens.accessToken,
      params: { id: inbox.items[0]!.id },
    });
    expect(foreign).toMatchObject({ status: 404, body: { code: 'NOTIFICATIONS_NOT_FOUND' } });
  });

  it('sends a WeChat subscribe message only while the person holds a credit, one per accept', async () => {
    const tech = await t.loginAs(demoLogins.technician);
    const openid = demoCompound.people.find((p) => p.employeeNo === demoLogins.technician)!.openid!;
    await changeRoles(tech.me.id, [{ role: 'staff' }]);
    await drain();
    const sentBefore = await outbox<unknown[]>(`/__mock/wx/subscribe/outbox?openid=${openid}`);
    expect(sentBefore).toHaveLength(0);

    // The user taps "allow" in WeChat (the mock), and the app reports it.
    await mockPost(t.wechat.url, '/__mock/wx/subscribe', {
      openid,
      results: { [accountTemplate]: 'accept' },
    });
    const report = okBody(
      await t.call(n.reportSubscriptions, {
        token: tech.tokens.accessToken,
        body: { results: { [accountTemplate]: 'accept' } },
      }),
    );
    expect(report.items.find((x) => x.key === 'account_change')?.credits).toBe(1);

    await changeRoles(tech.me.id, [{ role: 'staff' }, { role: 'driver' }]);
    await changeRoles(tech.me.id, [{ role: 'staff' }]);
    await drain();
    const sent = await outbox<{ templateId: string; data: Record<string, string> }[]>(
      `/__mock/wx/subscribe/outbox?openid=${openid}`,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      templateId: accountTemplate,
      data: { thing1: '角色调整', thing2: '工作人员、驾驶员' },
    });
    expect(sent[0]!.data.time3).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    const subscribeSent = await t.db
      .select()
      .from(notificationDeliveries)
      .where(and(eq(notificationDeliveries.channel, 'subscribe'), eq(notificationDeliveries.status, 'sent')));
    expect(subscribeSent).toHaveLength(1);
    const credits = okBody(await t.call(n.subscribeTemplates, { token: tech.tokens.accessToken }));
    expect(credits.items.find((x) => x.key === 'account_change')?.credits).toBe(0);
  });

  it('refreshes a rejected access token once and still sends exactly one subscribe message', async () => {
    const person = demoCompound.people.find((p) => p.employeeNo === demoLogins.canteen_staff)!;
    const session = await t.loginAs(person.employeeNo);
    await mockPost(t.wechat.url, '/__mock/wx/subscribe', {
      openid: person.openid,
      results: { [accountTemplate]: 'accept' },
    });
    await t.call(n.reportSubscriptions, {
      token: session.tokens.accessToken,
      body: { results: { [accountTemplate]: 'accept' } },
    });
    await mockPost(t.wechat.url, '/__mock/faults', {
      path: '/cgi-bin/message/subscribe/send',
      errcode: 40001,
      times: 1,
    });
    await changeRoles(session.me.id, [{ role: 'staff' }]);
    await drain();
    const sent = await outbox<unknown[]>(`/__mock/wx/subscribe/outbox?openid=${person.openid}`);
    expect(sent).toHaveLength(1);
    const tokenCalls = await outbox<unknown[]>('/__mock/calls?path=/cgi-bin/stable_token');
    expect(tokenCalls.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a subscription report for a template we do not use', async () => {
    const res = await t.call(n.reportSubscriptions, {
      token: admin.tokens.accessToken,
      body: { results: { tmplNotOurs: 'accept' } },
    });
    expect(res).toMatchObject({ status: 400, body: { code: 'NOTIFICATIONS_UNKNOWN_TEMPLATE' } });
  });
});

describe('announcements', () => {
  const department = demoCompound.departments.find(
    (d) => d.parentKey === null && demoCompound.departments.some((c) => c.parentKey === d.key),
  )!;

  async function departmentId(name: string) {
    return okBody(await t.call(directoryRoutes.departments, { token: admin.tokens.accessToken })).items.find(
      (d) => d.name === name,
    )!.id;
  }

  it('reach every member of a department once; urgent ones also by SMS, exactly once per phone', async () => {
    const id = await departmentId(department.name);
    const res = okBody(
      await t.call(n.announce, {
        token: admin.tokens.accessToken,
        body: {
          title: '停电通知',
          body: '今晚 20:00–22:00 1 号楼停电检修。',
          departmentIds: [id],
          urgency: 'urgent',
        },
      }),
    );
    const memberKeys = new Set(
      demoCompound.departments
        .filter((d) => d.key === department.key || d.parentKey === department.key)
        .map((d) => d.key),
    );
    const members = demoCompound.people.filter((p) => memberKeys.has(p.departmentKey));
    expect(res.recipients).toBe(members.length);
    await drain();
    for (const member of members) {
      const texts = (await smsTo(member.phone)).filter((m) => m.text.includes('停电通知'));
      expect(texts, member.employeeNo).toHaveLength(1);
    }
    const outsider = demoCompound.people.find((p) => !memberKeys.has(p.departmentKey))!;
    expect((await smsTo(outsider.phone)).filter((m) => m.text.includes('停电通知'))).toHaveLength(0);
  });

  it('respects a muted category unless urgent', async () => {
    const staff = await t.loginAs(demoLogins.staff);
    okBody(
      await t.call(n.setPreferences, {
        token: staff.tokens.accessToken,
        body: { mutedCategories: ['announcement'] },
      }),
    );
    const normal = okBody(
      await t.call(n.announce, {
        token: admin.tokens.accessToken,
        body: { title: '食堂菜单更新', body: '下周菜单已发布。' },
      }),
    );
    expect(normal.recipients).toBe(demoCompound.people.length);
    const [row] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.personId, staff.me.id), eq(notifications.title, '食堂菜单更新')));
    expect(await deliveriesOf(row!.id)).toEqual([]);
    const inbox = okBody(
      await t.call(n.inbox, { token: staff.tokens.accessToken, query: { unreadOnly: 'true' } }),
    );
    expect(inbox.items.map((i) => i.title)).toContain('食堂菜单更新');
  });

  it('refuses an unknown department and records nothing', async () => {
    const before = await t.db.select().from(notifications);
    const res = await t.call(n.announce, {
      token: admin.tokens.accessToken,
      body: { title: '无效范围', body: '正文', departmentIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(res).toMatchObject({
      status: 404,
      body: { code: 'DIRECTORY_DEPARTMENT_NOT_FOUND', message: '部门不存在' },
    });
    expect(await t.db.select().from(notifications)).toHaveLength(before.length);
  });

  it('marks all of a person’s notifications read, and only theirs', async () => {
    const staff = await t.loginAs(demoLogins.staff);
    const guard = await t.loginAs(demoLogins.guard);
    okBody(
      await t.call(n.announce, {
        token: admin.tokens.accessToken,
        body: { title: '全部已读测试', body: '正文' },
      }),
    );
    const guardUnread = okBody(await t.call(n.unreadCount, { token: guard.tokens.accessToken })).count;
    expect(guardUnread).toBeGreaterThan(0);
    const marked = okBody(await t.call(n.markAllRead, { token: staff.tokens.accessToken }));
    expect(marked.updated).toBeGreaterThan(0);
    expect(okBody(await t.call(n.unreadCount, { token: staff.tokens.accessToken })).count).toBe(0);
    expect(okBody(await t.call(n.unreadCount, { token: guard.tokens.accessToken })).count).toBe(guardUnread);
  });

  it('is for admins only', async () => {
    const staff = await t.loginAs(demoLogins.staff);
    const res = await t.call(n.announce, {
      token: staff.tokens.accessToken,
      body: { title: 'x', body: 'y' },
    });
    expect(res).toMatchObject({ status: 403, body: { code: 'AUTH_FORBIDDEN' } });
  });
});

describe('delivery guarantees', () => {
  it('retries a failing SMS provider with backoff and sends once when it recovers', async () => {
    await mockPost(t.sms.url, '/__mock/faults', { path: '/', smsCode: 'InternalError.Timeout', times: 2 });
    const someone = demoCompound.people[40]!;
    const id = (await t.loginAs(demoLogins.staff)).me.id;
    await t.app.get(Notifier).notify(t.db as never, {
      template: 'platform.announcement',
      params: { title: '重试测试', body: '正文', publisher: '测试' },
      to: [{ phone: someone.phone }],
      urgency: 'urgent',
      dedupeKey: `retry-${id}`,
    });
    await drain();
    expect((await smsTo(someone.phone)).filter((m) => m.text.includes('重试测试'))).toHaveLength(1);
    const [delivery] = await t.db
      .select()
      .from(notificationDeliveries)
      .where(
        sql`${notificationDeliveries.lastError} IS NULL AND ${notificationDeliveries.channel} = 'sms' AND ${notificationDeliveries.attempts} = 3`,
      );
    expect(delivery?.status).toBe('sent');
  });

  it('holds texts beyond our per-number hourly cap for later instead of dropping them', async () => {
    const someone = demoCompound.people[43]!;
    const notifier = t.app.get(Notifier);
    for (let i = 0; i <= t.config.SMS_PER_NUMBER_HOURLY; i++) {
      await notifier.notify(t.db as never, {
        template: 'platform.announcement',
        params: { title: `限额${i}`, body: '正文', publisher: '测试' },
        to: [{ phone: someone.phone }],
        urgency: 'urgent',
        dedupeKey: `cap-${i}`,
      });
      if (i < t.config.SMS_PER_NUMBER_HOURLY) await drain();
    }
    const heldRows = () =>
      t.db
        .select()
        .from(notificationDeliveries)
        .where(
          and(
            eq(notificationDeliveries.status, 'retry'),
            eq(notificationDeliveries.lastError, 'per-number hourly limit reached'),
          ),
        );
    t.app.get(DeliveryDispatcher).kick();
    await expect.poll(async () => (await heldRows()).length).toBe(1);
    const held = await heldRows();
    expect(await smsTo(someone.phone)).toHaveLength(t.config.SMS_PER_NUMBER_HOURLY);
    expect(held[0]!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 60_000);
    await t.db.delete(notificationDeliveries).where(eq(notificationDeliveries.id, held[0]!.id));
  });

  it('records a business event once per recipient however often it is notified (dedupe key)', async () => {
    const notifier = t.app.get(Notifier);
    const person = (await t.loginAs(demoLogins.guard)).me;
    for (let i = 0; i < 3; i++) {
      await t.db.transaction((tx) =>
        notifier.notify(tx, {
          template: 'directory.roles_changed',
          params: { roles: '门岗' },
          to: [{ personId: person.id }],
          dedupeKey: 'same-event',
        }),
      );
    }
    const rows = await t.db.select().from(notifications).where(eq(notifications.dedupeKey, 'same-event'));
    expect(rows).toHaveLength(1);
  });

  it('refuses bad params with a coded error and writes nothing', async () => {
    const notifier = t.app.get(Notifier);
    const person = (await t.loginAs(demoLogins.guard)).me;
    const to = [{ personId: person.id }];
    const badParams = {
      template: 'directory.roles_changed',
      params: { roles: 42 },
      to,
      dedupeKey: 'bad',
    } as const;
    const attempt = t.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      // @ts-expect-error roles must be a string: the compiler refuses this call
      await notifier.notify(tx, badParams);
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'NOTIFICATIONS_INVALID_PARAMS',
      details: [{ path: 'params.roles' }],
    });
    const unknownTemplate = { template: 'nope', params: {}, to, dedupeKey: 'x' } as const;
    // @ts-expect-error an unknown template key does not compile
    const unknown = notifier.notify(t.db as never, unknownTemplate);
    await expect(unknown).rejects.toMatchObject({ code: 'NOTIFICATIONS_INVALID_PARAMS' });
    expect(await t.db.select().from(notifications).where(eq(notifications.dedupeKey, 'bad'))).toHaveLength(0);
  });

  it('gives up after the last attempt, shows the delivery to admins, and sends it on their retry', async () => {
    const someone = demoCompound.people[41]!;
    await mockPost(t.sms.url, '/__mock/faults', {
      path: '/',
      smsCode: 'InternalError.Timeout',
      times: t.config.NOTIFY_MAX_ATTEMPTS,
    });
    await t.app.get(Notifier).notify(t.db as never, {
      template: 'platform.announcement',
      params: { title: '死信测试', body: '正文', publisher: '测试' },
      to: [{ phone: someone.phone }],
      urgency: 'urgent',
      dedupeKey: 'dead-letter',
    });
    await drain();
    const dead = okBody(await t.call(n.deadLetters, { token: admin.tokens.accessToken }));
    const item = dead.items.find(
      (d) => d.recipient === `${someone.phone.slice(0, 3)}****${someone.phone.slice(-4)}`,
    )!;
    expect(item).toMatchObject({ channel: 'sms', status: 'dead', attempts: t.config.NOTIFY_MAX_ATTEMPTS });
    expect(await smsTo(someone.phone)).toHaveLength(0);

    const retried = okBody(
      await t.call(n.retryDelivery, { token: admin.tokens.accessToken, params: { id: item.id } }),
    );
    expect(retried.status).toBe('pending');
    await drain();
    expect((await smsTo(someone.phone)).filter((m) => m.text.includes('死信测试'))).toHaveLength(1);
    const again = await t.call(n.retryDelivery, { token: admin.tokens.accessToken, params: { id: item.id } });
    expect(again).toMatchObject({ status: 409, body: { code: 'NOTIFICATIONS_NOT_DEAD' } });
  });

  it('picks up deliveries a crashed worker had claimed, once its lease runs out', async () => {
    // A second instance whose worker is off records; a "crashed" worker then holds the claim.
    const writer = await startTestApp({ NOTIFY_WORKER: 'false' }, { sameDeploymentAs: t });
    const someone = demoCompound.people[42]!;
    await writer.app.get(Notifier).notify(t.db as never, {
      template: 'platform.announcement',
      params: { title: '崩溃恢复', body: '正文', publisher: '测试' },
      to: [{ phone: someone.phone }],
      urgency: 'urgent',
      dedupeKey: 'crash',
    });
    await writer.close();
    await t.db
      .update(notificationDeliveries)
      .set({ status: 'sending', attempts: 1, leaseUntil: sql`now() + interval '300 milliseconds'` })
      .where(eq(notificationDeliveries.status, 'pending'));
    await new Promise((r) => setTimeout(r, 400));
    await drain();
    expect((await smsTo(someone.phone)).filter((m) => m.text.includes('崩溃恢复'))).toHaveLength(1);
  });
});

describe('WebSocket protocol', () => {
  it('refuses a socket that does not authenticate properly', async () => {
    const bad = await connectRealtime(baseUrl, 'not-a-token');
    expect(await bad.next((m) => m.type === 'error')).toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
    expect((await bad.closed).code).toBe(4401);
  });

  it('answers pings and rejects malformed frames without closing', async () => {
    const staff = await t.loginAs(demoLogins.staff);
    const socket = await connectRealtime(baseUrl, staff.tokens.accessToken);
    await socket.next((m) => m.type === 'ready');
    socket.send({ type: 'ping' });
    await socket.next((m) => m.type === 'pong');
    socket.send({ type: 'shout' });
    await socket.next((m) => m.type === 'error' && m.code === 'VALIDATION_FAILED');
    socket.send({ type: 'ping' });
    await new Promise((r) => setTimeout(r, 100));
    expect(socket.messages.filter((m) => m.type === 'pong')).toHaveLength(2);
    socket.close();
  });
});
