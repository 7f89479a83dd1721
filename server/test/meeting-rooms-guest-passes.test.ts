import type { GateSimulator } from '@dayuan/mocks';
import {
  blockListRoutes as bl,
  bookingLifecycleRoutes as l,
  bookingRoutes as b,
  type MeetingRoom,
  seriesRoutes as s,
  visitRoutes as v,
} from '@dayuan/shared';
import { and, eq, inArray, like } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MeetingRoomsClock } from '../src/meeting-rooms/clock.js';
import { MeetingRoomsSweeper } from '../src/meeting-rooms/meeting-rooms-sweeper.js';
import {
  buildingEntrances,
  meetingRoomsBookings,
  meetingRoomsGuests,
  meetingRoomsRooms,
  meetingRoomsServiceTasks,
  notifications,
  personRoles,
  rooms as roomsTable,
  visitorsVisits,
} from '../src/platform/db/schema.js';
import { AppError } from '../src/platform/http/app-error.js';
import { Notifier } from '../src/platform/notifications/notifier.js';
import { addDays } from '../src/platform/time/china-time.js';
import { meetingRoomsKit } from './support/meeting-rooms-kit.js';
import { okBody, startTestApp, type TestApp } from './support/test-app.js';
import { cstDay, visitorsKit } from './support/visitors-kit.js';

const ORGANIZER = 'E0030'; // 办公厅秘书处
const ATTENDEE = 'E0032';
const APPROVER = 'E0003'; // approver of the 办公厅 tree
const ADMIN = 'E0001';
const DAY = cstDay(3);
const EVE = addDays(DAY, -1);

let t: TestApp;
let kit: ReturnType<typeof meetingRoomsKit>;
let vk: ReturnType<typeof visitorsKit>;
let rooms: Record<string, MeetingRoom>;
let gates: Record<'EAST' | 'NORTH' | 'GARAGE', string>;
let east: GateSimulator;
let north: GateSimulator;

beforeAll(async () => {
  t = await startTestApp({
    LOG_LEVEL: 'error',
    SMS_SEND_HOURS: '0-24',
    MEETING_ROOMS_SWEEP_MS: '0',
    VISITORS_SWEEP_MS: '0',
  });
  const baseUrl = await t.listen();
  kit = meetingRoomsKit(t);
  vk = visitorsKit(t, baseUrl);
  rooms = await kit.rooms();
  gates = await vk.gateIds();
  east = vk.device('EAST-QR1');
  north = vk.device('NORTH-QR1');
  // The gate judges passes against real time: let 多功能厅 be booked at any hour of the day.
  await t.db
    .update(meetingRoomsRooms)
    .set({ openFromMinute: 0, openUntilMinute: 24 * 60 })
    .where(eq(meetingRoomsRooms.roomId, rooms['MC-101']!.id));
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => t.close());

const iso = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();
const label = (date: string, from: string, to: string) =>
  `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${from}–${to}`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An SMS exactly as the mock renders it (signature first); `{link}` stands for the pass link. */
const smsText = (text: string) =>
  new RegExp(`^${escape(`【${t.config.SMS_SIGN_NAME}】${text}`).replace('\\{link\\}', '(\\S+)')}$`);

const guest = (name: string) => ({ name, phone: vk.phone(), company: '省发展改革委' });

/** The meeting passes of a booking, by guest name. */
async function passesOf(bookingId: string) {
  return t.db
    .select({ visit: visitorsVisits, guest: meetingRoomsGuests.name })
    .from(visitorsVisits)
    .innerJoin(meetingRoomsGuests, eq(meetingRoomsGuests.id, visitorsVisits.meetingGuestId))
    .where(eq(meetingRoomsGuests.bookingId, bookingId))
    .orderBy(meetingRoomsGuests.name);
}

const tasksOf = (bookingId: string) =>
  t.db
    .select({ service: meetingRoomsServiceTasks.service, status: meetingRoomsServiceTasks.status })
    .from(meetingRoomsServiceTasks)
    .where(eq(meetingRoomsServiceTasks.bookingId, bookingId))
    .orderBy(meetingRoomsServiceTasks.service);

/** The guest has accepted the privacy notice on the pass page (the gate asks for it before anything else). */
const acceptPrivacy = (visitIds: string[]) =>
  t.db
    .update(visitorsVisits)
    .set({ privacyAcceptedAt: new Date() })
    .where(inArray(visitorsVisits.id, visitIds));

const scan = (gate: GateSimulator, visitId: string) => gate.scan(vk.passCodes().issue(visitId).code, 'in');

/** The meeting-room clock at an instant. */
const clockAt = (at: Date) => vi.spyOn(t.app.get(MeetingRoomsClock), 'now').mockReturnValue(at);

/** `HH:mm` of a minute of the China day. */
const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

async function serviceStaff() {
  const rows = await t.db
    .select({ id: personRoles.personId })
    .from(personRoles)
    .where(eq(personRoles.role, 'meeting_service'));
  return rows.map((r) => r.id);
}

const serviceNotices = async () =>
  t.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.template, 'meeting-rooms.service_requested'),
        inArray(notifications.personId, await serviceStaff()),
      ),
    );

describe('会议一件事: a booking with guests issues their visitor passes', () => {
  it('gives each guest an approved pass at the building entrances, from 30 min before to 30 min after', async () => {
    kit.at(EVE, '10:00');
    const [zhao, qian] = [guest('赵外宾'), guest('钱外宾')];
    const booking = okBody(
      await kit.book(ORGANIZER, {
        roomId: rooms['MC-101']!.id,
        title: '项目评审会',
        date: DAY,
        startTime: '09:00',
        endTime: '10:00',
        attendeeIds: [await kit.personId(ATTENDEE)],
        guests: [zhao, qian],
        services: ['tea', 'av'],
      }),
    );
    expect(booking.status).toBe('booked');
    const passes = await passesOf(booking.id);
    expect(passes.map((p) => p.guest)).toEqual(['赵外宾', '钱外宾'].sort());
    for (const { visit } of passes) {
      expect(visit).toMatchObject({
        origin: 'meeting',
        status: 'approved',
        hostId: await kit.personId(ORGANIZER),
        gateIds: [gates.EAST],
        maxEntries: 1,
        idNumberRequired: false,
        purpose: '参加会议「项目评审会」',
      });
      expect(visit.windowStart.toISOString()).toBe(iso(DAY, '08:30'));
      expect(visit.windowEnd.toISOString()).toBe(iso(DAY, '10:30'));
      expect(visit.phoneEnc).not.toContain(zhao.phone.slice(3));
    }
    // The booking shows each guest's pass.
    const seen = okBody(
      await t.call(b.get, { token: await kit.token(ORGANIZER), params: { id: booking.id } }),
    );
    expect(seen.guests.map((g) => g.pass?.status)).toEqual(['approved', 'approved']);

    const when = label(DAY, '09:00', '10:00');
    const text = `${kit.name(ORGANIZER)}邀请您参加会议「项目评审会」，时间${when}，地点会议中心 多功能厅。请点击 {link} 查看入园通行证。`;
    await vk.waitForSms(zhao.phone, smsText(text));
    await vk.waitForSms(qian.phone, smsText(text));

    // Service tasks are opened and the meeting service team is told; the attendee is invited.
    expect(await tasksOf(booking.id)).toEqual([
      { service: 'av', status: 'open' },
      { service: 'tea', status: 'open' },
    ]);
    const staffNotices = (await serviceNotices()).filter((n) => n.body.includes('项目评审会'));
    expect(staffNotices).toHaveLength((await serviceStaff()).length);
    expect(staffNotices[0]).toMatchObject({
      title: '会议服务：茶水、音视频保障',
      body: `会议中心 多功能厅，${when}「项目评审会」`,
    });
    const [invited] = await kit.notices(ATTENDEE, 'meeting-rooms.meeting_changed');
    expect(invited).toMatchObject({
      title: '会议邀请：项目评审会',
      body: `时间：${when}，地点：会议中心 多功能厅`,
    });
    expect(await kit.audits(booking.id, 'visitors.meeting_passes.issued')).toHaveLength(1);
  });

  it('opens the gate only at the entrances of the building and only inside the window (real time)', async () => {
    const now = Date.now();
    const nowMinute = Math.floor(((now + 8 * 3600_000) % 86_400_000) / 60_000);
    const startMinute = Math.min(Math.max(nowMinute - 10, 0), 24 * 60 - 61);
    const book = async (date: string, title: string, person: { name: string; phone: string }) => {
      clockAt(new Date(new Date(iso(date, hhmm(startMinute))).getTime() - 3600_000));
      const booking = okBody(
        await kit.book(ORGANIZER, {
          roomId: rooms['MC-101']!.id,
          title,
          date,
          startTime: hhmm(startMinute),
          endTime: hhmm(startMinute + 60),
          guests: [person],
        }),
      );
      return (await passesOf(booking.id))[0]!.visit;
    };
    const zhou = guest('周外宾');
    const current = await book(cstDay(0), '当前会议', zhou);
    const tomorrow = await book(cstDay(1), '明日会议', guest('吴外宾'));
    const yesterday = await book(cstDay(-1), '昨日会议', guest('郑外宾'));
    expect(current.windowStart.getTime()).toBeLessThanOrEqual(now);
    expect(current.windowEnd.getTime()).toBeGreaterThan(now);

    // The guest finds the pass with their phone and accepts the privacy notice.
    const token = await vk.guest(zhou.phone);
    const mine = okBody(await t.call(v.myPasses, vk.asGuest(token))).items;
    expect(mine.map((p) => p.id)).toContain(current.id);
    okBody(
      await t.call(v.completeProfile, {
        params: { id: current.id },
        body: { acceptPrivacy: true },
        ...vk.asGuest(token),
      }),
    );
    await acceptPrivacy([tomorrow.id, yesterday.id]);

    expect((await scan(north, current.id)).body).toMatchObject({
      decision: 'deny',
      reason: 'PASS_WRONG_GATE',
    });
    expect((await scan(east, tomorrow.id)).body).toMatchObject({
      decision: 'deny',
      reason: 'PASS_NOT_YET_VALID',
    });
    expect((await scan(east, yesterday.id)).body).toMatchObject({ decision: 'deny', reason: 'PASS_EXPIRED' });
    expect((await scan(east, current.id)).body).toMatchObject({
      decision: 'allow',
      display: '周*宾（访客）',
    });
  });

  it('refuses a booking inviting a block-listed guest and names the guest; nothing is written', async () => {
    const banned = guest('黑名单');
    okBody(
      await t.call(bl.add, {
        token: await kit.token(ADMIN),
        body: { phone: banned.phone, reason: '多次滋扰' },
      }),
    );
    kit.at(EVE, '10:00');
    const res = await kit.book(ORGANIZER, {
      roomId: rooms['MC-202']!.id,
      title: '被拒的会',
      date: DAY,
      startTime: '16:00',
      endTime: '17:00',
      guests: [guest('孙外宾'), banned],
    });
    expect(res).toMatchObject({
      status: 403,
      body: { code: 'VISITORS_BLOCKED', details: [{ path: 'body.guests.1', issue: '在禁止来访名单中' }] },
    });
    expect(
      await t.db.select().from(meetingRoomsBookings).where(eq(meetingRoomsBookings.title, '被拒的会')),
    ).toEqual([]);
  });

  it('a failing step writes nothing: no booking, no pass, no task, no SMS', async () => {
    const notifier = t.app.get(Notifier);
    const notify = notifier.notify.bind(notifier);
    vi.spyOn(notifier, 'notify').mockImplementation(async (tx, input) => {
      if (input.template === 'meeting-rooms.meeting_changed') throw new AppError('UPSTREAM_UNAVAILABLE');
      return notify(tx, input);
    });
    kit.at(EVE, '10:00');
    const li = guest('李外宾');
    const res = await kit.book(ORGANIZER, {
      roomId: rooms['MC-202']!.id,
      title: '半途失败',
      date: DAY,
      startTime: '17:00',
      endTime: '18:00',
      attendeeIds: [await kit.personId(ATTENDEE)],
      guests: [li],
      services: ['water'],
    });
    expect(res).toMatchObject({ status: 503, body: { code: 'UPSTREAM_UNAVAILABLE' } });
    expect(
      await t.db.select().from(meetingRoomsBookings).where(eq(meetingRoomsBookings.title, '半途失败')),
    ).toEqual([]);
    expect(
      await t.db.select().from(visitorsVisits).where(like(visitorsVisits.purpose, '%半途失败%')),
    ).toEqual([]);
    expect(await t.db.select().from(notifications).where(like(notifications.body, '%半途失败%'))).toEqual([]);
    expect(await vk.outbox(li.phone)).toEqual([]);
  });
});

describe('会议一件事: which gates a pass opens', () => {
  const bookIn = async (code: string, title: string) => {
    kit.at(EVE, '10:00');
    const booking = okBody(
      await kit.book(ORGANIZER, {
        roomId: rooms[code]!.id,
        title,
        date: DAY,
        startTime: '18:00',
        endTime: '19:00',
        guests: [guest('朱外宾')],
      }),
    );
    return (await passesOf(booking.id))[0]!.visit;
  };

  it("takes the building's entrances and their ID-number policy (北门 asks for the ID number)", async () => {
    const pass = await bookIn('B1-603', '一号楼会议');
    expect([...pass.gateIds].sort()).toEqual([gates.EAST, gates.NORTH].sort());
    expect(pass.idNumberRequired).toBe(true);
  });

  it('a building without recorded entrances: every gate people walk through, not the garage', async () => {
    const [room] = await t.db
      .select({ buildingId: roomsTable.buildingId })
      .from(roomsTable)
      .where(eq(roomsTable.id, rooms['MC-202']!.id));
    const where = eq(buildingEntrances.buildingId, room!.buildingId);
    const entrances = await t.db.delete(buildingEntrances).where(where).returning();
    expect(entrances.map((e) => e.gateId)).toEqual([gates.EAST]);
    try {
      const pass = await bookIn('MC-202', '无入口登记的会');
      expect([...pass.gateIds].sort()).toEqual([gates.EAST, gates.NORTH].sort());
    } finally {
      await t.db.insert(buildingEntrances).values(entrances);
    }
  });
});

describe('会议一件事: approval, moves, cancellation and release', () => {
  it('a restricted room issues nothing until approved; the approval issues passes and tasks', async () => {
    kit.at(EVE, '08:00');
    const [feng, banned] = [guest('冯外宾'), guest('陈外宾')];
    const pending = okBody(
      await kit.book(ORGANIZER, {
        roomId: rooms['MC-201']!.id,
        title: '贵宾座谈',
        date: DAY,
        startTime: '14:00',
        endTime: '15:00',
        attendeeIds: [await kit.personId(ATTENDEE)],
        guests: [feng, banned],
        services: ['name_cards'],
      }),
    );
    expect(pending.status).toBe('pending');
    expect(await passesOf(pending.id)).toEqual([]);
    expect(await tasksOf(pending.id)).toEqual([]);
    expect(
      (await kit.notices(ATTENDEE, 'meeting-rooms.meeting_changed')).filter((n) =>
        n.title.includes('贵宾座谈'),
      ),
    ).toEqual([]);

    // Block-listed after the booking was made: the approval gives that guest no pass and says so.
    okBody(
      await t.call(bl.add, {
        token: await kit.token(ADMIN),
        body: { phone: banned.phone, reason: '冒用身份' },
      }),
    );
    kit.at(EVE, '09:00');
    const approved = okBody(
      await t.call(l.decide, {
        token: await kit.token(APPROVER),
        params: { id: pending.id },
        body: { approve: true },
      }),
    );
    expect(approved.status).toBe('booked');
    const passes = await passesOf(pending.id);
    expect(passes.map((p) => p.guest)).toEqual(['冯外宾']);
    expect(passes[0]!.visit.windowStart.toISOString()).toBe(iso(DAY, '13:30'));
    const [audit] = await kit.audits(pending.id, 'visitors.meeting_passes.issued');
    const bannedGuest = approved.guests.find((g) => g.name === '陈外宾');
    expect(bannedGuest?.pass).toBeNull();
    expect((audit!.details as { withheldGuests: string[] }).withheldGuests).toHaveLength(1);
    await vk.waitForSms(feng.phone, /邀请您参加会议「贵宾座谈」/);
    expect(await vk.outbox(banned.phone)).toEqual([]);
    expect(await tasksOf(pending.id)).toEqual([{ service: 'name_cards', status: 'open' }]);
    expect((await serviceNotices()).filter((n) => n.body.includes('贵宾座谈'))).not.toEqual([]);
    const invited = (await kit.notices(ATTENDEE, 'meeting-rooms.meeting_changed')).filter((n) =>
      n.title.includes('贵宾座谈'),
    );
    expect(invited.map((n) => n.title)).toEqual(['会议邀请：贵宾座谈']);
  });

  it('a rejected request never had passes', async () => {
    kit.at(EVE, '08:00');
    const pending = okBody(
      await kit.book(ORGANIZER, {
        roomId: rooms['MC-201']!.id,
        title: '未获批的会',
        date: DAY,
        startTime: '16:00',
        endTime: '17:00',
        guests: [guest('褚外宾')],
        services: ['tea'],
      }),
    );
    okBody(
      await t.call(l.decide, {
        token: await kit.token(APPROVER),
        params: { id: pending.id },
        body: { approve: false, note: '另有安排' },
      }),
    );
    expect(await passesOf(pending.id)).toEqual([]);
    expect(await tasksOf(pending.id)).toEqual([]);
  });

  it('moving a booking moves the passes, tells the guests by SMS and the attendees in the app', async () => {
    kit.at(EVE, '10:00');
    const wei = guest('卫外宾');
    const booking = okBody(
      await kit.book(ORGANIZER, {
        roomId: rooms['MC-202']!.id,
        title: '方案讨论',
        date: DAY,
        startTime: '09:00',
        endTime: '10:00',
        attendeeIds: [await kit.personId(ATTENDEE)],
        guests: [wei],
      }),
    );
    const next = addDays(DAY, 1);
    okBody(
      await t.call(s.move, {
        token: await kit.token(ORGANIZER),
        params: { id: booking.id },
        body: { date: next, startTime: '15:00', endTime: '16:30' },
      }),
    );
    const [pass] = await passesOf(booking.id);
    expect(pass!.visit.windowStart.toISOString()).toBe(iso(next, '14:30'));
    expect(pass!.visit.windowEnd.toISOString()).toBe(iso(next, '17:00'));
    const when = label(next, '15:00', '16:30');
    await vk.waitForSms(
      wei.phone,
      smsText(`您受邀参加的会议「方案讨论」已改至${when}，通行证有效期已随之调整，请点击 {link} 查看。`),
    );
    const moved = (await kit.notices(ATTENDEE, 'meeting-rooms.meeting_changed')).filter(
      (n) => n.title === '会议已改期：方案讨论',
    );
    expect(moved.map((n) => n.body)).toEqual([`时间：${when}，地点：会议中心 第三会议室`]);
  });

  it('extending or ending early moves the end of the passes', async () => {
    kit.at(DAY, '07:00');
    const booking = okBody(
      await kit.book(ORGANIZER, {
        roomId: rooms['MC-202']!.id,
        title: '延长的会',
        date: DAY,
        startTime: '11:00',
        endTime: '12:00',
        guests: [guest('蒋外宾')],
      }),
    );
    okBody(
      await t.call(l.extend, {
        token: await kit.token(ORGANIZER),
        params: { id: booking.id },
        body: { endTime: '13:00' },
      }),
    );
    const [pass] = await passesOf(booking.id);
    expect(pass!.visit.windowStart.toISOString()).toBe(iso(DAY, '10:30'));
    expect(pass!.visit.windowEnd.toISOString()).toBe(iso(DAY, '13:30'));
  });

  it('cancelling revokes the passes (the gate says so), tells guests and attendees, cancels the tasks', async () => {
    kit.at(EVE, '10:00');
    const shen = guest('沈外宾');
    const booking = okBody(
      await kit.book(ORGANIZER, {
        roomId: rooms['MC-101']!.id,
        title: '取消的会',
        date: DAY,
        startTime: '15:00',
        endTime: '16:00',
        attendeeIds: [await kit.personId(ATTENDEE)],
        guests: [shen],
        services: ['tea', 'water'],
      }),
    );
    const [issued] = await passesOf(booking.id);
    await acceptPrivacy([issued!.visit.id]);
    okBody(await t.call(b.cancel, { token: await kit.token(ORGANIZER), params: { id: booking.id } }));
    const [pass] = await passesOf(booking.id);
    expect(pass!.visit.status).toBe('cancelled');
    expect((await scan(east, pass!.visit.id)).body).toMatchObject({
      decision: 'deny',
      reason: 'PASS_REVOKED',
    });
    await vk.waitForSms(
      shen.phone,
      smsText(`您受邀参加的会议「取消的会」（${label(DAY, '15:00', '16:00')}）已取消，入园通行证已作废。`),
    );
    expect(await tasksOf(booking.id)).toEqual([
      { service: 'tea', status: 'cancelled' },
      { service: 'water', status: 'cancelled' },
    ]);
    const told = (await kit.notices(ATTENDEE, 'meeting-rooms.meeting_changed')).filter((n) =>
      n.title.includes('取消的会'),
    );
    expect(told.map((n) => n.title)).toEqual(['会议邀请：取消的会', '会议已取消：取消的会']);
  });

  it('the sweeper releasing a no-show revokes its passes and cancels its tasks', async () => {
    const date = addDays(DAY, 2);
    kit.at(EVE, '10:00');
    const han = guest('韩外宾');
    const booking = okBody(
      await kit.book(ORGANIZER, {
        roomId: rooms['MC-202']!.id,
        title: '没人来的会',
        date,
        startTime: '09:00',
        endTime: '10:00',
        attendeeIds: [await kit.personId(ATTENDEE)],
        guests: [han],
        services: ['av'],
      }),
    );
    const result = await t.app.get(MeetingRoomsSweeper).sweep(new Date(iso(date, '09:10')));
    expect(result.released).toBeGreaterThanOrEqual(1);
    const [pass] = await passesOf(booking.id);
    expect(pass!.visit.status).toBe('cancelled');
    expect(await tasksOf(booking.id)).toEqual([{ service: 'av', status: 'cancelled' }]);
    await vk.waitForSms(han.phone, /会议「没人来的会」.*已取消，入园通行证已作废/);
    const told = (await kit.notices(ATTENDEE, 'meeting-rooms.meeting_changed')).filter(
      (n) => n.title === '会议已取消：没人来的会',
    );
    expect(told).toHaveLength(1);
  });

  it('erases the guests of a meeting VISITORS_RETENTION_DAYS after it ended, as visits are', async () => {
    const date = addDays(DAY, 3);
    kit.at(EVE, '10:00');
    const booking = okBody(
      await kit.book(ORGANIZER, {
        roomId: rooms['MC-202']!.id,
        title: '留存期满的会',
        date,
        startTime: '14:00',
        endTime: '15:00',
        guests: [guest('秦外宾')],
      }),
    );
    const ended = Date.parse(iso(date, '15:00'));
    const retention = t.config.VISITORS_RETENTION_DAYS * 24 * 3600_000;
    const guestRow = async () =>
      (await t.db.select().from(meetingRoomsGuests).where(eq(meetingRoomsGuests.bookingId, booking.id)))[0]!;
    const sweeper = t.app.get(MeetingRoomsSweeper);

    await sweeper.sweep(new Date(ended + retention - 60_000));
    expect(await guestRow()).toMatchObject({ name: '秦外宾', erasedAt: null, company: '省发展改革委' });

    await sweeper.sweep(new Date(ended + retention));
    expect(await guestRow()).toMatchObject({
      name: '已删除',
      phoneEnc: null,
      phoneHash: null,
      company: null,
    });
    const view = okBody(
      await t.call(b.get, { token: await kit.token(ORGANIZER), params: { id: booking.id } }),
    );
    expect(view.guests).toEqual([
      {
        name: '已删除',
        phoneMasked: '已删除',
        company: null,
        pass: expect.objectContaining({ status: 'cancelled' }),
      },
    ]);
    // A second sweep finds nothing left to erase for it.
    await sweeper.sweep(new Date(ended + retention + 60_000));
    expect((await guestRow()).erasedAt).not.toBeNull();
  });

  it('a series issues a pass per occurrence; cancelling the rest revokes them and tells the attendees', async () => {
    const first = addDays(DAY, 4);
    kit.at(EVE, '10:00');
    const yang = guest('杨外宾');
    const created = okBody(
      await t.call(s.create, {
        token: await kit.token(ORGANIZER),
        body: {
          roomId: rooms['MC-202']!.id,
          title: '周期协调会',
          frequency: 'daily',
          firstDate: first,
          count: 3,
          startTime: '08:00',
          endTime: '09:00',
          attendeeIds: [await kit.personId(ATTENDEE)],
          guests: [yang],
        },
      }),
    );
    const ids = created.series.occurrences.map((o) => o.bookingId);
    for (const id of ids) expect((await passesOf(id)).map((p) => p.visit.status)).toEqual(['approved']);
    okBody(
      await t.call(s.cancelRest, {
        token: await kit.token(ORGANIZER),
        params: { id: created.series.id },
        body: { from: addDays(first, 1) },
      }),
    );
    expect((await passesOf(ids[0]!))[0]!.visit.status).toBe('approved');
    expect((await passesOf(ids[1]!))[0]!.visit.status).toBe('cancelled');
    expect((await passesOf(ids[2]!))[0]!.visit.status).toBe('cancelled');
    const told = (await kit.notices(ATTENDEE, 'meeting-rooms.meeting_changed')).filter(
      (n) => n.title === '会议已取消：周期协调会',
    );
    expect(told).toHaveLength(2);
  });
});
