import { blockListRoutes as b, visitRoutes as v } from '@dayuan/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, visitorsPassages, visitorsVisits } from '../src/platform/db/schema.js';
import { VisitorSweeper } from '../src/visitors/visitor-sweeper.js';
import { okBody, startTestApp, type TestApp } from './support/test-app.js';
import { allDay, cstDay, demoGuards, idNumber, visitorsKit } from './support/visitors-kit.js';

const HOST = 'E0030';
const ADMIN = 'E0001';
const MINUTE = 60_000;

let t: TestApp;
let kit: ReturnType<typeof visitorsKit>;
let gates: Awaited<ReturnType<typeof kit.gateIds>>;
let sweeper: VisitorSweeper;

async function start(env: Record<string, string>) {
  t = await startTestApp({ LOG_LEVEL: 'error', VISITORS_SWEEP_MS: '0', ...env });
  kit = visitorsKit(t, await t.listen());
  gates = await kit.gateIds();
  sweeper = t.app.get(VisitorSweeper);
}

async function invite(
  o: { name?: string; window?: { date: string; startTime: string; endTime: string }; plate?: string } = {},
  gateList: ('EAST' | 'NORTH')[] = ['EAST'],
) {
  const phone = kit.phone();
  const [visit] = okBody(
    await t.call(v.invite, {
      token: await kit.token(HOST),
      body: {
        visitors: [{ name: o.name ?? '秦到访', phone, ...(o.plate ? { plate: o.plate } : {}) }],
        purpose: '项目评审',
        window: o.window ?? allDay(0),
        gateIds: gateList.map((g) => gates[g]),
        maxEntries: 1,
      },
    }),
  ).items;
  return { visit: visit!, phone };
}

const row = async (id: string) =>
  (await t.db.select().from(visitorsVisits).where(eq(visitorsVisits.id, id)))[0]!;

describe('the visitor sweeper moves visits along', () => {
  beforeAll(() => start({ SMS_SEND_HOURS: '0-24' }));
  afterAll(() => t.close());

  it('expires a pending request past its deadline and tells the visitor by SMS', async () => {
    const host = await kit.token(HOST);
    const { code } = okBody(await t.call(v.bookingLink, { token: host }));
    const phone = kit.phone();
    const guest = await kit.guest(phone);
    const pass = okBody(
      await t.call(v.request, {
        params: { code },
        body: {
          phone,
          name: '尤过期',
          purpose: '咨询政策',
          window: allDay(0),
          gateIds: [gates.EAST],
          acceptPrivacy: true,
        },
        ...kit.asGuest(guest),
      }),
    );
    expect(pass.status).toBe('pending');
    // Not yet: the deadline is ahead.
    await sweeper.sweep(new Date());
    expect(await row(pass.id)).toMatchObject({ status: 'pending' });

    await t.db
      .update(visitorsVisits)
      .set({ requestExpiresAt: new Date(Date.now() - MINUTE) })
      .where(eq(visitorsVisits.id, pass.id));
    const result = await sweeper.sweep(new Date());
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect(await row(pass.id)).toMatchObject({ status: 'expired', awaiting: null });
    await kit.waitForSms(phone, /来访申请已过期/);
    // The host can no longer decide it.
    const late = await t.call(v.decide, { params: { id: pass.id }, token: host, body: { approve: true } });
    expect(late.body).toMatchObject({ code: 'VISITORS_REQUEST_EXPIRED' });
    // A second sweep sends nothing more.
    await sweeper.sweep(new Date());
    const texts = (await kit.outbox(phone)).filter((m) => m.text.includes('已过期'));
    expect(texts).toHaveLength(1);
  });

  it('marks an approved visit whose window is over a no-show, and checks out a visitor left inside after the grace', async () => {
    const absent = (await invite({ name: '许未来' })).visit;
    const inside = (await invite({ name: '何在内' })).visit;
    okBody(
      await t.call(v.checkIn, {
        params: { id: inside.id },
        token: await kit.token(demoGuards.east),
        body: { gateId: gates.EAST, reason: '来访人员出示身份证核验' },
      }),
    );
    const end = new Date(absent.windowEnd);
    expect(await row(absent.id)).toMatchObject({ status: 'approved' });

    await sweeper.sweep(new Date(end.getTime() - MINUTE));
    expect(await row(absent.id)).toMatchObject({ status: 'approved' });

    await sweeper.sweep(new Date(end.getTime() + MINUTE));
    expect(await row(absent.id)).toMatchObject({ status: 'no_show' });
    // Still within the grace after the window: the visitor may still be walking out.
    expect(await row(inside.id)).toMatchObject({ status: 'checked_in', inside: true });

    const later = new Date(end.getTime() + (t.config.VISITORS_CHECKOUT_GRACE_MINUTES + 1) * MINUTE);
    await sweeper.sweep(later);
    expect(await row(inside.id)).toMatchObject({
      status: 'checked_out',
      inside: false,
      checkedOutAt: later,
    });
  });

  it('erases the visitor’s personal data after the retention period, keeping passages and statistics', async () => {
    const { visit, phone } = await invite({ name: '吕留存', plate: '浙E24680' }, ['EAST', 'NORTH']);
    const guest = await kit.guest(phone);
    const id = idNumber('32010619880808123');
    okBody(
      await t.call(v.completeProfile, {
        params: { id: visit.id },
        body: { acceptPrivacy: true, idNumber: id },
        ...kit.asGuest(guest),
      }),
    );
    const east = kit.device('EAST-QR1');
    const code = kit.passCodes().issue(visit.id).code;
    expect((await east.scan(code, 'in')).body.decision).toBe('allow');
    expect((await east.scan(code, 'out')).body.decision).toBe('allow');
    expect((await east.scan(code, 'in')).body).toMatchObject({
      decision: 'deny',
      reason: 'PASS_ENTRIES_USED',
    });

    const admin = await kit.token(ADMIN);
    const before = okBody(await t.call(b.stats, { token: admin, query: { days: 30 } }));
    const eastBefore = before.byGate.find((g) => g.gate === '东门')!;
    expect(eastBefore.entries).toBeGreaterThanOrEqual(1);
    expect(eastBefore.denials).toBeGreaterThanOrEqual(1);

    const windowEnd = new Date(visit.windowEnd);
    const result = await sweeper.sweep(new Date(windowEnd.getTime() + 31 * 24 * 60 * MINUTE));
    expect(result.anonymised).toBeGreaterThanOrEqual(1);

    const erased = await row(visit.id);
    expect(erased.anonymisedAt).not.toBeNull();
    expect(erased).toMatchObject({
      visitorName: '已删除',
      phoneEnc: null,
      phoneHash: null,
      idNumberEnc: null,
      idNumberHash: null,
      idNumberMasked: null,
      plate: null,
      company: null,
      linkTokenHash: null,
      // The counters stay: they are not personal.
      status: 'checked_out',
      entriesUsed: 1,
    });
    expect(JSON.stringify(erased)).not.toContain('吕留存');

    const passages = await t.db.select().from(visitorsPassages).where(eq(visitorsPassages.visitId, visit.id));
    expect(passages).toHaveLength(3);
    expect(passages.every((p) => p.display === '访客（已匿名）')).toBe(true);

    const host = await kit.token(HOST);
    const seen = okBody(await t.call(v.get, { params: { id: visit.id }, token: host }));
    expect(seen.visitor).toMatchObject({
      name: '已删除',
      phoneMasked: '—',
      idNumberMasked: null,
      plate: null,
    });
    expect((await t.call(v.personalData, { params: { id: visit.id }, token: host })).body).toMatchObject({
      code: 'VISITORS_VISIT_NOT_FOUND',
    });
    const passes = okBody(await t.call(v.myPasses, kit.asGuest(guest))).items;
    expect(passes.map((p) => p.id)).not.toContain(visit.id);
    // SMS records addressed to phones go with them.
    expect(await t.db.select().from(notifications).where(isNull(notifications.personId))).toHaveLength(0);

    const after = okBody(await t.call(b.stats, { token: admin, query: { days: 30 } }));
    expect(after.byGate).toEqual(before.byGate);
    expect(after.entriesByHour).toEqual(before.entriesByHour);
    expect(after.denialsByReason).toEqual(before.denialsByReason);
    expect(after.totals).toMatchObject({
      visits: before.totals.visits,
      arrived: before.totals.arrived,
      byOrigin: before.totals.byOrigin,
    });
  });
});

describe('visit reminders', () => {
  beforeAll(() => start({ SMS_SEND_HOURS: '7-21' }));
  afterAll(() => t.close());

  const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
  const reminders = (visitId: string) =>
    t.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.template, 'visitors.reminder'),
          eq(notifications.dedupeKey, `visit-reminder:${visitId}`),
        ),
      );

  it('go out within two hours before the start, once, and only between 07:00 and 21:00', async () => {
    const day = cstDay(2);
    const morning = (
      await invite({ name: '施上午', window: { date: day, startTime: '10:00', endTime: '11:00' } })
    ).visit;
    const early = (
      await invite({ name: '张清早', window: { date: day, startTime: '07:30', endTime: '08:00' } })
    ).visit;
    const night = (
      await invite({ name: '孔夜访', window: { date: day, startTime: '22:30', endTime: '23:30' } })
    ).visit;

    // Too early: more than two hours ahead.
    await sweeper.sweep(at(day, '07:30'));
    expect(await reminders(morning.id)).toHaveLength(0);
    // Within two hours, but at 06:00: nobody gets an SMS at that hour.
    await sweeper.sweep(at(day, '06:00'));
    expect(await reminders(early.id)).toHaveLength(0);
    expect((await row(early.id)).remindedAt).toBeNull();

    await sweeper.sweep(at(day, '08:30'));
    expect(await reminders(morning.id)).toHaveLength(1);
    expect((await row(morning.id)).remindedAt).toEqual(at(day, '08:30'));
    // The early visit has begun: too late for a reminder.
    expect(await reminders(early.id)).toHaveLength(0);
    // Sweeping again does not remind again.
    await sweeper.sweep(at(day, '09:00'));
    await sweeper.sweep(at(day, '09:30'));
    expect(await reminders(morning.id)).toHaveLength(1);

    // 21:00 and later is quiet, even within two hours of a late visit.
    await sweeper.sweep(at(day, '21:15'));
    expect(await reminders(night.id)).toHaveLength(0);
    await sweeper.sweep(at(day, '20:45'));
    const [sms] = await reminders(night.id);
    expect(sms).toMatchObject({ title: '来访提醒' });
    expect(sms!.body).toContain('22:30');
  });
});
